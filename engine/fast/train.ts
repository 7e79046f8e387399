// #region loss
// Training with the fast engine: engine/src/train.ts's loop over the flat model.
import { type AdamConfig, defaultAdamConfig } from '../src/adam.ts';
import type { Tokenizer } from '../src/tokenizer.ts';
import type { TrainOptions, TrainStep } from '../src/train.ts';
import { Adam } from './adam.ts';
import { backward } from './backward.ts';
import { log } from './libm.ts';
import { Activations, gpt, type Model, softmax } from './model.ts';

export type { AdamConfig, TrainOptions, TrainStep };

// A document's tokens, BOS on both sides, written into tokens; returns how many positions it
// trains on: min(blockSize, its length - 1). ids maps each character to its token id.
export function encodeDocument(tokens: Int32Array, ids: ReadonlyMap<string, number>, tokenizer: Tokenizer, doc: string, blockSize: number): number {
  let length = 1;
  tokens[0] = tokenizer.BOS;
  for (const ch of doc) {
    const id = ids.get(ch);
    if (id === undefined) tokenizer.encode(doc); // throws the tokenizer's own error
    if (length <= blockSize) tokens[length] = id!; // the tokens past the block are never read
    length++;
  }
  if (length <= blockSize) tokens[length] = tokenizer.BOS;
  length++;
  return Math.min(blockSize, length - 1);
}

// The forward pass over positions 0..n-1: the average cross-entropy of each next token, which
// the forward pass leaves in acts for backward(). Sums from 0 left to right, as sum() does.
export function documentLoss(model: Model, acts: Activations, tokens: ArrayLike<number>, n: number): number {
  const V = model.vocabSize;
  acts.reserve(n);
  let losses = 0;
  for (let posId = 0; posId < n; posId++) {
    const targetId = tokens[posId + 1];
    gpt(model, acts, tokens[posId], posId);
    acts.total[posId] = softmax(acts.logits, posId * V, acts.exps, posId * V, acts.probs, 0, V);
    const p = acts.exps[posId * V + targetId] * acts.total[posId] ** -1; // probs[targetId]
    losses += log(p) * -1; // probs[targetId].log().neg()
  }
  return losses * (1 / n); // final average loss over the document sequence
}
// #endregion loss

// #region train
// Trains one step per iteration and hands it back, as engine/src/train.ts's train() does
export function* train(model: Model, tokenizer: Tokenizer, docs: readonly string[], options: TrainOptions): Generator<TrainStep> {
  const { numSteps } = options;
  const adamConfig = options.adam ?? defaultAdamConfig;
  const adam = new Adam(model.params.length, adamConfig);
  const acts = new Activations(model);
  const { blockSize } = model.config;
  const tokens = new Int32Array(blockSize + 1);
  const ids = new Map(tokenizer.uchars.map((ch, i) => [ch, i]));
  const start = performance.now();
  for (let step = 0; step < numSteps; step++) {
    const n = encodeDocument(tokens, ids, tokenizer, docs[step % docs.length], blockSize);
    const loss = documentLoss(model, acts, tokens, n);
    backward(model, acts, tokens, n);
    const lrT = adamConfig.learningRate * (1 - step / numSteps); // linear learning rate decay
    adam.step(model.params, model.grads, step, lrT);
    yield { step: step + 1, numSteps, loss, learningRate: lrT, elapsedMs: performance.now() - start };
  }
}
// #endregion train
