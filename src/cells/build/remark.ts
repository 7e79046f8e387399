// remark plugin: each cell of the chapter (a ```ts cell block and its ```output block) becomes the
// <Cell> component, which renders the code highlighted with its expected output and runs it on
// request; each exercise (its starter, solution, checks and hints blocks) becomes <Exercise>.
// The cells and exercises are the book model's (src/book/build), read from this very tree, so a
// block nested in <details>, a list or a component is rendered where it sits, as it is checked.
import { parse } from 'acorn';
import type { Parent, Root, RootContent } from 'mdast';
import { resolve } from 'node:path';
import type { CellPageData, ExercisePageData } from '../shared/data.ts';
import { chapterOf, isChapterFile } from '../../book/build/book.ts';
import { exerciseVersion } from '../../exercises/build/verify.ts';
import type { TreeSpot } from '../../book/build/model.ts';

const cellComponent = resolve(process.cwd(), 'src/cells/Cell.astro');
const exerciseComponent = resolve(process.cwd(), 'src/exercises/Exercise.astro');

const element = (name: string, attribute: string, value: string) =>
  ({ type: 'mdxJsxFlowElement', name, attributes: [{ type: 'mdxJsxAttribute', name: attribute, value }], children: [] }) as unknown as RootContent;
const esmImport = (name: string, path: string) => {
  const value = `import ${name} from ${JSON.stringify(path)};`;
  return { type: 'mdxjsEsm', value, data: { estree: parse(value, { ecmaVersion: 'latest', sourceType: 'module' }) } } as unknown as RootContent;
};

// the block's nodes, wherever they sit, replaced by one element
function replace({ parent, nodes }: TreeSpot, by: RootContent): void {
  const index = (parent as Parent).children.indexOf(nodes[0]);
  if (index === -1) throw new Error('a cell or exercise is no longer where the book model found it');
  (parent as Parent).children.splice(index, nodes.length, by);
}

export function remarkCells() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    if (!isChapterFile(file.path)) return;
    const chapter = chapterOf(tree, file.path!, String(file.value ?? ''));
    if (chapter.cells.length === 0 && chapter.exercises.length === 0) return;
    for (const { chapter: slug, id, setup, code, expected, timeoutMs, throws, spot } of chapter.cells) {
      const data: CellPageData = { chapter: slug, id, setup, code, expected, timeoutMs, throws };
      replace(spot, element('Cell', 'cell', JSON.stringify(data)));
    }
    for (const exercise of chapter.exercises) {
      const { chapter: slug, id, title, setup, starter, solution, checks, checkNames, provides, withhold, hints, timeoutMs, spot } = exercise;
      const data: ExercisePageData = { chapter: slug, id, title, setup, starter, solution, checks, checkNames, provides, withhold, hints, timeoutMs, version: exerciseVersion(exercise) };
      replace(spot, element('Exercise', 'exercise', JSON.stringify(data)));
    }
    tree.children.unshift(esmImport('Cell', cellComponent), esmImport('Exercise', exerciseComponent));
  };
}
