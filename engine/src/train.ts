// #region loss
// Training: for each step, take one document, measure how surprised the model is by each next
// character (the loss), backpropagate, and let Adam nudge every weight.
import { Adam, type AdamConfig, defaultAdamConfig } from './adam.ts';
import { emptyCache, gpt, type Model, softmax } from './model.ts';
import type { Tokenizer } from './tokenizer.ts';
import { type Value, sum } from './value.ts';

// The average cross-entropy of predicting each next token of one document, BOS on both sides
export function documentLoss(model: Model, tokenizer: Tokenizer, doc: string): Value {
  const tokens = [tokenizer.BOS, ...tokenizer.encode(doc), tokenizer.BOS];
  const n = Math.min(model.config.blockSize, tokens.length - 1);
  const keys = emptyCache(model);
  const values = emptyCache(model);
  const losses: Value[] = [];
  for (let posId = 0; posId < n; posId++) {
    const [tokenId, targetId] = [tokens[posId], tokens[posId + 1]];
    const logits = gpt(model, tokenId, posId, keys, values);
    const probs = softmax(logits);
    const lossT = probs[targetId].log().neg();
    losses.push(lossT);
  }
  return sum(losses).rmul(1 / n); // final average loss over the document sequence
}
// #endregion loss

// #region train
export interface TrainOptions {
  numSteps: number;
  adam?: AdamConfig;
}

export interface TrainStep {
  step: number; // 1-based, as printed
  numSteps: number;
  loss: number;
  learningRate: number;
  elapsedMs: number; // since training started
}

// Trains one step per iteration and hands it back, so a caller can show progress or stop between steps.
export function* train(model: Model, tokenizer: Tokenizer, docs: readonly string[], options: TrainOptions): Generator<TrainStep> {
  const { numSteps } = options;
  const adamConfig = options.adam ?? defaultAdamConfig;
  const adam = new Adam(model.params, adamConfig);
  const start = performance.now();
  for (let step = 0; step < numSteps; step++) {
    const doc = docs[step % docs.length];
    const loss = documentLoss(model, tokenizer, doc);
    loss.backward();
    const lrT = adamConfig.learningRate * (1 - step / numSteps); // linear learning rate decay
    adam.step(step, lrT);
    yield { step: step + 1, numSteps, loss: loss.data, learningRate: lrT, elapsedMs: performance.now() - start };
  }
}
// #endregion train
