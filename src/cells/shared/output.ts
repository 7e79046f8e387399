// What a cell printed, as the book's output block holds it, and a got/want diff of two outputs
// (the page shows it after a run; the build reports it when a cell's output changed).
import type { CellResult } from '../../runtime/execute.ts';

// the text a cell's output block must hold: its output, then "! Name: message" if it threw
export function outputText(result: Pick<CellResult, 'output' | 'error'>): string {
  const text = result.output.endsWith('\n') ? result.output.slice(0, -1) : result.output;
  const error = result.error ? `! ${result.error.name}: ${result.error.message}` : null;
  return error === null ? text : text === '' ? error : `${text}\n${error}`;
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
