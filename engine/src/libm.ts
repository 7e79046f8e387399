// #region double-double
// Python's math.exp, math.log, math.sin and math.cos, to the last bit.
//
// CPython calls the C library (glibc), whose results are, for nearly every input, the correctly
// rounded ones: the double nearest the true value. JavaScript's Math.exp, Math.log, Math.sin and
// Math.cos are allowed to be off by one in the last bit, and on a few percent of inputs they are —
// enough to change random.gauss and so the initial weights. So we compute each function in
// double-double arithmetic (a value is an unevaluated sum hi + lo, about 106 bits) and round once
// at the end: this matches glibc except on the rare inputs where glibc itself misses the last bit.

type DD = [hi: number, lo: number];

// a + b exactly, as a rounded sum and its error
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

// Veltkamp's split of a into two 26-bit halves, so their products are exact
function split(a: number): DD {
  const t = 134217729 * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

// a * b exactly, as a rounded product and its error (Dekker)
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function normalize(hi: number, lo: number): DD {
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [u, g] = normalize(s, e + t);
  return normalize(u, g + f);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return normalize(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mul([q1, 0], b)));
  const q2 = r[0] / b[0];
  r = add(r, neg(mul([q2, 0], b)));
  const q3 = r[0] / b[0];
  return add(normalize(q1, q2), [q3, 0]);
}

function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

// sum of coefficients[i] * x^i by Horner's rule
function horner(coefficients: DD[], x: DD): DD {
  let acc = coefficients[coefficients.length - 1];
  for (let i = coefficients.length - 2; i >= 0; i--) acc = add(mul(acc, x), coefficients[i]);
  return acc;
}
// #endregion double-double

// #region constants
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const LN2_TAIL = 5.707708438416212e-34;
const PIO2 = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33];

// 1/n! for n = 0..30
const INV_FACTORIAL: DD[] = [[1, 0]];
for (let n = 1; n <= 30; n++) INV_FACTORIAL.push(div(INV_FACTORIAL[n - 1], [n, 0]));
// #endregion constants

// #region exp
// exp(r) for |r| <= 0.35: Taylor series of exp(r/16), then squared four times
const EXP_COEFFICIENTS = INV_FACTORIAL.slice(0, 15);
function expReduced(r: DD): DD {
  let e = horner(EXP_COEFFICIENTS, [r[0] / 16, r[1] / 16]);
  for (let i = 0; i < 4; i++) e = mul(e, e);
  return e;
}

// x - k * ln2, as a double-double accurate well past 106 bits of the result
function minusKLn2(x: number, k: number): DD {
  let r = add([x, 0], neg(twoProd(k, LN2[0])));
  r = add(r, neg(twoProd(k, LN2[1])));
  return add(r, [-k * LN2_TAIL, 0]);
}

// 2^(j/256) for j = 0..255, as double-doubles
const EXP2_TABLE: DD[] = [];
for (let j = 0; j < 256; j++) EXP2_TABLE.push(expReduced(minusKLn2(0, -j / 256)));
const ONE_SIXTH = div([1, 0], [6, 0]);
const ONE_24TH = div([1, 0], [24, 0]);

// x = (256k + j) * ln2/256 + r with |r| <= ln2/512, so exp(x) = 2^k * 2^(j/256) * exp(r), and
// exp(r) = 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r P)))) where P = 1/5! + r/6! + ... is small
// enough to need only double precision.
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) throw new RangeError('math range error');
  if (x < -745.1332191019412) return 0;
  const n = Math.round((x / LN2[0]) * 256);
  const r = minusKLn2(x, n / 256); // n / 256 is exact, and so is its product's split
  const rh = r[0];
  const p = 1 / 120 + rh * (1 / 720 + rh * (1 / 5040 + rh * (1 / 40320 + rh / 362880)));
  let q = add(mul(r, [p, 0]), ONE_24TH);
  q = add(mul(q, r), ONE_SIXTH);
  q = add(mul(q, r), [0.5, 0]);
  q = add(mul(q, r), [1, 0]);
  q = add(mul(q, r), [1, 0]);
  const j = ((n % 256) + 256) % 256;
  const [hi, lo] = mul(EXP2_TABLE[j], q);
  return scale(hi + lo, (n - j) / 256);
}

