// A cell's run judged against the book: a problem at the chapter line to blame, or null.
import type { CellResult } from '../../runtime/execute.ts';
import { diffLines, outputText } from '../shared/output.ts';
import type { Cell } from './read.ts';

// what the checker reports of a cell; an exercise is reported as the cell its code makes (verify.ts)
export type CheckedCode = Pick<Cell, 'chapter' | 'file' | 'id' | 'place' | 'line' | 'setup' | 'code' | 'codeLine'>;

export interface Problem {
  cell: CheckedCode;
  line: number; // in the chapter
  column: number; // of the block's fence: where its code starts in a nested block
  message: string;
  diff?: string;
}

export function compareCell(cell: Cell, result: Pick<CellResult, 'output' | 'error'>): Problem | null {
  const where = (line: number) => ({ cell, line, column: cell.place.column });
  if (result.error && !cell.throws) {
    const line = result.error.line === null ? cell.line : cell.codeLine + result.error.line - 1;
    return { ...where(line), message: `cell "${cell.id}" threw ${result.error.name}: ${result.error.message}` };
  }
  if (!result.error && cell.throws) return { ...where(cell.line), message: `cell "${cell.id}" was expected to throw (it has the throws option) but finished` };
  const got = outputText(result);
  if (cell.expected === null) return { ...where(cell.line), message: `cell "${cell.id}" has no \`\`\`output block after it; it printed:\n${got}` };
  if (got === cell.expected) return null;
  return { ...where(cell.expectedLine ?? cell.line), message: `cell "${cell.id}": output differs from the book`, diff: diffLines(cell.expected, got) };
}
