// A line chart over steps, drawn with uPlot in the site's colours. uPlot is loaded the first time a
// chart is drawn (its CSS is in the site's styles). Used by cell displays and by the figures.

export interface ChartSeries {
  label: string;
  color?: string; // a CSS custom property of the theme; the next of seriesColors unless given
  dash?: number[];
}

// the theme's colours for series, in turn (each is set for light and dark by Starlight)
export const seriesColors = ['--sl-color-accent-high', '--sl-color-orange-high', '--sl-color-green-high', '--sl-color-purple-high', '--sl-color-red-high', '--sl-color-blue-high'];

// data[0] is the x values (the steps), then one array per series; null where a series has no point
export type ChartData = (number | null)[][];

export interface Chart {
  setData(data: ChartData): void;
}

type UPlotClass = new (options: object, data: ChartData, target: HTMLElement) => Chart;
let uplot: Promise<UPlotClass> | null = null;

export async function drawLineChart(box: HTMLElement, yLabel: string, series: ChartSeries[], data: ChartData, options: { height?: number; yRange?: [number, number] } = {}): Promise<Chart> {
  uplot ??= import('uplot').then((m) => (m as unknown as { default: UPlotClass }).default);
  const UPlot = await uplot;
  const css = getComputedStyle(document.documentElement);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const axis = color('--sl-color-gray-2');
  box.dataset.series = String(series.length);
  return new UPlot(
    {
      width: Math.max(240, box.clientWidth || 600),
      height: options.height ?? 240,
      scales: { x: { time: false }, ...(options.yRange ? { y: { auto: false, range: options.yRange } } : {}) },
      legend: { show: series.length > 1 },
      axes: [{ stroke: axis, label: 'step' }, { stroke: axis, label: yLabel }],
      series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: color(s.color ?? seriesColors[i % seriesColors.length]), width: 1.5, dash: s.dash }))],
    },
    data,
    box,
  );
}
