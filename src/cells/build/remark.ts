// remark plugin: each cell of the chapter (a ```ts cell block and its ```output block) becomes the
// <Cell> component, which renders the code highlighted with its expected output and runs it on
// request. The cells are the book model's (src/book/build), read from this very tree, so a cell
// nested in <details>, a list or a component is rendered where it sits, as it is checked.
import type { Root } from 'mdast';
import { resolve } from 'node:path';
import { chapterOf, isChapterFile } from '../../book/build/book.ts';
import type { Chapter } from '../../book/build/model.ts';
import { component, esmImport, replaceBlock } from '../../course/build/mdx.ts';
import type { CellPageData } from '../shared/data.ts';

const cellComponent = resolve(process.cwd(), 'src/cells/Cell.astro');

// the checkpoints that ask about this cell's output: the page keeps it folded away until answered
export const predictedBy = (chapter: Chapter, cellId: string): string[] => chapter.checkpoints.filter((c) => c.source !== null && 'cell' in c.source && c.source.cell === cellId).map((c) => c.id);

export function remarkCells() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    if (!isChapterFile(file.path)) return;
    const chapter = chapterOf(tree, file.path!, String(file.value ?? ''));
    if (chapter.cells.length === 0) return;
    for (const { chapter: slug, id, setup, code, expected, timeoutMs, throws, spot } of chapter.cells) {
      const data: CellPageData = { chapter: slug, id, setup, code, expected, timeoutMs, throws, predictedBy: predictedBy(chapter, id) };
      replaceBlock(spot, component('Cell', { data }));
    }
    tree.children.unshift(esmImport('Cell', cellComponent));
  };
}
