// A line chart over steps, drawn with uPlot in the site's colours. uPlot is loaded the first time a
// chart is drawn (its CSS is in the site's styles). Used by cell displays and by the figures.
// uPlot paints its colours into a canvas once, so a change of theme draws every chart again.

export interface ChartSeries {
  label: string;
  color?: string; // a CSS custom property of the theme; the next of seriesColors unless given
  dash?: number[];
  faint?: boolean; // drawn thin and see-through, behind the others
}

// the theme's colours for series, in turn (each is set for light and dark by Starlight)
export const seriesColors = ['--sl-color-accent-high', '--sl-color-orange-high', '--sl-color-green-high', '--sl-color-purple-high', '--sl-color-red-high', '--sl-color-blue-high'];

// data[0] is the x values (the steps), then one array per series; null where a series has no point
export type ChartData = (number | null)[][];

export interface Chart {
  setData(data: ChartData): void;
}

interface UPlot extends Chart {
  destroy(): void;
}
type UPlotClass = new (options: object, data: ChartData, target: HTMLElement) => UPlot;
let uplot: Promise<UPlotClass> | null = null;

interface ChartOptions {
  height?: number;
  yRange?: [number, number];
}

// the charts on the page, each able to draw itself again in the current theme's colours
const drawn = new Set<{ box: HTMLElement; redraw(): void }>();
let watching = false;

// a chart taken off the page (a cell run again) is forgotten
function prune(): void {
  for (const chart of drawn) if (!chart.box.isConnected) drawn.delete(chart);
}

function watchTheme(): void {
  if (watching) return;
  watching = true;
  // Starlight sets data-theme on <html> when the reader picks a theme, and under Auto when the OS changes
  new MutationObserver(() => {
    prune();
    for (const chart of drawn) chart.redraw();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

function uplotOptions(box: HTMLElement, yLabel: string, series: ChartSeries[], options: ChartOptions): object {
  const css = getComputedStyle(document.documentElement);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const axis = color('--sl-color-gray-2');
  return {
    width: Math.max(240, box.clientWidth || 600),
    height: options.height ?? 240,
    scales: { x: { time: false }, ...(options.yRange ? { y: { auto: false, range: options.yRange } } : {}) },
    legend: { show: series.length > 1, live: false }, // the series' names; values under the cursor would read as a stale "--"
    axes: [
      { stroke: axis, label: 'step' },
      { stroke: axis, label: yLabel },
    ],
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.label,
        stroke: color(s.color ?? seriesColors[i % seriesColors.length]),
        width: s.faint ? 1 : 1.5,
        alpha: s.faint ? 0.35 : 1,
        dash: s.dash,
      })),
    ],
  };
}

export async function drawLineChart(box: HTMLElement, yLabel: string, series: ChartSeries[], data: ChartData, options: ChartOptions = {}): Promise<Chart> {
  uplot ??= import('uplot').then((m) => (m as unknown as { default: UPlotClass }).default);
  const UPlot = await uplot;
  box.dataset.series = String(series.length);
  let shown = data;
  let plot = new UPlot(uplotOptions(box, yLabel, series, options), shown, box);
  prune();
  drawn.add({
    box,
    redraw() {
      plot.destroy();
      plot = new UPlot(uplotOptions(box, yLabel, series, options), shown, box);
    },
  });
  watchTheme();
  return {
    setData(next) {
      shown = next;
      plot.setData(next);
    },
  };
}
