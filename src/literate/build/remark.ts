// remark plugin: every <Source file="x.ts" region="name" /> in a chapter must name a real region
// of a real engine file; if not, the build fails with the chapter file, line and column.
import { existsSync } from 'node:fs';
import type { Root } from 'mdast';
import { chapterOf, isChapterFile } from '../../book/build/book.ts';
import { BookError } from '../../book/build/model.ts';
import { modulePath } from './engine-modules.ts';
import { engineFilePath, readEngineFile } from './regions.ts';

export function checkSourceTag(attributes: Record<string, unknown>): string | null {
  const { file, region } = attributes;
  if (typeof file !== 'string' || typeof region !== 'string') return '<Source> needs file="<module>.ts" and region="<name>" as plain strings';
  const module = file.replace(/\.ts$/, '');
  if (!/^(fast\/)?[\w-]+\.ts$/.test(file) || !existsSync(engineFilePath(module))) return `<Source file="${file}">: there is no ${modulePath(module)}`;
  const { regions } = readEngineFile(module);
  if (!regions.has(region)) return `<Source file="${file}" region="${region}">: ${modulePath(module)} has no region "${region}" (it has: ${[...regions.keys()].join(', ')})`;
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
