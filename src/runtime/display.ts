// The display module cells import as '@microgpt/display': a line chart, a table and a heatmap.
// Each prints a text form (what the book shows and the build checks) and, in the page, is also
// drawn. The runtime connects `sink` for the length of a run.

export interface LineChart {
  kind: 'line';
  title: string;
  series: { name: string; values: number[] }[];
}
export interface Table {
  kind: 'table';
  title: string;
  columns: string[];
  rows: string[][];
}
export interface Heatmap {
  kind: 'heatmap';
  title: string;
  values: number[][];
  rowLabels: string[];
  colLabels: string[];
}
// a chart drawn while a cell runs (a loss curve during training): created empty, then one point at a time
export interface LiveChart {
  kind: 'live';
  id: number;
  title: string;
  total: number | null; // how many points to expect, for a progress bar
}
export interface LivePoint {
  kind: 'point';
  id: number;
  value: number;
}
export interface LiveFinish {
  kind: 'finish';
  id: number;
}
export type Display = LineChart | Table | Heatmap | LiveChart | LivePoint | LiveFinish;

let sink: ((display: Display, text: string | null) => void) | null = null;
let liveCharts = 0;

export function connectDisplay(to: ((display: Display, text: string | null) => void) | null): void {
  sink = to;
}

function show(display: Display, text: string | null): void {
  if (!sink) throw new Error('@microgpt/display works inside a cell');
  sink(display, text);
}

const fixed = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

// lineChart(losses) or lineChart({ train: a, smoothed: b }, { title: 'loss' })
export function lineChart(data: number[] | Record<string, number[]>, options: { title?: string } = {}): void {
  const series = Array.isArray(data) ? [{ name: 'y', values: data }] : Object.entries(data).map(([name, values]) => ({ name, values }));
  const title = options.title ?? 'line chart';
  show({ kind: 'line', title, series }, lineChartText(title, series));
}

// liveChart({ title: 'loss', total: 1000 }): add(value) draws a point as it comes; finish() prints
// the same text as lineChart of all the points (nothing is printed before)
export function liveChart(options: { title?: string; total?: number } = {}): { add(value: number): void; finish(): void } {
  const id = ++liveCharts;
  const title = options.title ?? 'line chart';
  const values: number[] = [];
  show({ kind: 'live', id, title, total: options.total ?? null }, null);
  return {
    add(value: number) {
      values.push(value);
      show({ kind: 'point', id, value }, null);
    },
    finish() {
      show({ kind: 'finish', id }, lineChartText(title, [{ name: 'y', values }]));
    },
  };
}

function lineChartText(title: string, series: { name: string; values: number[] }[]): string {
  const lines = series.map(({ name, values }) => {
    if (values.length === 0) return `  ${name}: no points`;
    let min = 0;
    values.forEach((v, i) => v < values[min] && (min = i));
    return `  ${name}: ${values.length} points, first ${fixed(values[0])}, last ${fixed(values[values.length - 1])}, min ${fixed(values[min])} at ${min + 1}`;
  });
  return `[${title}]\n${lines.join('\n')}`;
}

// table([{ char: 'a', id: 1 }, ...]) or table([['a', 1], ...], { columns: ['char', 'id'] })
export function table(rows: Record<string, unknown>[] | unknown[][], options: { title?: string; columns?: string[] } = {}): void {
  const columns = options.columns ?? (rows.length > 0 && !Array.isArray(rows[0]) ? Object.keys(rows[0] as object) : []);
  const cells = rows.map((row) =>
    (Array.isArray(row) ? row : columns.map((c) => (row as Record<string, unknown>)[c])).map((v) => (typeof v === 'number' && !Number.isInteger(v) ? fixed(v) : String(v))),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((v, i) => (v ?? '').padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const title = options.title ?? 'table';
  const text = [`[${title}]`, line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
  show({ kind: 'table', title, columns, rows: cells }, text);
}

// heatmap(attentionWeights, { rowLabels, colLabels }): values printed with two decimals
export function heatmap(values: number[][], options: { title?: string; rowLabels?: string[]; colLabels?: string[] } = {}): void {
  const title = options.title ?? 'heatmap';
  const rowLabels = options.rowLabels ?? values.map((_, i) => String(i));
  const colLabels = options.colLabels ?? (values[0] ?? []).map((_, j) => String(j));
  const labelWidth = Math.max(0, ...rowLabels.map((l) => l.length));
  const cellWidth = Math.max(4, ...colLabels.map((l) => l.length));
  const header = ' '.repeat(labelWidth) + '  ' + colLabels.map((l) => l.padStart(cellWidth)).join(' ');
  const body = values.map((row, i) => rowLabels[i].padEnd(labelWidth) + '  ' + row.map((v) => fixed(v, 2).padStart(cellWidth)).join(' '));
  show({ kind: 'heatmap', title, values, rowLabels, colLabels }, [`[${title}]`, header.trimEnd(), ...body].join('\n'));
}
