// #region double-double
// math.exp and math.log for the fast engine: engine/src/libm.ts's with the same floating-point
// operations, in the same order and association, so the same double for every input. What
// changes is only where the numbers live. The teaching libm returns each double-double (hi, lo)
// as a new two-element array: a log makes about 500 of them. Here the helpers below leave their
// result in a two-slot register instead, since a function cannot return two numbers without
// allocating, and exp, called once per logit by every softmax and so the engine's hottest
// function after the sums, has its nine add() and mul() calls written out in place over local
// variables. The tables are built once, at load, by the teaching libm's own steps.
const dd = new Float64Array(2);
const HI = 0;
const LO = 1;

// a + b exactly, as a rounded sum and its error (twoSum)
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  dd[HI] = s;
  dd[LO] = a - (s - bb) + (b - bb);
}

// a * b exactly, as a rounded product and its error (Dekker, with Veltkamp's split)
function twoProd(a: number, b: number): void {
  const p = a * b;
  const ta = 134217729 * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = 134217729 * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  dd[HI] = p;
  dd[LO] = ah * bh - p + ah * bl + al * bh + al * bl;
}

function normalize(h: number, l: number): void {
  const s = h + l;
  dd[HI] = s;
  dd[LO] = l - (s - h);
}

// (ah, al) + (bh, bl)
function add(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s = dd[HI];
  const e = dd[LO];
  twoSum(al, bl);
  const t = dd[HI];
  const f = dd[LO];
  normalize(s, e + t);
  normalize(dd[HI], dd[LO] + f);
}

// (ah, al) * (bh, bl)
function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  normalize(dd[HI], dd[LO] + (ah * bl + al * bh));
}

// (ah, al) / (bh, bl), for the tables only
function div(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  mul(q1, 0, bh, bl);
  add(ah, al, -dd[HI], -dd[LO]);
  const rh = dd[HI];
  const rl = dd[LO];
  const q2 = rh / bh;
  mul(q2, 0, bh, bl);
  add(rh, rl, -dd[HI], -dd[LO]);
  const q3 = dd[HI] / bh;
  normalize(q1, q2);
  add(dd[HI], dd[LO], q3, 0);
}
// #endregion double-double

// #region constants
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const LN2_TAIL = 5.707708438416212e-34;

// x - k * ln2, as engine/src/libm.ts's minusKLn2
function minusKLn2(x: number, k: number): void {
  twoProd(k, LN2_HI);
  add(x, 0, -dd[HI], -dd[LO]);
  const rh = dd[HI];
  const rl = dd[LO];
  twoProd(k, LN2_LO);
  add(rh, rl, -dd[HI], -dd[LO]);
  add(dd[HI], dd[LO], -k * LN2_TAIL, 0);
}

// The tables, built by the teaching libm's own steps: 1/n! for n = 0..14, then 2^(j/256) for
// j = 0..255 as the Taylor series of exp(r/16) squared four times, then 1/6 and 1/24.
const FACT_HI = [1];
const FACT_LO = [0];
for (let n = 1; n <= 14; n++) {
  div(FACT_HI[n - 1], FACT_LO[n - 1], n, 0);
  FACT_HI.push(dd[HI]);
  FACT_LO.push(dd[LO]);
}
const EXP2_HI = new Float64Array(256);
const EXP2_LO = new Float64Array(256);
for (let j = 0; j < 256; j++) {
  minusKLn2(0, -j / 256);
  const xh = dd[HI] / 16;
  const xl = dd[LO] / 16;
  let eh = FACT_HI[14];
  let el = FACT_LO[14];
  for (let i = 13; i >= 0; i--) {
    mul(eh, el, xh, xl); // Horner's rule
    add(dd[HI], dd[LO], FACT_HI[i], FACT_LO[i]);
    eh = dd[HI];
    el = dd[LO];
  }
  for (let i = 0; i < 4; i++) {
    mul(eh, el, eh, el);
    eh = dd[HI];
    el = dd[LO];
  }
  EXP2_HI[j] = eh;
  EXP2_LO[j] = el;
}
div(1, 0, 6, 0);
const SIXTH_HI = dd[HI];
const SIXTH_LO = dd[LO];
div(1, 0, 24, 0);
const TWENTY_FOURTH_HI = dd[HI];
const TWENTY_FOURTH_LO = dd[LO];
// #endregion constants

// #region exp
// x = (256k + j) * ln2/256 + r, so exp(x) = 2^k * 2^(j/256) * exp(r): engine/src/libm.ts's exp,
// with its nine double-double operations written out in place over local variables. Each block
// below is one call of the teaching libm's add() or mul(), its twoSum, twoProd and normalize
// unrolled; the same operations on the same operands, so the same bits, at a third of the cost
// (no arrays, no calls, nothing for the garbage collector).
const SPLIT = 134217729; // Veltkamp's splitting constant, 2^27 + 1
// LN2[0] and LN2[1], each with its two halves as twoProd() splits them
const LN2_PART = new Float64Array([LN2_HI, LN2_LO]);
const LN2_PART_H = LN2_PART.map((c) => SPLIT * c - (SPLIT * c - c));
const LN2_PART_L = LN2_PART.map((c, i) => c - LN2_PART_H[i]);
// the Horner coefficients after r * p: 1/24, 1/6, 1/2, 1, 1
const COEFF_HI = new Float64Array([TWENTY_FOURTH_HI, SIXTH_HI, 0.5, 1, 1]);
const COEFF_LO = new Float64Array([TWENTY_FOURTH_LO, SIXTH_LO, 0, 0, 0]);

