import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../engine/src/random.ts';
import { alignSigns, pca2, symmetricEigen } from './pca.ts';

const close = (a: number, b: number, tolerance: number, what: string) => assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

// n seeded random rows of d numbers, stretched so that the spread differs by direction
function rows(n: number, d: number, seed: number): Float64Array {
  const rng = new Random(seed);
  return Float64Array.from({ length: n * d }, (_, i) => rng.gauss(0, 1) * (1 + (i % d)) + (i % d));
}

test('the eigen solver: A v = λ v for each pair, orthonormal vectors, λ in descending order', () => {
  const n = 7;
  const x = rows(12, n, 3);
  const a = new Float64Array(n * n);
  for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) for (let i = 0; i < 12; i++) a[p * n + q] += x[i * n + p] * x[i * n + q];
  const { values, vectors } = symmetricEigen(a, n);
  for (let c = 0; c < n; c++) {
    if (c > 0) assert.ok(values[c] <= values[c - 1]);
    for (let r = 0; r < n; r++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += a[r * n + k] * vectors[k * n + c];
      close(av, values[c] * vectors[r * n + c], 1e-9, `row ${r} of A v${c}`);
    }
    for (let c2 = 0; c2 < n; c2++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += vectors[k * n + c] * vectors[k * n + c2];
      close(dot, c === c2 ? 1 : 0, 1e-12, `v${c} · v${c2}`);
    }
  }
});

test('the projection’s variance is each component’s eigenvalue, the first the largest any direction has', () => {
  for (const [n, d] of [
    [28, 16],
    [10, 64],
  ]) {
    const x = rows(n, d, n);
    const { points, variance, totalVariance } = pca2(x, n, d);
    for (let c = 0; c < 2; c++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += points[2 * i + c] / n;
      close(mean, 0, 1e-9, 'centred');
      let v = 0;
      for (let i = 0; i < n; i++) v += points[2 * i + c] ** 2 / n;
      close(v, variance[c], 1e-9, `variance of component ${c} (${n} × ${d})`);
    }
    let cov = 0;
    for (let i = 0; i < n; i++) cov += points[2 * i] * points[2 * i + 1];
    close(cov / n, 0, 1e-9, 'the components are uncorrelated');
    // no single axis of the data spreads more than the first component
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += x[i * d + j] / n;
      let v = 0;
      for (let i = 0; i < n; i++) v += (x[i * d + j] - mean) ** 2 / n;
      assert.ok(v <= variance[0] + 1e-9);
    }
    assert.ok(variance[0] + variance[1] <= totalVariance + 1e-9);
  }
});

test('data that lies in a plane comes back as itself, up to a rotation: every distance kept', () => {
  const n = 9;
  const rng = new Random(5);
  const flat = Array.from({ length: n }, () => [rng.gauss(0, 2), rng.gauss(0, 1)]);
  // embed the plane in 5 dimensions along two orthonormal directions
  const u = [0.6, 0.8, 0, 0, 0];
  const w = [0, 0, 0.28, 0.96, 0];
  const x = Float64Array.from(flat.flatMap(([a, b]) => u.map((ui, k) => a * ui + b * w[k] + 3)));
  const { points, variance, totalVariance } = pca2(x, n, 5);
  close(variance[0] + variance[1], totalVariance, 1e-9, 'all the variance shown');
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const before = Math.hypot(flat[i][0] - flat[j][0], flat[i][1] - flat[j][1]);
      close(Math.hypot(points[2 * i] - points[2 * j], points[2 * i + 1] - points[2 * j + 1]), before, 1e-9, `distance ${i}-${j}`);
    }
});

test('a component’s sign follows the picture drawn before it, so a redraw does not flip it', () => {
  const { points } = pca2(rows(20, 8, 9), 20, 8);
  const flipped = points.map((v, i) => (i % 2 === 0 ? -v : v));
  assert.deepEqual(alignSigns(flipped, points), points);
  const alone = alignSigns(flipped);
  assert.deepEqual(alignSigns(alone), alone, 'without a reference the largest coordinate is made positive, stably');
});
