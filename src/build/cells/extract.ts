// Cells in a chapter: a fenced block with language `ts` and meta `cell id=<id> [options]`, then
// (after blank lines at most) a fenced block with language `output` holding its expected output.
// Lines of the cell above a line `// ---` are hidden setup: run first, not shown to readers.

export interface Cell {
  chapter: string; // slug
  file: string; // content/chapters/<slug>.mdx
  id: string;
  line: number; // the line of the opening fence in the chapter
  setup: string; // hidden lines ('' when none)
  code: string; // the visible code
  codeLine: number; // chapter line of the first visible line
  expected: string | null; // the output block's text, null when there is none
  expectedLine: number | null;
  timeoutMs: number;
  throws: boolean; // the cell is expected to end with an error, shown as the last output line "! Name: message"
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const SETUP_MARKER = /^\s*\/\/ ---\s*$/;

export class CellFormatError extends Error {}

export interface Fence {
  lang: string;
  meta: string;
  body: string[];
  open: number; // 1-based line of the opening fence
  close: number;
}

export function fences(text: string): Fence[] {
  const lines = text.split('\n');
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const closes = (line: string) => {
      const m = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      return m !== null && m[1][0] === fence[0] && m[1].length >= fence.length;
    };
    let j = i + 1;
    while (j < lines.length && !closes(lines[j])) j++;
    found.push({ lang: open[2], meta: open[3].trim(), body: lines.slice(i + 1, j), open: i + 1, close: j + 1 });
    i = j;
  }
  return found;
}

export function parseMeta(meta: string): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (const m of meta.matchAll(/(\w+)(?:=(?:"([^"]*)"|(\S+)))?/g)) options[m[1]] = m[2] ?? m[3] ?? true;
  return options;
}

// A block's options (`id=… timeout=…`, as a cell or an exercise writes them after its kind), checked:
// an id unique in the chapter, only known options, a whole positive timeout.
export function blockOptions(where: string, kind: 'cell' | 'exercise', meta: string, known: string[], ids: Set<string>) {
  const options = parseMeta(meta.replace(new RegExp(`^${kind}\\b`), ''));
  const id = options.id;
  const a = kind === 'cell' ? 'a cell' : 'an exercise';
  if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) throw new CellFormatError(`${where}: ${a} needs id=<letters, digits, - or _>`);
  if (ids.has(id)) throw new CellFormatError(`${where}: ${kind} id "${id}" is used twice in this chapter`);
  ids.add(id);
  for (const key of Object.keys(options)) if (!known.includes(key)) throw new CellFormatError(`${where}: unknown ${kind} option "${key}" (known: ${known.join(', ')})`);
  const timeoutMs = options.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(options.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new CellFormatError(`${where}: timeout must be a whole number of milliseconds`);
  return { options, id, timeoutMs };
}

export function extractCells(chapter: string, text: string): Cell[] {
  const file = `content/chapters/${chapter}.mdx`;
  const lines = text.split('\n');
  const all = fences(text);
  const cells: Cell[] = [];
  const ids = new Set<string>();
  all.forEach((fence, k) => {
    if (!(fence.lang === 'ts' && /^cell\b/.test(fence.meta))) return;
    const where = `${file}:${fence.open}`;
    const { options, id, timeoutMs: timeout } = blockOptions(where, 'cell', fence.meta, ['id', 'timeout', 'throws'], ids);
    const marker = fence.body.findIndex((l) => SETUP_MARKER.test(l));
    const setupLines = marker === -1 ? [] : fence.body.slice(0, marker);
    const codeLines = marker === -1 ? fence.body : fence.body.slice(marker + 1);
    // the output block must come next, with only blank lines between
    const next = all[k + 1];
    const between = next ? lines.slice(fence.close, next.open - 1) : [];
    const output = next && next.lang === 'output' && between.every((l) => l.trim() === '') ? next : null;
    cells.push({
      chapter,
      file,
      id,
      line: fence.open,
      setup: setupLines.join('\n'),
      code: codeLines.join('\n'),
      codeLine: fence.open + 1 + (marker === -1 ? 0 : marker + 1),
      expected: output ? output.body.join('\n') : null,
      expectedLine: output ? output.open : null,
      timeoutMs: timeout,
      throws: options.throws === true || options.throws === 'true',
    });
  });
  return cells;
}
