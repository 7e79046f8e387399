// The loss chart: each run's loss at every step (faint), its windowed mean, and its held-out loss
// (points, joined), drawn with uPlot in the theme's colours as src/page/cells/chart.ts draws the
// cells' charts; and the same numbers as a table for readers who cannot see the chart.
import type uPlot from 'uplot';
import { WINDOW } from '../shared/losses.ts';
import type { RunRecord } from '../shared/run-record.ts';

export interface ChartRun {
  label: string; // "" for a lone run, "first run" and "second run" when comparing
  record: RunRecord;
}

const COLORS = ['--sl-color-accent-high', '--sl-color-orange-high'];
const HELD_COLORS = ['--sl-color-green-high', '--sl-color-purple-high'];
const MAX_POINTS = 4000; // a longer run is drawn from every k-th step; its table and numbers keep all
const MAX_ROWS = 200;

let loading: Promise<typeof uPlot> | null = null;

export class LossChart {
  private readonly box: HTMLElement;
  private readonly tableBox: HTMLElement;
  private plot: uPlot | null = null;
  private runs: ChartRun[] = [];
  private shape = ''; // the series the plot was made for

  constructor(box: HTMLElement, tableBox: HTMLElement) {
    this.box = box;
    this.tableBox = tableBox;
    const details = tableBox.closest('details')!;
    details.addEventListener('toggle', () => details.open && this.table());
    // uPlot paints its colours once: a change of theme makes the plot again
    new MutationObserver(() => this.remake()).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }

  async draw(runs: ChartRun[]): Promise<void> {
    this.runs = runs;
    loading ??= import('uplot').then((m) => m.default);
    const UPlot = await loading;
    const shape = runs.map((r) => `${r.label}:${r.record.settings.steps}`).join('|');
    const data = this.data();
    if (!this.plot || shape !== this.shape) {
      this.plot?.destroy();
      this.shape = shape;
      this.plot = new UPlot(this.options(), data, this.box);
    } else this.plot.setData(data);
    if (this.tableBox.closest('details')!.open) this.table();
  }

  private remake(): void {
    this.plot?.destroy();
    this.plot = null;
    if (this.runs.length > 0) void this.draw(this.runs);
  }

  private options(): uPlot.Options {
    const css = getComputedStyle(document.documentElement);
    const color = (name: string) => css.getPropertyValue(name).trim();
    const axis = color('--sl-color-gray-2');
    const series: uPlot.Series[] = [{}];
    this.runs.forEach((run, i) => {
      const of = run.label ? ` (${run.label})` : '';
      const stroke = color(COLORS[i]);
      series.push({ label: `loss${of}`, stroke, width: 1, alpha: 0.3 });
      series.push({ label: `mean of the last ${WINDOW}${of}`, stroke, width: 2, dash: i === 1 ? [6, 3] : undefined });
      series.push({ label: `held-out${of}`, stroke: color(HELD_COLORS[i]), width: 2, spanGaps: true, points: { show: true, size: 6 } });
    });
    return {
      width: Math.max(260, this.box.clientWidth || 600),
      height: 260,
      scales: { x: { time: false } },
      legend: { show: true, live: false },
      cursor: { show: false },
      axes: [
        { stroke: axis, label: 'step', grid: { stroke: color('--sl-color-gray-5') } },
        { stroke: axis, label: 'loss', grid: { stroke: color('--sl-color-gray-5') } },
      ],
      series,
    };
  }

  // steps 0..the longest run's count (every k-th past MAX_POINTS); held-out losses at their steps
  private data(): uPlot.AlignedData {
    const longest = Math.max(0, ...this.runs.map((r) => r.record.count));
    const stride = Math.max(1, Math.ceil(longest / MAX_POINTS));
    const steps = new Set<number>([0]);
    for (let s = stride; s <= longest; s += stride) steps.add(s);
    steps.add(longest);
    for (const run of this.runs) for (const [step] of run.record.heldOut) steps.add(step);
    const xs = [...steps].sort((a, b) => a - b);
    const data: (number | null)[][] = [xs];
    for (const { record } of this.runs) {
      const held = new Map(record.heldOut);
      data.push(xs.map((s) => (s >= 1 && s <= record.count ? record.losses[s - 1] : null)));
      data.push(xs.map((s) => (s >= 1 && s <= record.count ? record.means[s - 1] : null)));
      data.push(xs.map((s) => held.get(s) ?? null));
    }
    return data as uPlot.AlignedData;
  }

  // a row per held-out measurement (or per k steps if there is none), every run's numbers side by side
  private table(): void {
    const longest = Math.max(0, ...this.runs.map((r) => r.record.count));
    const held = this.runs.map((r) => new Map(r.record.heldOut));
    let steps = [...new Set(this.runs.flatMap((r) => r.record.heldOut.map(([s]) => s)))].sort((a, b) => a - b);
    if (steps.length === 0) steps = Array.from({ length: Math.min(MAX_ROWS, longest) }, (_, i) => Math.round(((i + 1) * longest) / Math.min(MAX_ROWS, longest)));
    if (steps.length > MAX_ROWS) steps = steps.filter((_, i) => i % Math.ceil(steps.length / MAX_ROWS) === 0 || i === steps.length - 1);
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    const columns = ['step', ...this.runs.flatMap((r) => [`loss`, `mean of the last ${WINDOW}`, 'held-out'].map((c) => (r.label ? `${c} (${r.label})` : c)))];
    for (const c of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    const body = table.createTBody();
    const fixed = (x: number | undefined) => (x === undefined ? '' : x.toFixed(4));
    for (const step of steps) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = String(step);
      tr.append(th);
      this.runs.forEach(({ record }, i) => {
        const trained = step >= 1 && step <= record.count;
        for (const value of [trained ? record.losses[step - 1] : undefined, trained ? record.means[step - 1] : undefined, held[i].get(step)]) tr.insertCell().textContent = fixed(value);
      });
    }
    this.tableBox.replaceChildren(table);
  }
}
