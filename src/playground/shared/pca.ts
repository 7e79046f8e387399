// The token embeddings in two dimensions: a principal component analysis of wte's rows (one per
// token), the two directions in which the rows spread the most. Computed from the smaller of the
// covariance (d × d) and the Gram matrix (n × n) by Jacobi rotations, so it is exact to rounding
// whatever the shape.

export interface Projection {
  points: Float64Array; // n pairs: each row's coordinates on the two components
  variance: [number, number]; // the variance along each component
  totalVariance: number; // over all directions: the share the two show is variance / total
}

// the eigenvalues (descending) and eigenvectors (columns of vectors, n × n row-major) of a symmetric matrix
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = matrix.slice();
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // the rotation that zeroes a[p][q] (Golub and Van Loan, 8.5.2)
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from];
  });
  return { values, vectors };
}

// rows: n rows of d numbers, row-major (wte is exactly this, from params[model.wte] on)
export function pca2(rows: ArrayLike<number>, n: number, d: number): Projection {
  const x = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += rows[i * d + j];
    mean /= n;
    for (let i = 0; i < n; i++) x[i * d + j] = rows[i * d + j] - mean;
  }
  let totalVariance = 0;
  for (const value of x) totalVariance += value * value;
  totalVariance /= n;
  const points = new Float64Array(2 * n);
  const variance: [number, number] = [0, 0];
  if (d <= n) {
    // covariance d × d: its eigenvectors are the components; a row's coordinate is its dot product
    const cov = new Float64Array(d * d);
    for (let p = 0; p < d; p++)
      for (let q = p; q < d; q++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += x[i * d + p] * x[i * d + q];
        cov[p * d + q] = cov[q * d + p] = s / n;
      }
    const { values, vectors } = symmetricEigen(cov, d);
    for (let c = 0; c < Math.min(2, d); c++) {
      variance[c] = Math.max(0, values[c]);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[i * d + j] * vectors[j * d + c];
        points[2 * i + c] = s;
      }
    }
  } else {
    // fewer rows than dimensions: the Gram matrix n × n has the same nonzero eigenvalues (times n),
    // and its unit eigenvector u gives the coordinates u · sqrt(eigenvalue)
    const gram = new Float64Array(n * n);
    for (let p = 0; p < n; p++)
      for (let q = p; q < n; q++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[p * d + j] * x[q * d + j];
        gram[p * n + q] = gram[q * n + p] = s;
      }
    const { values, vectors } = symmetricEigen(gram, n);
    for (let c = 0; c < Math.min(2, n); c++) {
      const lambda = Math.max(0, values[c]);
      variance[c] = lambda / n;
      for (let i = 0; i < n; i++) points[2 * i + c] = vectors[i * n + c] * Math.sqrt(lambda);
    }
  }
  return { points, variance, totalVariance };
}

// A component's sign is arbitrary: flip each to agree with a reference (the picture drawn last),
// or else so that its largest coordinate is positive, so the picture does not jump as it is redrawn
export function alignSigns(points: Float64Array, reference: ArrayLike<number> | null = null): Float64Array {
  const out = points.slice();
  const n = points.length / 2;
  for (let c = 0; c < 2; c++) {
    let agreement = 0;
    if (reference && reference.length === points.length) for (let i = 0; i < n; i++) agreement += points[2 * i + c] * reference[2 * i + c];
    if (agreement === 0) {
      let largest = 0;
      for (let i = 0; i < n; i++) if (Math.abs(points[2 * i + c]) > Math.abs(largest)) largest = points[2 * i + c];
      agreement = largest;
    }
    if (agreement < 0) for (let i = 0; i < n; i++) out[2 * i + c] = -out[2 * i + c];
  }
  return out;
}
