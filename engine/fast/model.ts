// #region parameters
// The fast engine's model: the GPT of engine/src/model.ts, with its weights, activations and
// gradients in flat Float64Arrays instead of one Value object per scalar. Every number is computed
// by the same floating-point operations, in the same order, as the teaching engine's graph, so the
// two engines agree to the last bit (test/fast-lockstep.test.ts checks every weight and gradient).
import { defaultConfig, type ModelConfig } from '../src/model.ts';
import type { Random } from '../src/random.ts';
import { exp } from './libm.ts';

export type { ModelConfig };

// where each of a layer's matrices starts in Model.params (each row-major, rows of nin weights)
export interface LayerWeights {
  attnWq: number;
  attnWk: number;
  attnWv: number;
  attnWo: number;
  mlpFc1: number;
  mlpFc2: number;
}

export interface Model {
  config: ModelConfig;
  vocabSize: number;
  params: Float64Array; // every weight, in the teaching model's params order (its stateDict, flattened)
  grads: Float64Array; // the gradient of the loss with respect to each weight, in the same layout
  wte: number; // where the token embedding starts in params
  wpe: number; // the position embedding
  lmHead: number;
  layers: LayerWeights[];
}

export function createModel(rng: Random, vocabSize: number, config: ModelConfig = defaultConfig): Model {
  const { nEmbd, nLayer, blockSize, initStd: std } = config;
  if (nEmbd % config.nHead !== 0) throw new RangeError(`nEmbd (${nEmbd}) must be divisible by nHead (${config.nHead})`);
  let size = 0;
  const matrix = (nout: number, nin: number): number => {
    const start = size;
    size += nout * nin;
    return start;
  };
  // the stateDict's order: wte, wpe, lm_head, then each layer's six matrices
  const wte = matrix(vocabSize, nEmbd);
  const wpe = matrix(blockSize, nEmbd);
  const lmHead = matrix(vocabSize, nEmbd);
  const layers: LayerWeights[] = [];
  for (let i = 0; i < nLayer; i++) {
    const attnWq = matrix(nEmbd, nEmbd);
    const attnWk = matrix(nEmbd, nEmbd);
    const attnWv = matrix(nEmbd, nEmbd);
    const attnWo = matrix(nEmbd, nEmbd);
    const mlpFc1 = matrix(4 * nEmbd, nEmbd);
    const mlpFc2 = matrix(nEmbd, 4 * nEmbd);
    layers.push({ attnWq, attnWk, attnWv, attnWo, mlpFc1, mlpFc2 });
  }
  // the matrices lie in creation order, so drawing every weight in turn draws what matrix() draws
  const params = new Float64Array(size);
  for (let i = 0; i < size; i++) params[i] = rng.gauss(0, std);
  return { config, vocabSize, params, grads: new Float64Array(size), wte, wpe, lmHead, layers };
}
// #endregion parameters

// #region activations
// What the forward pass keeps for the backward pass: every vector gpt() computes, position by
// position (the Values' .data in the teaching engine). k and v are the KV cache. A position's
// vectors for layer li start at ((t * nLayer + li) * width); x holds, per position, the normed
// embedding and then each layer's output. The attention weights of position t take t + 1 numbers
// per layer and head, so they grow with the square of the length: the buffers are sized by the
// longest sequence actually seen, never by blockSize (see reserve).
const none: Float64Array = new Float64Array(0);

export class Activations {
  capacity = 0; // positions the buffers hold
  emb = none; // tokEmb + posEmb
  x = none; // nLayer + 1 vectors per position: rmsnorm(emb), then each layer's output
  n1 = none; // rmsnorm before attention
  q = none;
  k = none;
  v = none;
  xAttn = none; // the heads' outputs, side by side
  xMid = none; // after attention and its residual
  n2 = none; // rmsnorm before the MLP
  h = none; // mlp_fc1's output, 4 * nEmbd per layer
  r = none; // relu(h)
  logits = none; // vocabSize per position
  exps = none; // the softmax's exp(logit - max) of those logits
  total = none; // and their sum, one per position
  readonly probs: Float64Array; // one position's probabilities, vocabSize long
  normDenom = none; // ms + 1e-5 of each rmsnorm, 1 + 2 * nLayer per position
  normScale = none; // (ms + 1e-5) ** -0.5
  attnExp = none; // attention's exp(logit - max): position t's from nLayer * nHead * t(t+1)/2 on
  attnW = none; // the attention weights, laid out likewise
  attnTotal = none; // each attention softmax's sum, nLayer * nHead per position
  scratch = none; // one softmax's logits, positions long
  // the backward pass's gradients: dk and dv collect from every later position, the rest from one
  dk = none;
  dv = none;
  dW = none; // one head's attention weights, positions long
  dDot = none; // and its q·k dot products
  readonly dx: Float64Array;
  readonly dxMid: Float64Array;
  readonly dn: Float64Array;
  readonly dq: Float64Array;
  readonly dxAttn: Float64Array;
  readonly dr: Float64Array;
  readonly dh: Float64Array;
  readonly dLogits: Float64Array;
  readonly dEmb: Float64Array;
  private readonly config: ModelConfig;
  private readonly vocabSize: number;

