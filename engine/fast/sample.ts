// #region sample
// Inference with the fast engine: engine/src/sample.ts's loop, the same random draws.
import type { Random } from '../src/random.ts';
import type { Tokenizer } from '../src/tokenizer.ts';
import { Activations, gpt, type Model, softmax } from './model.ts';

// temperature in (0, 1] controls the "creativity" of generated text, from low to high. acts holds
// the KV cache; pass one to reuse its buffers from sample to sample.
export function sample(model: Model, tokenizer: Tokenizer, rng: Random, temperature: number, acts: Activations = new Activations(model)): string {
  const V = model.vocabSize;
  const tokenIds = Array.from({ length: V }, (_, i) => i);
  const weights = new Array<number>(V).fill(0); // random.choices wants a plain array
  const invTemperature = temperature ** -1; // l.div(temperature) multiplies by temperature ** -1
  let tokenId = tokenizer.BOS;
  const chars: string[] = [];
  for (let posId = 0; posId < model.config.blockSize; posId++) {
    acts.reserve(posId + 1);
    gpt(model, acts, tokenId, posId);
    // the scaled logits go into probs, which softmax then overwrites with the probabilities
    for (let i = 0; i < V; i++) acts.probs[i] = acts.logits[posId * V + i] * invTemperature;
    softmax(acts.probs, 0, acts.exps, posId * V, acts.probs, 0, V);
    for (let i = 0; i < V; i++) weights[i] = acts.probs[i];
    tokenId = rng.choices(tokenIds, weights)[0];
    if (tokenId === tokenizer.BOS) break;
    chars.push(tokenizer.uchars[tokenId]);
  }
  return chars.join('');
}
// #endregion sample
