// remark plugin: each cell (```ts cell id=… followed by its ```output block) becomes the <Cell>
// component, which renders the code highlighted with its expected output and runs it on request;
// each exercise (```ts exercise … with its solution, checks and hints blocks) becomes <Exercise>.
// The formats are src/cells/extract.ts's and src/exercises/extract.ts's; the same parsers feed
// `npm run check:cells`.
import { parse } from 'acorn';
import { basename, relative, resolve } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { type ExercisePageData, extractExercises } from '../exercises/extract.ts';
import { extractCells } from './extract.ts';

const cellComponent = resolve(process.cwd(), 'src/components/Cell.astro');
const exerciseComponent = resolve(process.cwd(), 'src/components/Exercise.astro');

const element = (name: string, attribute: string, value: string) =>
  ({ type: 'mdxJsxFlowElement', name, attributes: [{ type: 'mdxJsxAttribute', name: attribute, value }], children: [] }) as unknown as RootContent;
const esmImport = (name: string, path: string) => {
  const value = `import ${name} from ${JSON.stringify(path)};`;
  return { type: 'mdxjsEsm', value, data: { estree: parse(value, { ecmaVersion: 'latest', sourceType: 'module' }) } } as unknown as RootContent;
};

export function remarkCells() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    const path = file.path ?? '';
    if (!relative(process.cwd(), path).startsWith('content/chapters/')) return;
    const chapter = basename(path).replace(/\.mdx?$/, '');
    const text = String(file.value ?? '');
    const cells = extractCells(chapter, text);
    const exercises = extractExercises(chapter, text);
    if (cells.length === 0 && exercises.length === 0) return;
    const byLine = new Map(cells.map((c) => [c.line, c]));
    const exerciseAt = new Map(exercises.map((e) => [e.line, e]));
    // the fences a cell or an exercise renders itself: its output, solution, checks and hints
    const taken = new Set<number>();
    for (const cell of cells) if (cell.expectedLine !== null) taken.add(cell.expectedLine);
    for (const e of exercises) for (const line of [e.solutionLine - 1, e.checksLine - 1, e.hintsLine]) taken.add(line);
    const children: RootContent[] = [];
    for (const node of tree.children) {
      const line = node.position?.start.line ?? -1;
      const cell = node.type === 'code' ? byLine.get(line) : undefined;
      const exercise = node.type === 'code' ? exerciseAt.get(line) : undefined;
      if (cell) {
        const data = { chapter, id: cell.id, setup: cell.setup, code: cell.code, expected: cell.expected, timeoutMs: cell.timeoutMs, throws: cell.throws };
        children.push(element('Cell', 'cell', JSON.stringify(data)));
      } else if (exercise) {
        const { id, title, setup, starter, solution, checks, checkNames, hints, timeoutMs } = exercise;
        const data: ExercisePageData = { chapter, id, title, setup, starter, solution, checks, checkNames, hints, timeoutMs };
        children.push(element('Exercise', 'exercise', JSON.stringify(data)));
      } else if (!(node.type === 'code' && taken.has(line))) {
        children.push(node);
      }
    }
    children.unshift(esmImport('Cell', cellComponent), esmImport('Exercise', exerciseComponent));
    tree.children = children;
  };
}
