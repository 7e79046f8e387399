// The numbers the loss chart shows besides each step's own loss: a windowed mean, and the loss
// on held-out documents, measured as the training chapter measures it (cell held-out-loss).
import { Activations, documentLoss, encodeDocument, type Model } from '../../../engine/fast/index.ts';
import type { Tokenizer } from '../../../engine/src/tokenizer.ts';

// the live chart's window, as the training chapter's cells smooth a loss (src/page/cells/displays.ts)
export const WINDOW = 50;

// The mean of the last `window` values pushed (fewer at the start), one push at a time
export class WindowedMean {
  private readonly values: number[] = [];
  private sum = 0;
  private readonly window: number;

  constructor(window = WINDOW) {
    this.window = window;
  }

  push(value: number): number {
    this.values.push(value);
    this.sum += value;
    if (this.values.length > this.window) this.sum -= this.values[this.values.length - 1 - this.window];
    return this.sum / Math.min(this.values.length, this.window);
  }
}

// The loss per token over some documents with the weights as they are: every predicted token of
// every document counts once (a document's loss is its mean over its n tokens, so weigh it by n).
// Nothing is trained and no random number drawn, so a run measured this way trains as it would unmeasured.
export class HeldOutLoss {
  private readonly acts: Activations;
  private readonly tokens: Int32Array;
  private readonly ids: Map<string, number>;
  private readonly model: Model;
  private readonly tokenizer: Tokenizer;
  private readonly docs: readonly string[];

  constructor(model: Model, tokenizer: Tokenizer, docs: readonly string[]) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.docs = docs;
    this.acts = new Activations(model);
    this.tokens = new Int32Array(model.config.blockSize + 1);
    this.ids = new Map(tokenizer.uchars.map((ch, i) => [ch, i]));
  }

  // yields after each document, so that a long measurement can be spread over several tasks
  *measure(): Generator<void, number> {
    let total = 0;
    let count = 0;
    for (const doc of this.docs) {
      const n = encodeDocument(this.tokens, this.ids, this.tokenizer, doc, this.model.config.blockSize);
      total += documentLoss(this.model, this.acts, this.tokens, n) * n;
      count += n;
      yield;
    }
    return total / count;
  }
}

// the first step (1-based) whose document is a held-out one: training reads docs[step % n], so from
// there on the held-out loss measures documents the model has read; null if the run never gets there
export function heldOutReadFrom(numDocs: number, heldOut: number, steps: number): number | null {
  if (heldOut === 0) return null;
  const first = numDocs - heldOut + 1;
  return first <= steps ? first : null;
}
