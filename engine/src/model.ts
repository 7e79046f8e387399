// #region config
// The model: a GPT-2-style transformer, with minor differences (rmsnorm instead of layernorm,
// no biases, ReLU instead of GeLU), written over scalar Values.
import type { Random } from './random.ts';
import { Value, sum } from './value.ts';

export interface ModelConfig {
  nLayer: number; // depth of the transformer (number of layers)
  nEmbd: number; // width of the network (embedding dimension)
  blockSize: number; // maximum context length of the attention window
  nHead: number; // number of attention heads
  initStd: number; // standard deviation of the initial weights
}

export const defaultConfig: ModelConfig = { nLayer: 1, nEmbd: 16, blockSize: 16, nHead: 4, initStd: 0.08 };
// #endregion config

// #region parameters
export type Matrix = Value[][];
export type StateDict = Record<string, Matrix>;

export interface Model {
  config: ModelConfig;
  vocabSize: number;
  stateDict: StateDict;
  params: Value[]; // every weight, flattened in stateDict order
}

export function matrix(rng: Random, nout: number, nin: number, std: number): Matrix {
  return Array.from({ length: nout }, () => Array.from({ length: nin }, () => new Value(rng.gauss(0, std))));
}

export function createModel(rng: Random, vocabSize: number, config: ModelConfig = defaultConfig): Model {
  const { nEmbd, nLayer, blockSize, initStd: std } = config;
  if (nEmbd % config.nHead !== 0) throw new RangeError(`nEmbd (${nEmbd}) must be divisible by nHead (${config.nHead})`);
  const stateDict: StateDict = {
    wte: matrix(rng, vocabSize, nEmbd, std),
    wpe: matrix(rng, blockSize, nEmbd, std),
    lm_head: matrix(rng, vocabSize, nEmbd, std),
  };
  for (let i = 0; i < nLayer; i++) {
    stateDict[`layer${i}.attn_wq`] = matrix(rng, nEmbd, nEmbd, std);
    stateDict[`layer${i}.attn_wk`] = matrix(rng, nEmbd, nEmbd, std);
    stateDict[`layer${i}.attn_wv`] = matrix(rng, nEmbd, nEmbd, std);
    stateDict[`layer${i}.attn_wo`] = matrix(rng, nEmbd, nEmbd, std);
    stateDict[`layer${i}.mlp_fc1`] = matrix(rng, 4 * nEmbd, nEmbd, std);
    stateDict[`layer${i}.mlp_fc2`] = matrix(rng, nEmbd, 4 * nEmbd, std);
  }
  const params = Object.values(stateDict).flat(2);
  return { config, vocabSize, stateDict, params };
}
// #endregion parameters

// #region linear
export function linear(x: Value[], w: Matrix): Value[] {
  return w.map((wo) => sum(wo.map((wi, i) => wi.mul(x[i]))));
}
// #endregion linear

// #region softmax
export function softmax(logits: Value[]): Value[] {
  let maxVal = logits[0].data;
  for (const val of logits) if (val.data > maxVal) maxVal = val.data;
  const exps = logits.map((val) => val.sub(maxVal).exp());
  const total = sum(exps);
  return exps.map((e) => e.div(total));
}
// #endregion softmax

// #region rmsnorm
export function rmsnorm(x: Value[]): Value[] {
  const ms = sum(x.map((xi) => xi.mul(xi))).div(x.length);
  const scale = ms.add(1e-5).pow(-0.5);
  return x.map((xi) => xi.mul(scale));
}
// #endregion rmsnorm

// #region gpt
// keys[li] and values[li] are layer li's KV cache: the keys and values of every earlier position
export type KVCache = Value[][][];

export function emptyCache(model: Model): KVCache {
  return Array.from({ length: model.config.nLayer }, () => []);
}

export function gpt(model: Model, tokenId: number, posId: number, keys: KVCache, values: KVCache): Value[] {
  const { stateDict, config } = model;
  const headDim = config.nEmbd / config.nHead;
  const tokEmb = stateDict['wte'][tokenId]; // token embedding
  const posEmb = stateDict['wpe'][posId]; // position embedding
  let x = tokEmb.map((t, i) => t.add(posEmb[i])); // joint token and position embedding
  x = rmsnorm(x); // not redundant: the residual connections below bypass the later norms

  for (let li = 0; li < config.nLayer; li++) {
    // 1) Multi-head attention block
    let xResidual = x;
    x = rmsnorm(x);
    const q = linear(x, stateDict[`layer${li}.attn_wq`]);
    const k = linear(x, stateDict[`layer${li}.attn_wk`]);
    const v = linear(x, stateDict[`layer${li}.attn_wv`]);
    keys[li].push(k);
    values[li].push(v);
    const xAttn: Value[] = [];
    for (let h = 0; h < config.nHead; h++) {
      const hs = h * headDim;
      const qH = q.slice(hs, hs + headDim);
      const kH = keys[li].map((ki) => ki.slice(hs, hs + headDim));
      const vH = values[li].map((vi) => vi.slice(hs, hs + headDim));
      const attnLogits = kH.map((kt) => sum(qH.map((qj, j) => qj.mul(kt[j]))).div(headDim ** 0.5));
      const attnWeights = softmax(attnLogits);
      const headOut = Array.from({ length: headDim }, (_, j) => sum(attnWeights.map((wt, t) => wt.mul(vH[t][j]))));
      xAttn.push(...headOut);
    }
    x = linear(xAttn, stateDict[`layer${li}.attn_wo`]);
    x = x.map((a, i) => a.add(xResidual[i]));
    // 2) MLP block
    xResidual = x;
    x = rmsnorm(x);
    x = linear(x, stateDict[`layer${li}.mlp_fc1`]);
    x = x.map((xi) => xi.relu());
    x = linear(x, stateDict[`layer${li}.mlp_fc2`]);
    x = x.map((a, i) => a.add(xResidual[i]));
  }

  return linear(x, stateDict['lm_head']);
}
// #endregion gpt