  constructor(model: Model, positions = 1) {
    const E = model.config.nEmbd;
    this.config = model.config;
    this.vocabSize = model.vocabSize;
    [this.dx, this.dxMid, this.dn, this.dq, this.dxAttn, this.dEmb] = Array.from({ length: 6 }, () => new Float64Array(E));
    [this.dr, this.dh] = [new Float64Array(4 * E), new Float64Array(4 * E)];
    this.dLogits = new Float64Array(model.vocabSize);
    this.probs = new Float64Array(model.vocabSize);
    this.reserve(positions);
  }

  // Make room for the given number of positions, keeping what the buffers hold. They grow to the
  // longest sequence seen, at least doubling, so a long sample reallocates only a few times.
  reserve(positions: number): void {
    if (positions <= this.capacity) return;
    const { nEmbd: E, nLayer: L, nHead: H, blockSize } = this.config;
    const n = Math.min(Math.max(positions, 2 * this.capacity), blockSize);
    const grow = (old: Float64Array, size: number): Float64Array => {
      const a = new Float64Array(size);
      a.set(old);
      return a;
    };
    for (const key of ['n1', 'q', 'k', 'v', 'xAttn', 'xMid', 'n2', 'dk', 'dv'] as const) this[key] = grow(this[key], n * L * E);
    this.h = grow(this.h, n * L * 4 * E);
    this.r = grow(this.r, n * L * 4 * E);
    this.emb = grow(this.emb, n * E);
    this.x = grow(this.x, n * (L + 1) * E);
    this.logits = grow(this.logits, n * this.vocabSize);
    this.exps = grow(this.exps, n * this.vocabSize);
    this.total = grow(this.total, n);
    this.normDenom = grow(this.normDenom, n * (1 + 2 * L));
    this.normScale = grow(this.normScale, n * (1 + 2 * L));
    this.attnExp = grow(this.attnExp, (L * H * n * (n + 1)) / 2);
    this.attnW = grow(this.attnW, (L * H * n * (n + 1)) / 2);
    this.attnTotal = grow(this.attnTotal, n * L * H);
    for (const key of ['scratch', 'dW', 'dDot'] as const) this[key] = new Float64Array(n);
    this.capacity = n;
  }
}
// #endregion activations

// #region linear
// y = W·x, W the nout×nin matrix at params[w]. Each row is summed as sum() sums: from 0, left to right.
export function linear(y: Float64Array, yAt: number, params: Float64Array, w: number, x: Float64Array, xAt: number, nout: number, nin: number): void {
  for (let o = 0; o < nout; o++) {
    const row = w + o * nin;
    let acc = 0;
    for (let i = 0; i < nin; i++) acc += params[row + i] * x[xAt + i];
    y[yAt + o] = acc;
  }
}
// #endregion linear

// #region softmax
// probs = softmax(logits) over n numbers; returns the sum of the exps. Division by the total is
// multiplication by total ** -1, as Value.div builds it (V8's x ** -1 is not always 1 / x).
export function softmax(logits: Float64Array, lAt: number, exps: Float64Array, eAt: number, probs: Float64Array, pAt: number, n: number): number {
  let maxVal = logits[lAt];
  for (let i = 1; i < n; i++) if (logits[lAt + i] > maxVal) maxVal = logits[lAt + i];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = exp(logits[lAt + i] - maxVal); // val.sub(maxVal).exp()
    exps[eAt + i] = e;
    total += e;
  }
  const inv = total ** -1;
  for (let i = 0; i < n; i++) probs[pAt + i] = exps[eAt + i] * inv;
  return total;
}
// #endregion softmax

