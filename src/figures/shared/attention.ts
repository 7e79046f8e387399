// The attention figure's model: the numbers layer 0's attention depends on (embeddings and the
// query and key matrices), and the attention weights gpt() computes from them for a name, one row
// per position, made with the engine's own rmsnorm, linear and softmax.
import { type Model, linear, rmsnorm, softmax } from '../../../engine/src/model.ts';
import { Value, sum } from '../../../engine/src/value.ts';

export interface AttentionParams {
  nHead: number;
  blockSize: number;
  wte: number[][];
  wpe: number[][];
  wq: number[][];
  wk: number[][];
}

export function attentionParams(model: Model): AttentionParams {
  const numbers = (m: Value[][]) => m.map((row) => row.map((v) => v.data));
  const sd = model.stateDict;
  return {
    nHead: model.config.nHead,
    blockSize: model.config.blockSize,
    wte: numbers(sd['wte']),
    wpe: numbers(sd['wpe']),
    wq: numbers(sd['layer0.attn_wq']),
    wk: numbers(sd['layer0.attn_wk']),
  };
}

// weights[t][s]: how much position t attends to position s (0 for s > t, which t cannot see yet)
export function attentionWeights(p: AttentionParams, tokens: number[], head: number): number[][] {
  const values = (m: number[][]) => m.map((row) => row.map((x) => new Value(x)));
  const [wq, wk] = [values(p.wq), values(p.wk)];
  const headDim = p.wq.length / p.nHead;
  const slice = (v: Value[]) => v.slice(head * headDim, (head + 1) * headDim);
  const qs: Value[][] = [];
  const ks: Value[][] = [];
  tokens.forEach((tok, pos) => {
    // as in gpt(): joint embedding, rmsnorm, then the attention block's rmsnorm, query and key
    const x = rmsnorm(rmsnorm(p.wte[tok].map((t, i) => new Value(t).add(new Value(p.wpe[pos][i])))));
    qs.push(slice(linear(x, wq)));
    ks.push(slice(linear(x, wk)));
  });
  return qs.map((q, t) => {
    const logits = ks.slice(0, t + 1).map((k) => sum(q.map((qj, j) => qj.mul(k[j]))).div(headDim ** 0.5));
    const row = softmax(logits).map((w) => w.data);
    return [...row, ...new Array<number>(tokens.length - row.length).fill(0)];
  });
}
