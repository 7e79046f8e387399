// remark plugin: every <Source file="x.ts" region="name" /> in a chapter must name a real region
// of a real engine file; if not, the build fails with the chapter file and line.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { engineSrc, readEngineFile } from './regions.ts';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export function checkSourceTag(attributes: Record<string, unknown>): string | null {
  const { file, region } = attributes;
  if (typeof file !== 'string' || typeof region !== 'string') return '<Source> needs file="<module>.ts" and region="<name>" as plain strings';
  if (!/^[\w-]+\.ts$/.test(file) || !existsSync(join(engineSrc, file))) return `<Source file="${file}">: there is no engine/src/${file}`;
  const { regions } = readEngineFile(file.replace(/\.ts$/, ''));
  if (!regions.has(region)) return `<Source file="${file}" region="${region}">: engine/src/${file} has no region "${region}" (it has: ${[...regions.keys()].join(', ')})`;
  return null;
}

export function remarkLiterate() {
  return (tree: Root, file: { path?: string }) => {
    visit(tree, (node: any) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Source') return;
      const attributes = Object.fromEntries(
        (node.attributes as JsxAttribute[]).filter((a) => a.type === 'mdxJsxAttribute' && a.name).map((a) => [a.name, a.value]),
      );
      const problem = checkSourceTag(attributes);
      if (problem) {
        const where = `${file.path ? relative(process.cwd(), file.path) : 'chapter'}:${node.position?.start.line ?? '?'}`;
        throw new Error(`${where}: ${problem}`);
      }
    });
  };
}