// x * 2^k without overflow in the intermediate power
function scale(x: number, k: number): number {
  if (k > 1000) return x * 2 ** 1000 * 2 ** (k - 1000);
  if (k < -1000) return x * 2 ** -1000 * 2 ** (k + 1000);
  return x * 2 ** k;
}
// #endregion exp

// #region log
// 1/(2j+1) for the series log(m) = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...)
const ATANH_COEFFICIENTS: DD[] = [];
for (let j = 0; j <= 22; j++) ATANH_COEFFICIENTS.push(div([1, 0], [2 * j + 1, 0]));

const view = new DataView(new ArrayBuffer(8));

export function log(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x <= 0) throw new RangeError('math domain error');
  let e = 0;
  if (x < 2 ** -1022) {
    x *= 2 ** 54; // subnormal: make it normal first
    e = -54;
  }
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  e += (high >>> 20) - 1023;
  view.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0); // x = m * 2^e with m in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  const f = m - 1; // exact, since m is within a factor 2 of 1
  const s = div([f, 0], twoSum(2, f)); // (m - 1) / (m + 1)
  const series = horner(ATANH_COEFFICIENTS, mul(s, s));
  const logM = mul([2 * s[0], 2 * s[1]], series);
  const eLn2 = add(twoProd(e, LN2[0]), add(twoProd(e, LN2[1]), [e * LN2_TAIL, 0]));
  const [hi, lo] = add(eLn2, logM);
  return hi + lo;
}
// #endregion log

// #region sin-cos
// (-1)^n / (2n+1)! and (-1)^n / (2n)!, the Taylor coefficients of sin(r)/r and cos(r) in r^2
const SIN_COEFFICIENTS: DD[] = [];
const COS_COEFFICIENTS: DD[] = [];
for (let n = 0; n <= 14; n++) {
  const sign = n % 2 === 0 ? 1 : -1;
  SIN_COEFFICIENTS.push([sign * INV_FACTORIAL[2 * n + 1][0], sign * INV_FACTORIAL[2 * n + 1][1]]);
  COS_COEFFICIENTS.push([sign * INV_FACTORIAL[2 * n][0], sign * INV_FACTORIAL[2 * n][1]]);
}

// x = k * pi/2 + r with |r| <= pi/4; sin and cos of r, and the quadrant k mod 4
function sinCosReduced(x: number): { sinR: DD; cosR: DD; quadrant: number } {
  const k = Math.round(x / PIO2[0]);
  let r = add([x, 0], neg(twoProd(k, PIO2[0])));
  r = add(r, neg(twoProd(k, PIO2[1])));
  r = add(r, neg(twoProd(k, PIO2[2])));
  const r2 = mul(r, r);
  return {
    sinR: mul(r, horner(SIN_COEFFICIENTS, r2)),
    cosR: horner(COS_COEFFICIENTS, r2),
    quadrant: ((k % 4) + 4) % 4,
  };
}

// three parts of pi/2 reduce exactly enough up to here; past it, fall back to the engine's own
const REDUCTION_LIMIT = 2 ** 20;

export function sin(x: number): number {
  if (!(Math.abs(x) <= REDUCTION_LIMIT)) return Math.sin(x);
  const { sinR, cosR, quadrant } = sinCosReduced(x);
  const [hi, lo] = [sinR, cosR, neg(sinR), neg(cosR)][quadrant];
  return hi + lo;
}

export function cos(x: number): number {
  if (!(Math.abs(x) <= REDUCTION_LIMIT)) return Math.cos(x);
  const { sinR, cosR, quadrant } = sinCosReduced(x);
  const [hi, lo] = [cosR, neg(sinR), neg(cosR), sinR][quadrant];
  return hi + lo;
}
// #endregion sin-cos