// #region rmsnorm
// out = x * (mean(x²) + 1e-5) ** -0.5; keeps ms + 1e-5 and the scale for the backward pass
export function rmsnorm(out: Float64Array, outAt: number, x: Float64Array, xAt: number, n: number, acts: Activations, norm: number): void {
  let ss = 0;
  for (let i = 0; i < n; i++) ss += x[xAt + i] * x[xAt + i];
  const denom = ss * n ** -1 + 1e-5; // sum(...).div(len) is a multiplication by len ** -1
  const scale = denom ** -0.5;
  acts.normDenom[norm] = denom;
  acts.normScale[norm] = scale;
  for (let i = 0; i < n; i++) out[outAt + i] = x[xAt + i] * scale;
}
// #endregion rmsnorm

// #region gpt
// One token at position posId, as engine/src/model.ts's gpt(): its logits go to acts.logits from
// posId * vocabSize on. The earlier positions must be in acts already: their k and v are the cache.
export function gpt(model: Model, acts: Activations, tokenId: number, posId: number): void {
  const { params } = model;
  const { nEmbd: E, nLayer: L } = model.config;
  const { emb, x, xMid, h, r } = acts;
  const t = posId;
  const tok = model.wte + tokenId * E; // token embedding
  const pos = model.wpe + posId * E; // position embedding
  for (let i = 0; i < E; i++) emb[t * E + i] = params[tok + i] + params[pos + i];
  const norm = t * (1 + 2 * L); // this position's rmsnorms
  let xAt = t * (L + 1) * E;
  rmsnorm(x, xAt, emb, t * E, E, acts, norm); // not redundant: the residual connections below bypass the later norms

  for (let li = 0; li < L; li++) {
    const w = model.layers[li];
    const at = (t * L + li) * E; // where this position's vectors of layer li start
    // 1) Multi-head attention block
    rmsnorm(acts.n1, at, x, xAt, E, acts, norm + 1 + 2 * li);
    linear(acts.q, at, params, w.attnWq, acts.n1, at, E, E);
    linear(acts.k, at, params, w.attnWk, acts.n1, at, E, E);
    linear(acts.v, at, params, w.attnWv, acts.n1, at, E, E);
    attention(model, acts, t, li);
    linear(xMid, at, params, w.attnWo, acts.xAttn, at, E, E);
    for (let i = 0; i < E; i++) xMid[at + i] += x[xAt + i]; // a.add(xResidual[i])
    // 2) MLP block
    rmsnorm(acts.n2, at, xMid, at, E, acts, norm + 2 + 2 * li);
    linear(h, 4 * at, params, w.mlpFc1, acts.n2, at, 4 * E, E);
    for (let i = 4 * at; i < 4 * at + 4 * E; i++) r[i] = h[i] > 0 ? h[i] : 0; // relu
    linear(x, xAt + E, params, w.mlpFc2, r, 4 * at, E, 4 * E);
    xAt += E;
    for (let i = 0; i < E; i++) x[xAt + i] += xMid[at + i]; // a.add(xResidual[i])
  }

  linear(acts.logits, t * model.vocabSize, params, model.lmHead, x, xAt, model.vocabSize, E);
}

// Each head of layer li at position t attends over positions 0..t: softmax of q·k / sqrt(headDim)
function attention(model: Model, acts: Activations, t: number, li: number): void {
  const { nEmbd: E, nLayer: L, nHead: H } = model.config;
  const headDim = E / H;
  const c = (headDim ** 0.5) ** -1; // .div(headDim ** 0.5) multiplies by (headDim ** 0.5) ** -1
  const { q, k, v, xAttn, attnExp, attnW, scratch: attnLogits } = acts;
  const at = (t * L + li) * E;
  for (let h = 0; h < H; h++) {
    const hs = at + h * headDim; // this head's slice of q and of xAttn
    const wAt = attnAt(model, t, li, h);
    for (let s = 0; s <= t; s++) {
      const ks = (s * L + li) * E + h * headDim; // key s's slice
      let dot = 0;
      for (let j = 0; j < headDim; j++) dot += q[hs + j] * k[ks + j];
      attnLogits[s] = dot * c;
    }
    acts.attnTotal[(t * L + li) * H + h] = softmax(attnLogits, 0, attnExp, wAt, attnW, wAt, t + 1);
    for (let j = 0; j < headDim; j++) {
      let out = 0;
      for (let s = 0; s <= t; s++) out += attnW[wAt + s] * v[(s * L + li) * E + h * headDim + j];
      xAttn[hs + j] = out;
    }
  }
}

// where the t + 1 attention weights of position t, layer li, head h start
export function attnAt(model: Model, t: number, li: number, h: number): number {
  const { nLayer: L, nHead: H } = model.config;
  return (L * H * t * (t + 1)) / 2 + (li * H + h) * (t + 1);
}
// #endregion gpt
