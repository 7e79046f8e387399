// What a cell printed against what the book says it prints, and a got/want diff when they differ.
import type { CellResult } from '../runtime/execute.ts';
import type { Cell } from '../build/cells/extract.ts';

// the text a cell's output block must hold: its output, then "! Name: message" if it threw
export function outputText(result: Pick<CellResult, 'output' | 'error'>): string {
  const text = result.output.endsWith('\n') ? result.output.slice(0, -1) : result.output;
  const error = result.error ? `! ${result.error.name}: ${result.error.message}` : null;
  return error === null ? text : text === '' ? error : `${text}\n${error}`;
}

export interface Problem {
  cell: Cell;
  line: number; // in the chapter
  message: string;
  diff?: string;
}

export function compareCell(cell: Cell, result: Pick<CellResult, 'output' | 'error'>): Problem | null {
  const where = (line: number) => ({ cell, line });
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

// a line diff: "  " same, "- " only in want (the book), "+ " only in got (the run)
export function diffLines(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return ['--- want (the book)', '+++ got (the run)', ...out].join('\n');
}
