// remark plugin: every <Source file="x.ts" region="name" /> in a chapter must name a real region
// of a real engine file; if not, the build fails with the chapter file, line and column.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { chapterOf, isChapterFile } from '../book/book.ts';
import { BookError } from '../book/model.ts';
import { engineSrc, readEngineFile } from './regions.ts';

export function checkSourceTag(attributes: Record<string, unknown>): string | null {
  const { file, region } = attributes;
  if (typeof file !== 'string' || typeof region !== 'string') return '<Source> needs file="<module>.ts" and region="<name>" as plain strings';
  if (!/^[\w-]+\.ts$/.test(file) || !existsSync(join(engineSrc, file))) return `<Source file="${file}">: there is no engine/src/${file}`;
  const { regions } = readEngineFile(file.replace(/\.ts$/, ''));
  if (!regions.has(region)) return `<Source file="${file}" region="${region}">: engine/src/${file} has no region "${region}" (it has: ${[...regions.keys()].join(', ')})`;
  return null;
}

export function remarkLiterate() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    if (!isChapterFile(file.path)) return;
    for (const quote of chapterOf(tree, file.path!, String(file.value ?? '')).quotes) {
      const problem = checkSourceTag(quote.attributes);
      if (problem) throw new BookError(quote.place, problem);
    }
  };
}
