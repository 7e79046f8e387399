// #region order
// The backward pass of one document's loss, written out by hand: what engine/src/value.ts's
// backward() computes on the graph documentLoss() builds, to the last bit.
//
// backward() walks the graph in reverse topological order, and a node's gradient is the sum, from
// 0, of what each of its parents passes down, in the order those parents come in that walk. A sum
// in another order can round differently, so the order is part of the algorithm. The walk is the
// reverse of a depth-first search from the loss; from it follow the rules this file keeps:
// - positions last to first (the loss sums them first to last); a weight, or a key or value that
//   later positions attend to, sums its contributions from the last position to the first;
// - a matrix's rows were reached first to last, so an input sums them last to first; but the
//   lm_head row of the target was reached first (through probs[target]), so it comes last;
// - q, k and v were reached head by head, in each head q's rows, then k's, then v's, so their
//   input sums them in reverse (at position 0, whose key is its own, q's and k's rows alternate,
//   but there the softmax has a single weight, exactly 1, and passes exactly 0 back to q and k);
// - attention sums over positions and over dimensions last to first, like rows;
// - an rmsnorm's input takes the residual's gradient first, then x * scale's, then x * x's, which
//   has x as both children, so that one adds twice.
// Each product is the child's local gradient times the parent's gradient, as backward() forms it.
import { attnAt, type Activations, type Model } from './model.ts';
// #endregion order

// #region backward
// Accumulates d loss / d weight into model.grads, for the positions 0..n-1 of tokens that
// documentLoss() ran forward (targets tokens[1..n])
export function backward(model: Model, acts: Activations, tokens: ArrayLike<number>, n: number): void {
  const { params, grads, vocabSize: V } = model;
  const { nEmbd: E, nLayer: L } = model.config;
  const { dx, dLogits, dEmb, exps } = acts;
  acts.dk.fill(0, 0, n * L * E);
  acts.dv.fill(0, 0, n * L * E);
  // loss = sum(losses) * (1 / n), lossT = log(probs[target]) * -1: into each log, -1 * (1 / n)
  const dLog = -1 * ((1 / n) * 1);
  for (let t = n - 1; t >= 0; t--) {
    const target = tokens[t + 1];
    // softmax: probs[target] = exps[target] * total ** -1; the other probabilities are unused
    const total = acts.total[t];
    const inv = total ** -1;
    const eT = exps[t * V + target];
    const dp = (1 / (eT * inv)) * dLog; // log's local gradient is 1 / p
    const dTotal = (-1 * total ** -2) * (eT * dp); // pow(-1)'s local gradient, times the pow node's
    // exps[target] hears from probs[target] first, then from the sum, like every exp
    for (let o = 0; o < V; o++) dLogits[o] = exps[t * V + o] * (o === target ? inv * dp + dTotal : dTotal);
    // lm_head: rows last to first, the target's row last
    const xAt = (t * (L + 1) + L) * E;
    dx.fill(0);
    for (let o = V - 1; o >= 0; o--) if (o !== target) rowBackward(dx, params, grads, model.lmHead + o * E, acts.x, xAt, E, dLogits[o]);
    rowBackward(dx, params, grads, model.lmHead + target * E, acts.x, xAt, E, dLogits[target]);
    for (let li = L - 1; li >= 0; li--) layerBackward(model, acts, t, li);
    // rmsnorm of the embedding (no residual), then tokEmb + posEmb passes the gradient to both
    dEmb.fill(0);
    rmsnormBackward(dEmb, acts.emb, t * E, dx, E, acts, t * (1 + 2 * L));
    const tok = model.wte + tokens[t] * E;
    const pos = model.wpe + t * E;
    for (let i = 0; i < E; i++) {
      grads[tok + i] += dEmb[i];
      grads[pos + i] += dEmb[i];
    }
  }
}

// one layer at position t, from the gradient of its output in acts.dx to that of its input, in acts.dx
function layerBackward(model: Model, acts: Activations, t: number, li: number): void {
  const { params, grads } = model;
  const { nEmbd: E, nLayer: L } = model.config;
  const { dx, dxMid, dn, dr, dh, dxAttn } = acts;
  const w = model.layers[li];
  const at = (t * L + li) * E;
  const norm = t * (1 + 2 * L) + 1 + 2 * li;
  // 2) MLP block: x = f + xResidual passes dx to both
  dr.fill(0);
  linearBackward(dr, dx, 0, params, grads, w.mlpFc2, acts.r, 4 * at, E, 4 * E);
  for (let o = 0; o < 4 * E; o++) dh[o] = (acts.h[4 * at + o] > 0 ? 1 : 0) * dr[o]; // relu's local gradient
  dn.fill(0);
  linearBackward(dn, dh, 0, params, grads, w.mlpFc1, acts.n2, at, 4 * E, E);
  dxMid.set(dx); // the residual's share first, then the rmsnorm's
  rmsnormBackward(dxMid, acts.xMid, at, dn, E, acts, norm + 1);
  // 1) Multi-head attention block: xMid = a + xResidual
  dxAttn.fill(0);
  linearBackward(dxAttn, dxMid, 0, params, grads, w.attnWo, acts.xAttn, at, E, E);
  attentionBackward(model, acts, t, li);
  dn.fill(0);
  qkvBackward(model, acts, t, li);
  dx.set(dxMid);
  rmsnormBackward(dx, acts.x, (t * (L + 1) + li) * E, dn, E, acts, norm);
}
// #endregion backward

