import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movingAverage } from './moving-average.ts';

test('movingAverage averages the last window values, fewer at the start', () => {
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 1), [1, 2, 3, 4, 5]);
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 2), [1, 1.5, 2.5, 3.5, 4.5]);
  assert.deepEqual(movingAverage([3, 3, 6], 10), [3, 3, 4]);
});

test('race: Adam walks to the minimum at any loss scale; plain descent crawls or runs off', async () => {
  const { race } = await import('./optimizers.ts');
  for (const scale of [0.01, 1, 100]) {
    const { adam } = race(scale, 0.1);
    assert.ok(Math.abs(adam.at(-1)! - 3) < 0.5, `Adam at scale ${scale}: ${adam.at(-1)}`);
  }
  assert.ok(Math.abs(race(0.01, 0.1).descent.at(-1)! - 3) > 2, 'descent crawls on a flat loss');
  assert.ok(Math.abs(race(100, 0.1).descent.at(-1)!) > 1e6, 'descent runs off on a steep loss');
  assert.deepEqual(race(1, 0.1, 3).adam.length, 4);
});
