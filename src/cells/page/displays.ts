// Draws what a cell shows through @microgpt/display: tables and heatmaps as HTML tables, line
// charts with uPlot (loaded the first time a chart appears), live charts with a progress bar.
import type { Display } from '../../runtime/display.ts';
import { movingAverage } from '../../figures/shared/moving-average.ts';
import { type Chart, type ChartData, type ChartSeries, drawLineChart, seriesColors } from './chart.ts';

// a live chart draws each point faint and, over it, the mean of the last SMOOTHING points: one
// training step's loss is noisy, and the trend is what the reader watches
const SMOOTHING = 50;

interface Live {
  values: number[];
  plot: Promise<Chart>;
  progress: HTMLProgressElement;
  rate: HTMLElement;
  started: number;
  scheduled: boolean;
}

export class DisplayArea {
  private readonly live = new Map<number, Live>();
  private readonly container: HTMLElement;

  constructor(container: HTMLElement) {
    this.container = container;
  }

  clear(): void {
    this.live.clear();
    this.container.replaceChildren();
    this.container.hidden = true;
  }

  add(display: Display): void {
    if (display.kind === 'point') return this.point(display.id, display.value);
    if (display.kind === 'finish') return this.finish(display.id);
    this.container.hidden = false;
    const figure = document.createElement('figure');
    figure.className = `cell-display cell-display-${display.kind}`;
    const caption = document.createElement('figcaption');
    caption.textContent = display.title;
    figure.append(caption);
    this.container.append(figure);
    if (display.kind === 'table') figure.append(htmlTable(display.columns, display.rows));
    else if (display.kind === 'heatmap') figure.append(heatmapTable(display.values, display.rowLabels, display.colLabels));
    else if (display.kind === 'line') {
      // the series share the steps, 1 to the longest one's length; a shorter one just ends
      const { title, series } = display;
      const steps = Array.from({ length: Math.max(0, ...series.map((s) => s.values.length)) }, (_, i) => i + 1);
      const data = [steps, ...series.map((s) => steps.map((_, i) => s.values[i] ?? null))];
      const label = series.length > 1 ? `Line chart: ${title}, ${series.map((s) => s.name).join(', ')}` : `Line chart: ${title}`;
      void this.chart(
        figure,
        label,
        title,
        series.map((s) => ({ label: s.name })),
        data,
      );
    } else if (display.kind === 'live') {
      const progress = document.createElement('progress');
      progress.max = display.total ?? 1;
      progress.value = 0;
      progress.setAttribute('aria-label', `${display.title}: progress`);
      const rate = document.createElement('span');
      rate.className = 'cell-rate';
      figure.append(progress, rate);
      const { title } = display;
      const series = [
        { label: `${title} at each step`, color: seriesColors[0], faint: true },
        { label: `mean of the last ${SMOOTHING} steps`, color: seriesColors[1] },
      ];
      const plot = this.chart(figure, `Line chart: ${title} at each step, and smoothed over the last ${SMOOTHING} steps`, title, series, [[], [], []]);
      this.live.set(display.id, { values: [], plot, progress, rate, started: performance.now(), scheduled: false });
    }
  }

  private chart(figure: HTMLElement, label: string, yLabel: string, series: ChartSeries[], data: ChartData): Promise<Chart> {
    const box = document.createElement('div');
    box.className = 'cell-chart';
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', label);
    figure.append(box);
    return drawLineChart(box, yLabel, series, data, { height: 220 });
  }

  private point(id: number, value: number): void {
    const live = this.live.get(id);
    if (!live) return;
    live.values.push(value);
    if (live.scheduled) return;
    live.scheduled = true;
    // redraw at most every 100 ms: a 1000-step run stays light on the main thread
    setTimeout(() => {
      live.scheduled = false;
      if ([...this.live.values()].includes(live)) this.redraw(live);
    }, 100);
  }

  private redraw(live: Live): void {
    const n = live.values.length;
    live.progress.value = n;
    const seconds = (performance.now() - live.started) / 1000;
    live.rate.textContent = `${n} of ${live.progress.max} steps, ${(n / Math.max(seconds, 1e-3)).toFixed(0)} steps/s`;
    const values = [...live.values];
    void live.plot.then((plot) => plot.setData([values.map((_, i) => i + 1), values, movingAverage(values, SMOOTHING)]));
  }

  // the run ended (or was stopped): draw what arrived, now, and take no more points
  settle(): void {
    for (const live of this.live.values()) this.redraw(live);
    this.live.clear();
  }

  private finish(id: number): void {
    const live = this.live.get(id);
    if (live) this.redraw(live);
  }
}

function htmlTable(columns: string[], rows: string[][]): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of r) tr.insertCell().textContent = v;
  }
  return table;
}

function heatmapTable(values: number[][], rowLabels: string[], colLabels: string[]): HTMLTableElement {
  const max = Math.max(1e-12, ...values.flat().map(Math.abs));
  const table = htmlTable(['', ...colLabels], []);
  const body = table.tBodies[0];
  values.forEach((row, i) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = rowLabels[i];
    tr.append(th);
    for (const v of row) {
      const td = tr.insertCell();
      td.textContent = v.toFixed(2);
      td.style.setProperty('--weight', String(Math.abs(v) / max));
    }
  });
  table.className = 'heatmap';
  return table;
}
