// #region sample
// Inference: start from BOS and let the model pick one character at a time, until it picks BOS
// again or runs out of context.
import { emptyCache, gpt, type Model, softmax } from './model.ts';
import type { Random } from './random.ts';
import type { Tokenizer } from './tokenizer.ts';

// temperature in (0, 1] controls the "creativity" of generated text, from low to high
export function sample(model: Model, tokenizer: Tokenizer, rng: Random, temperature: number): string {
  const keys = emptyCache(model);
  const values = emptyCache(model);
  const tokenIds = Array.from({ length: tokenizer.vocabSize }, (_, i) => i);
  let tokenId = tokenizer.BOS;
  const chars: string[] = [];
  for (let posId = 0; posId < model.config.blockSize; posId++) {
    const logits = gpt(model, tokenId, posId, keys, values);
    const probs = softmax(logits.map((l) => l.div(temperature)));
    tokenId = rng.choices(tokenIds, probs.map((p) => p.data))[0];
    if (tokenId === tokenizer.BOS) break;
    chars.push(tokenizer.uchars[tokenId]);
  }
  return chars.join('');
}
// #endregion sample
