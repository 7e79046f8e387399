import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movingAverage } from './moving-average.ts';

test('movingAverage averages the last window values, fewer at the start', () => {
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 1), [1, 2, 3, 4, 5]);
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 2), [1, 1.5, 2.5, 3.5, 4.5]);
  assert.deepEqual(movingAverage([3, 3, 6], 10), [3, 3, 4]);
});
