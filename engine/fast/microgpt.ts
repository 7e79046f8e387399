// #region prepare
// The whole of microgpt.py with the fast engine, as engine/src/microgpt.ts runs it with the
// teaching one: the same seed, shuffle, vocabulary and weights, the same printed lines.
import { formatSample, formatStep, inferenceHeader } from '../src/format.ts';
import { defaultRunOptions, type RunOptions } from '../src/microgpt.ts';
import { defaultConfig, type ModelConfig } from '../src/model.ts';
import { Random } from '../src/random.ts';
import { Tokenizer } from '../src/tokenizer.ts';
import { Activations, createModel, type Model } from './model.ts';
import { sample } from './sample.ts';
import { train } from './train.ts';

export interface Prepared {
  rng: Random;
  docs: string[]; // shuffled
  tokenizer: Tokenizer;
  model: Model;
}

// random.seed, random.shuffle(docs), the vocabulary, then the weights, in microgpt.py's order
export function prepare(documents: readonly string[], seed: number | bigint = 42, config: ModelConfig = defaultConfig): Prepared {
  const rng = new Random(seed);
  const docs = [...documents];
  rng.shuffle(docs);
  const tokenizer = new Tokenizer(docs);
  const model = createModel(rng, tokenizer.vocabSize, config);
  return { rng, docs, tokenizer, model };
}
// #endregion prepare

// #region run
// every line microgpt.py prints, in order
export function* run(documents: readonly string[], options: Partial<RunOptions> = {}): Generator<string> {
  const { seed, numSteps, temperature, numSamples, config } = { ...defaultRunOptions, ...options };
  const { rng, docs, tokenizer, model } = prepare(documents, seed, config);
  yield `num docs: ${docs.length}`;
  yield `vocab size: ${tokenizer.vocabSize}`;
  yield `num params: ${model.params.length}`;
  for (const { step, loss } of train(model, tokenizer, docs, { numSteps })) yield formatStep(step, numSteps, loss);
  yield '';
  yield inferenceHeader;
  const acts = new Activations(model);
  for (let i = 0; i < numSamples; i++) yield formatSample(i + 1, sample(model, tokenizer, rng, temperature, acts));
}
// #endregion run
