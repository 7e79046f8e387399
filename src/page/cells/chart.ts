// A line chart over steps, drawn with uPlot in the site's colours. uPlot is loaded the first time a
// chart is drawn (its CSS is in the site's styles). Used by cell displays and by the figures.

export interface ChartSeries {
  label: string;
  color?: string; // a CSS custom property of the theme; the accent colour unless given
  dash?: number[];
}

export interface Chart {
  setData(data: number[][]): void;
}

type UPlotClass = new (options: object, data: number[][], target: HTMLElement) => Chart;
let uplot: Promise<UPlotClass> | null = null;

export async function drawLineChart(box: HTMLElement, yLabel: string, series: ChartSeries[], data: number[][], options: { height?: number; yRange?: [number, number] } = {}): Promise<Chart> {
  uplot ??= import('uplot').then((m) => (m as unknown as { default: UPlotClass }).default);
  const UPlot = await uplot;
  const css = getComputedStyle(document.documentElement);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const axis = color('--sl-color-gray-2');
  return new UPlot(
    {
      width: Math.max(240, box.clientWidth || 600),
      height: options.height ?? 240,
      scales: { x: { time: false }, ...(options.yRange ? { y: { auto: false, range: options.yRange } } : {}) },
      legend: { show: series.length > 1 },
      axes: [{ stroke: axis, label: 'step' }, { stroke: axis, label: yLabel }],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: color(s.color ?? '--sl-color-accent-high'), width: 1.5, dash: s.dash }))],
    },
    data,
    box,
  );
}
