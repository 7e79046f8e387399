import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snapshotInterval, Snapshots } from './snapshots.ts';

test('snapshots every k steps, step 0 exact, the rest as 32-bit floats; a step between finds the one before', () => {
  const snapshots = new Snapshots(10);
  const params = Float64Array.from([0.1, -1 / 3, 1e-9]);
  for (let step = 0; step <= 35; step++) {
    snapshots.offer(step, params);
    params[0] += 1e-3;
  }
  assert.deepEqual(snapshots.steps, [0, 10, 20, 30]);
  assert.deepEqual(snapshots.at(0)!.params, Float64Array.from([0.1, -1 / 3, 1e-9]));
  const at25 = snapshots.at(25)!;
  assert.equal(at25.step, 20);
  assert.deepEqual(at25.params, Float64Array.from(Float32Array.from([0.1 + 20e-3, -1 / 3, 1e-9])));
  assert.equal(snapshots.at(-1), null);
  assert.equal(snapshots.bytes, 3 * 8 + 3 * 3 * 4);
});

test('the interval grows past the one asked for only when the snapshots would not fit the budget', () => {
  assert.equal(snapshotInterval(1000, 4224, 10), 10);
  const k = snapshotInterval(1000, 201_216, 10, 64 * 1024 * 1024);
  assert.ok(k > 10);
  const snapshots = new Snapshots(k);
  const params = new Float64Array(201_216);
  for (let step = 0; step <= 1000; step++) snapshots.offer(step, params);
  assert.ok(snapshots.bytes <= 64 * 1024 * 1024, `${snapshots.bytes} bytes`);
  const closer = new Snapshots(k - 1);
  for (let step = 0; step <= 1000; step++) closer.offer(step, params);
  assert.ok(closer.bytes > 64 * 1024 * 1024, 'and no more than it must: one step closer would not fit');
});
