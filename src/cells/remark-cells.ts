// remark plugin: each cell (```ts cell id=… followed by its ```output block) becomes the <Cell>
// component, which renders the code highlighted with its expected output and runs it on request.
// The cell format is src/cells/extract.ts's; the same parser feeds `npm run check:cells`.
import { parse } from 'acorn';
import { basename, relative, resolve } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { extractCells } from './extract.ts';

const cellComponent = resolve(process.cwd(), 'src/components/Cell.astro');

export function remarkCells() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    const path = file.path ?? '';
    if (!relative(process.cwd(), path).startsWith('content/chapters/')) return;
    const chapter = basename(path).replace(/\.mdx?$/, '');
    const cells = extractCells(chapter, String(file.value ?? ''));
    if (cells.length === 0) return;
    const byLine = new Map(cells.map((c) => [c.line, c]));
    const children: RootContent[] = [];
    const outputsTaken = new Set<number>();
    for (const node of tree.children) {
      const line = node.position?.start.line ?? -1;
      const cell = node.type === 'code' ? byLine.get(line) : undefined;
      if (cell) {
        if (cell.expectedLine !== null) outputsTaken.add(cell.expectedLine);
        const data = JSON.stringify({ chapter, id: cell.id, setup: cell.setup, code: cell.code, expected: cell.expected, timeoutMs: cell.timeoutMs, throws: cell.throws });
        children.push({
          type: 'mdxJsxFlowElement',
          name: 'Cell',
          attributes: [{ type: 'mdxJsxAttribute', name: 'cell', value: data }],
          children: [],
        } as unknown as RootContent);
      } else if (node.type === 'code' && outputsTaken.has(line)) {
        continue; // the cell renders its own output block
      } else {
        children.push(node);
      }
    }
    const importCell = `import Cell from ${JSON.stringify(cellComponent)};`;
    children.unshift({
      type: 'mdxjsEsm',
      value: importCell,
      data: { estree: parse(importCell, { ecmaVersion: 'latest', sourceType: 'module' }) },
    } as unknown as RootContent);
    tree.children = children;
  };
}
