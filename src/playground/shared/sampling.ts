// Sampling in the playground: microgpt's sample() continuing an optional prompt, with the random
// numbers where microgpt's would be. Training draws none, so the generator after prepare() is the
// one npm run train samples with, whatever the step: each sampling starts from a copy of it.
import { Random } from '../../../engine/src/random.ts';
import type { Tokenizer } from '../../../engine/src/tokenizer.ts';
import { Activations, gpt, type Model, softmax } from '../../../engine/fast/index.ts';

interface RandomState {
  mt: Uint32Array;
  mti: number;
  gaussNext: number | null;
}

// a generator that draws what rng would draw next, leaving rng as it is
export function cloneRandom(rng: Random): Random {
  const from = rng as unknown as RandomState;
  const copy = new Random(0);
  Object.assign(copy as unknown as RandomState, { mt: from.mt.slice(), mti: from.mti, gaussNext: from.gaussNext });
  return copy;
}

// The generator as prepare() leaves it, from what a model file keeps: seeded, then the shuffle
// (its draws depend on the number of documents only) and one gauss per weight
export function samplingRandom(seed: number | bigint, numDocs: number, numParams: number): Random {
  const rng = new Random(seed);
  rng.shuffle(new Array<number>(numDocs).fill(0));
  for (let i = 0; i < numParams; i++) rng.gauss(0, 1);
  return rng;
}

// engine/fast/sample.ts's loop after reading BOS and the prompt: with no prompt, the same draws
// and the same name as sample(). The inference chapter's continuePrompt, over the flat model.
export function continuePrompt(model: Model, tokenizer: Tokenizer, rng: Random, temperature: number, prompt = '', acts = new Activations(model)): string {
  const V = model.vocabSize;
  const tokenIds = Array.from({ length: V }, (_, i) => i);
  const weights = new Array<number>(V).fill(0);
  const invTemperature = temperature ** -1;
  const input = [tokenizer.BOS, ...tokenizer.encode(prompt)];
  if (input.length > model.config.blockSize) throw new RangeError(`the prompt is ${input.length - 1} characters; block_size ${model.config.blockSize} holds at most ${model.config.blockSize - 1}`);
  acts.reserve(input.length);
  input.forEach((tokenId, posId) => gpt(model, acts, tokenId, posId));
  let last = input.length - 1; // the position whose logits the next draw reads
  const chars = [...prompt];
  for (let posId = input.length; ; posId++) {
    for (let i = 0; i < V; i++) acts.probs[i] = acts.logits[last * V + i] * invTemperature;
    softmax(acts.probs, 0, acts.exps, last * V, acts.probs, 0, V);
    for (let i = 0; i < V; i++) weights[i] = acts.probs[i];
    const tokenId = rng.choices(tokenIds, weights)[0];
    if (tokenId === tokenizer.BOS) break;
    chars.push(tokenizer.uchars[tokenId]);
    if (posId === model.config.blockSize) break; // no position left to read it at
    acts.reserve(posId + 1);
    gpt(model, acts, tokenId, posId);
    last = posId;
  }
  return chars.join('');
}

export function drawSamples(model: Model, tokenizer: Tokenizer, start: Random, temperature: number, count: number, prompt = ''): string[] {
  const rng = cloneRandom(start);
  const acts = new Activations(model);
  return Array.from({ length: count }, () => continuePrompt(model, tokenizer, rng, temperature, prompt, acts));
}
