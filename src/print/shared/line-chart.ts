// A line chart as static SVG text, for the printed book: the figures the page draws with uPlot
// (src/cells/page/chart.ts), computed at build instead. Axes with round ticks, one polyline per
// series (null: no point), a legend; colours from the theme's variables, so it prints in the site's.
export interface SvgSeries {
  label: string;
  values: readonly (number | null)[];
  color?: string; // a CSS colour; the next of seriesColors unless given
  dash?: boolean;
  faint?: boolean;
}

export interface SvgChart {
  x: readonly number[];
  series: SvgSeries[];
  xLabel: string;
  yLabel: string;
  title: string; // the accessible name, read instead of the drawing
  yRange?: [number, number];
  width?: number;
  height?: number;
}

const seriesColors = ['var(--sl-color-accent-high)', 'var(--sl-color-orange-high)', 'var(--sl-color-green-high)', 'var(--sl-color-purple-high)'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** About `count` round values (1, 2 or 5 times a power of ten) from lo to hi. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 2, 5, 10].map((m) => m * power);
  const step = steps.reduce((best, s) => (Math.abs((hi - lo) / s - count) < Math.abs((hi - lo) / best - count) ? s : best));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)) + 0); // + 0: never -0
  return out;
}

export function lineChartSvg(chart: SvgChart): string {
  const { x, series, width = 640, height = 260 } = chart;
  const pad = { left: 52, right: 12, top: 12, bottom: 58 };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const [yLo, yHi] = chart.yRange ?? [Math.min(...values), Math.max(...values)];
  const [xLo, xHi] = [Math.min(...x), Math.max(...x)];
  const px = (v: number) => pad.left + ((v - xLo) / (xHi - xLo || 1)) * (width - pad.left - pad.right);
  const py = (v: number) => height - pad.bottom - ((Math.min(yHi, Math.max(yLo, v)) - yLo) / (yHi - yLo || 1)) * (height - pad.top - pad.bottom);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  for (const t of ticks(yLo, yHi)) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${f(py(t))}" y2="${f(py(t))}" stroke="var(--sl-color-gray-5)" stroke-width="0.5"/>`);
    parts.push(`<text x="${pad.left - 6}" y="${f(py(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (const t of ticks(xLo, xHi)) parts.push(`<text x="${f(px(t))}" y="${height - pad.bottom + 16}" text-anchor="middle">${t}</text>`);
  parts.push(`<text x="${f((pad.left + width - pad.right) / 2)}" y="${height - pad.bottom + 32}" text-anchor="middle">${escape(chart.xLabel)}</text>`);
  parts.push(`<text transform="translate(12 ${f((pad.top + height - pad.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`);
  series.forEach((s, i) => {
    const color = s.color ?? seriesColors[i % seriesColors.length];
    // a null breaks the line: one path, a move at each start
    let d = '';
    let drawing = false;
    s.values.forEach((v, j) => {
      if (v === null || !Number.isFinite(v)) return void (drawing = false);
      d += `${drawing ? 'L' : 'M'}${f(px(x[j]))} ${f(py(v))}`;
      drawing = true;
    });
    const style = `${s.dash ? ' stroke-dasharray="6 4"' : ''}${s.faint ? ' stroke-opacity="0.35"' : ''}`;
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${s.faint ? 0.75 : 1.75}"${style}/>`);
    const lx = pad.left + i * 180;
    parts.push(`<line x1="${lx}" x2="${lx + 20}" y1="${height - 10}" y2="${height - 10}" stroke="${color}" stroke-width="2"${style}/>`);
    parts.push(`<text x="${lx + 26}" y="${height - 6}">${escape(s.label)}</text>`);
  });
  return `<svg class="print-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(chart.title)}" font-size="11" fill="currentColor">${parts.join('')}</svg>`;
}