// #region linear
// one row of y = W·x: row's weight i passes g * W[i] to x[i] and gets g * x[i]
function rowBackward(dx: Float64Array, params: Float64Array, grads: Float64Array, row: number, x: Float64Array, xAt: number, nin: number, g: number): void {
  for (let i = 0; i < nin; i++) {
    dx[i] += params[row + i] * g;
    grads[row + i] += x[xAt + i] * g;
  }
}

// y = W·x with dy the gradient of y: rows last to first, adding into dx
function linearBackward(dx: Float64Array, dy: Float64Array, dyAt: number, params: Float64Array, grads: Float64Array, w: number, x: Float64Array, xAt: number, nout: number, nin: number): void {
  for (let o = nout - 1; o >= 0; o--) rowBackward(dx, params, grads, w + o * nin, x, xAt, nin, dy[dyAt + o]);
}

// q, k and v = W·n1: heads last to first, in each v's rows, then k's, then q's, each last to first
function qkvBackward(model: Model, acts: Activations, t: number, li: number): void {
  const { params, grads } = model;
  const { nEmbd: E, nLayer: L, nHead: H } = model.config;
  const { dn, n1, dq, dk, dv } = acts;
  const w = model.layers[li];
  const headDim = E / H;
  const at = (t * L + li) * E;
  for (let h = H - 1; h >= 0; h--) {
    const first = h * headDim;
    for (let o = first + headDim - 1; o >= first; o--) rowBackward(dn, params, grads, w.attnWv + o * E, n1, at, E, dv[at + o]);
    for (let o = first + headDim - 1; o >= first; o--) rowBackward(dn, params, grads, w.attnWk + o * E, n1, at, E, dk[at + o]);
    for (let o = first + headDim - 1; o >= first; o--) rowBackward(dn, params, grads, w.attnWq + o * E, n1, at, E, dq[o]);
  }
}
// #endregion linear

// #region rmsnorm
// out = x * scale, scale = (ms + 1e-5) ** -0.5, ms = sum(x * x) * n ** -1; adds into dx
function rmsnormBackward(dx: Float64Array, x: Float64Array, xAt: number, dOut: Float64Array, n: number, acts: Activations, norm: number): void {
  const scale = acts.normScale[norm];
  let dScale = 0;
  for (let i = n - 1; i >= 0; i--) dScale += x[xAt + i] * dOut[i];
  const dDenom = (-0.5 * acts.normDenom[norm] ** -1.5) * dScale; // pow(-0.5): other * data ** (other - 1)
  const dSq = n ** -1 * dDenom; // into every x * x, through ms and the sum
  for (let i = 0; i < n; i++) {
    dx[i] += scale * dOut[i];
    dx[i] += x[xAt + i] * dSq; // x * x: once as its first child...
    dx[i] += x[xAt + i] * dSq; // ...and once as its second
  }
}
// #endregion rmsnorm

// #region attention
// the heads of layer li at position t: into dq, and into dk and dv of positions 0..t
function attentionBackward(model: Model, acts: Activations, t: number, li: number): void {
  const { nEmbd: E, nLayer: L, nHead: H } = model.config;
  const { q, k, v, dq, dk, dv, dxAttn, attnExp, attnW, dW, dDot } = acts;
  const headDim = E / H;
  const c = (headDim ** 0.5) ** -1;
  const at = (t * L + li) * E;
  dq.fill(0);
  for (let h = 0; h < H; h++) {
    const first = h * headDim;
    const wAt = attnAt(model, t, li, h);
    // headOut[j] = sum of w[s] * v[s][j]: each weight sums over dimensions last to first
    for (let s = 0; s <= t; s++) {
      const vs = (s * L + li) * E + first;
      let g = 0;
      for (let j = headDim - 1; j >= 0; j--) g += v[vs + j] * dxAttn[first + j];
      dW[s] = g;
      for (let j = 0; j < headDim; j++) dv[vs + j] += attnW[wAt + s] * dxAttn[first + j];
    }
    // softmax: w[s] = exps[s] * total ** -1, a pow node per s; the total sums them last to first
    const total = acts.attnTotal[(t * L + li) * H + h];
    const inv = total ** -1;
    const dPow = -1 * total ** -2;
    let dTotal = 0;
    for (let s = t; s >= 0; s--) dTotal += dPow * (attnExp[wAt + s] * dW[s]);
    for (let s = 0; s <= t; s++) dDot[s] = c * (attnExp[wAt + s] * (inv * dW[s] + dTotal));
    // logits[s] = (q · k[s]) * c: q sums over positions last to first
    for (let s = t; s >= 0; s--) {
      const ks = (s * L + li) * E + first;
      for (let j = 0; j < headDim; j++) {
        dq[first + j] += k[ks + j] * dDot[s];
        dk[ks + j] += q[at + first + j] * dDot[s];
      }
    }
  }
}
// #endregion attention
