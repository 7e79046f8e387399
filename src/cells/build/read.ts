// A cell, as the chapter writes it: a ```ts cell block and the ```output block right after it, found
// wherever it sits in the chapter's tree (the book's walk hands each one here).
import type { Code, Nodes, Parent } from 'mdast';
import { blockOptions, type ReadContext, splitSetup } from '../../book/build/blocks.ts';
import type { Place, Span, TreeSpot } from '../../book/build/model.ts';
import type { CellPageData } from '../shared/data.ts';

// ```ts cell id=<id> [timeout=ms] [throws], then its ```output block as the next sibling.
// Lines above a `// ---` line are hidden setup: run first, not shown. (Which checkpoints ask about
// it, predictedBy, is the page's to know: the remark plugin finds them.)
export interface Cell extends Omit<CellPageData, 'predictedBy'> {
  file: string;
  place: Place; // the opening fence
  line: number; // place.line
  codeLine: number; // chapter line of the first visible line
  expectedLine: number | null;
  span: Span; // of the cell's code block
  outputSpan: Span | null;
  spot: TreeSpot;
}

export const isCell = (node: Nodes): node is Code => node.type === 'code' && node.lang === 'ts' && /^cell\b/.test(node.meta ?? '');
const isOutput = (node: Nodes | undefined): node is Code => node?.type === 'code' && node.lang === 'output';

// the cell whose block is parent.children[index]; its spot says which nodes it takes
export function readCell(parent: Parent, index: number, node: Code, { slug, file, place, span }: ReadContext, ids: Set<string>): Cell {
  const at = place(node);
  const { options, id, timeoutMs } = blockOptions(at, 'cell', node.meta ?? '', ['id', 'timeout', 'throws'], ids);
  const { setup, code, hidden } = splitSetup(node.value);
  const next = parent.children[index + 1] as Nodes | undefined;
  const output = isOutput(next) ? next : null;
  return {
    chapter: slug,
    file,
    id,
    place: at,
    line: at.line,
    setup,
    code,
    codeLine: at.line + 1 + hidden,
    expected: output ? output.value : null,
    expectedLine: output ? place(output).line : null,
    timeoutMs,
    throws: options.throws === true || options.throws === 'true',
    span: span(node),
    outputSpan: output ? span(output) : null,
    spot: { parent, nodes: output ? [node, output] : [node] },
  };
}
