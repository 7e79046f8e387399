import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineChartSvg, ticks } from './line-chart.ts';

test('ticks are round numbers inside the range', () => {
  assert.deepEqual(ticks(0, 1000), [0, 200, 400, 600, 800, 1000]);
  assert.deepEqual(ticks(-3, 9), [-2, 0, 2, 4, 6, 8]);
  assert.deepEqual(ticks(1.8, 3.4), [2, 2.5, 3]);
  assert.deepEqual(ticks(5, 5), [5]);
});

test('one path per series, its points inside the plot, a null breaking the line', () => {
  const svg = lineChartSvg({
    x: [1, 2, 3, 4],
    series: [
      { label: 'a', values: [1, 2, null, 4] },
      { label: 'b <c>', values: [4, 3, 2, 1], dash: true },
    ],
    xLabel: 'step',
    yLabel: 'loss',
    title: 'Two lines',
  });
  const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(paths.length, 2);
  assert.equal(paths[0].match(/M/g)!.length, 2, 'the null starts a new line');
  const points = paths.flatMap((d) => [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
  assert.ok(points.every(([x, y]) => x >= 52 && x <= 628 && y >= 12 && y <= 202));
  assert.match(svg, /aria-label="Two lines"/);
  assert.match(svg, /b &lt;c>/);
  assert.match(svg, /stroke-dasharray/);
});
