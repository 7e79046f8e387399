// Running microgpt.py in the page: the one textual change it needs (the number of steps, on the
// line the facts name), and its output read and compared line by line with the engine's.

export interface StepsChange {
  script: string;
  line: number;
  before: string; // the line as the file has it
  after: string; // the line as it runs
}

// the script with `num_steps = <from>` on line `line` set to `to`; an error if that line says otherwise
export function withSteps(text: string, line: number, from: number, to: number): StepsChange {
  if (!Number.isInteger(to) || to < 1) throw new RangeError(`the number of steps must be a whole number from 1, got ${to}`);
  const lines = text.split('\n');
  const before = lines[line - 1] ?? '';
  const setting = /^(num_steps\s*=\s*)(\d+)\b/.exec(before);
  if (!setting || Number(setting[2]) !== from) throw new Error(`line ${line} does not set num_steps = ${from}`);
  const after = `${setting[1]}${to}${before.slice(setting[0].length)}`;
  lines[line - 1] = after;
  return { script: lines.join('\n'), line, before, after };
}

// printed text as lines: microgpt.py ends each step's line with "\r" (it redraws one line in a
// terminal), so "\r" and "\n" each end a line; the newline after the last line ends it, no more
export function outputLines(text: string): string[] {
  const lines = text.split(/\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return text === '' ? [] : lines;
}

export interface PairedLine {
  number: number;
  python: string | null; // null: the run printed fewer lines
  engine: string | null;
  same: boolean;
}

export function pairLines(python: readonly string[], engine: readonly string[]): { rows: PairedLine[]; differing: number[] } {
  const rows = Array.from({ length: Math.max(python.length, engine.length) }, (_, i) => {
    const p = python[i] ?? null;
    const e = engine[i] ?? null;
    return { number: i + 1, python: p, engine: e, same: p !== null && p === e };
  });
  return { rows, differing: rows.filter((r) => !r.same).map((r) => r.number) };
}