export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) throw new RangeError('math range error');
  if (x < -745.1332191019412) return 0;
  const n = Math.round((x / LN2_HI) * 256);
  const k = n / 256;
  const kt = SPLIT * k;
  const kh = kt - (kt - k); // split(k)
  const kl = k - kh;
  let h = x; // (h, l) is the double-double being computed
  let l = 0;
  // r = minusKLn2(x, k): three times (h, l) = add((h, l), (bh, bl)), with (bh, bl) in turn
  // -twoProd(k, LN2[0]), -twoProd(k, LN2[1]) and (-k * LN2_TAIL, 0)
  for (let i = 0; i < 3; i++) {
    let bh = -k * LN2_TAIL;
    let bl = 0;
    if (i < 2) {
      const c = LN2_PART[i];
      const ch = LN2_PART_H[i];
      const cl = LN2_PART_L[i];
      const kc = k * c;
      bh = -kc;
      bl = -(kh * ch - kc + kh * cl + kl * ch + kl * cl);
    }
    const s = h + bh; // twoSum(h, bh)
    const sb = s - h;
    const e = h - (s - sb) + (bh - sb);
    const t = l + bl; // twoSum(l, bl)
    const tb = t - l;
    const f = l - (t - tb) + (bl - tb);
    const m = e + t; // normalize(s, e + t)
    const u = s + m;
    const g = m - (u - s);
    const m2 = g + f; // normalize(u, g + f)
    h = u + m2;
    l = m2 - (h - u);
  }
  const rh = h;
  const rl = l;
  const rt = SPLIT * rh;
  const rhh = rt - (rt - rh); // split(r[0])
  const rhl = rh - rhh;
  const p = 1 / 120 + rh * (1 / 720 + rh * (1 / 5040 + rh * (1 / 40320 + rh / 362880)));
  // (h, l) = mul(r, [p, 0])
  {
    const q = rh * p; // twoProd(rh, p)
    const pt = SPLIT * p;
    const ph = pt - (pt - p);
    const pl = p - ph;
    const e = rhh * ph - q + rhh * pl + rhl * ph + rhl * pl;
    const m = e + (rh * 0 + rl * p); // normalize(q, e + (a[0] * b[1] + a[1] * b[0]))
    h = q + m;
    l = m - (h - q);
  }
  // Horner's rule: (h, l) = mul((h, l), r), except before the first coefficient; then add it
  for (let i = 0; i < 5; i++) {
    if (i > 0) {
      const q = h * rh; // twoProd(h, rh)
      const ht = SPLIT * h;
      const hh = ht - (ht - h);
      const hl = h - hh;
      const e = hh * rhh - q + hh * rhl + hl * rhh + hl * rhl;
      const m = e + (h * rl + l * rh); // normalize(q, e + (a[0] * b[1] + a[1] * b[0]))
      h = q + m;
      l = m - (h - q);
    }
    const ch = COEFF_HI[i];
    const cl = COEFF_LO[i];
    const s = h + ch; // twoSum(h, ch)
    const sb = s - h;
    const e = h - (s - sb) + (ch - sb);
    const t = l + cl; // twoSum(l, cl)
    const tb = t - l;
    const f = l - (t - tb) + (cl - tb);
    const m = e + t; // normalize(s, e + t)
    const u = s + m;
    const g = m - (u - s);
    const m2 = g + f; // normalize(u, g + f)
    h = u + m2;
    l = m2 - (h - u);
  }
  // (h, l) = mul(EXP2_TABLE[j], (h, l)), then scale by 2^k
  const j = ((n % 256) + 256) % 256;
  const ah = EXP2_HI[j];
  const al = EXP2_LO[j];
  const q = ah * h; // twoProd(ah, h)
  const at = SPLIT * ah;
  const ahh = at - (at - ah);
  const ahl = ah - ahh;
  const ht = SPLIT * h;
  const hh = ht - (ht - h);
  const hl = h - hh;
  const e = ahh * hh - q + ahh * hl + ahl * hh + ahl * hl;
  const m = e + (ah * l + al * h); // normalize(q, e + (a[0] * b[1] + a[1] * b[0]))
  const hi = q + m;
  const lo = m - (hi - q);
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
// log(x) = e * ln2 + 2 atanh((m - 1) / (m + 1)) for x = m * 2^e: engine/src/libm.ts's log, each
// double-double operation one call of the helpers above
const ATANH_HI = new Float64Array(23); // 1/(2j+1) for j = 0..22
const ATANH_LO = new Float64Array(23);
for (let j = 0; j <= 22; j++) {
  div(1, 0, 2 * j + 1, 0);
  ATANH_HI[j] = dd[HI];
  ATANH_LO[j] = dd[LO];
}

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
  twoSum(2, f);
  div(f, 0, dd[HI], dd[LO]); // s = (m - 1) / (m + 1)
  const sh = dd[HI];
  const sl = dd[LO];
  mul(sh, sl, sh, sl);
  const s2h = dd[HI];
  const s2l = dd[LO];
  let ah = ATANH_HI[22]; // the series in s^2, by Horner's rule
  let al = ATANH_LO[22];
  for (let j = 21; j >= 0; j--) {
    mul(ah, al, s2h, s2l);
    add(dd[HI], dd[LO], ATANH_HI[j], ATANH_LO[j]);
    ah = dd[HI];
    al = dd[LO];
  }
  mul(2 * sh, 2 * sl, ah, al);
  const logMh = dd[HI];
  const logMl = dd[LO];
  twoProd(e, LN2_HI);
  const ph = dd[HI];
  const pl = dd[LO];
  twoProd(e, LN2_LO);
  add(dd[HI], dd[LO], e * LN2_TAIL, 0);
  add(ph, pl, dd[HI], dd[LO]); // e * ln2
  add(dd[HI], dd[LO], logMh, logMl);
  return dd[HI] + dd[LO];
}
// #endregion log
