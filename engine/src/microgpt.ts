// #region prepare
// The whole of microgpt.py in order: seed, shuffle the documents, build the tokenizer, initialise
// the model, train, sample. The CLI prints these lines; a page can show them one at a time.
import { formatSample, formatStep, inferenceHeader } from './format.ts';
import { createModel, defaultConfig, type Model, type ModelConfig } from './model.ts';
import { Random } from './random.ts';
import { sample } from './sample.ts';
import { Tokenizer } from './tokenizer.ts';
import { train } from './train.ts';

export interface RunOptions {
  seed: number | bigint;
  numSteps: number;
  temperature: number;
  numSamples: number;
  config: ModelConfig;
}

export const defaultRunOptions: RunOptions = { seed: 42, numSteps: 1000, temperature: 0.5, numSamples: 20, config: defaultConfig };

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
  for (let i = 0; i < numSamples; i++) yield formatSample(i + 1, sample(model, tokenizer, rng, temperature));
}
// #endregion run
