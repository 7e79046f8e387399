// #region prepare
// The whole of microgpt.py in order: seed, shuffle the documents, build the tokenizer, initialise
// the model, train, sample. The CLI prints these lines; a page can show them one at a time.
// The fast engine (engine/fast/microgpt.ts) runs this same program with its own model, training
// loop and sampler, so the two cannot drift apart.
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

// what a run needs of an engine: how it draws the weights, its training loop, and a sampler for a model
export interface Engine<M extends { params: ArrayLike<unknown> }> {
  createModel: (rng: Random, vocabSize: number, config: ModelConfig) => M;
  train: (model: M, tokenizer: Tokenizer, docs: readonly string[], options: { numSteps: number }) => Iterable<{ step: number; loss: number }>;
  sampler: (model: M) => (tokenizer: Tokenizer, rng: Random, temperature: number) => string;
}

export const teachingEngine: Engine<Model> = { createModel, train, sampler: (model) => (tokenizer, rng, temperature) => sample(model, tokenizer, rng, temperature) };

export interface Prepared<M = Model> {
  rng: Random;
  docs: string[]; // shuffled
  tokenizer: Tokenizer;
  model: M;
}

// random.seed, random.shuffle(docs), the vocabulary, then the weights, in microgpt.py's order
export function prepareWith<M extends { params: ArrayLike<unknown> }>(engine: Engine<M>, documents: readonly string[], seed: number | bigint, config: ModelConfig): Prepared<M> {
  const rng = new Random(seed);
  const docs = [...documents];
  rng.shuffle(docs);
  const tokenizer = new Tokenizer(docs);
  const model = engine.createModel(rng, tokenizer.vocabSize, config);
  return { rng, docs, tokenizer, model };
}

// with the teaching engine; the fast one's is in engine/fast/microgpt.ts. Neither takes an engine
// from its caller: an exercise's code that gets prepare or run must not get a way to the Random and
// Tokenizer they make (src/runtime/withhold.ts)
export const prepare = (documents: readonly string[], seed: number | bigint = 42, config: ModelConfig = defaultConfig): Prepared => prepareWith(teachingEngine, documents, seed, config);
// #endregion prepare

// #region run
// every line microgpt.py prints, in order
export function* runWith<M extends { params: ArrayLike<unknown> }>(engine: Engine<M>, documents: readonly string[], options: Partial<RunOptions> = {}): Generator<string> {
  const { seed, numSteps, temperature, numSamples, config } = { ...defaultRunOptions, ...options };
  const { rng, docs, tokenizer, model } = prepareWith(engine, documents, seed, config);
  yield `num docs: ${docs.length}`;
  yield `vocab size: ${tokenizer.vocabSize}`;
  yield `num params: ${model.params.length}`;
  for (const { step, loss } of engine.train(model, tokenizer, docs, { numSteps })) yield formatStep(step, numSteps, loss);
  yield '';
  yield inferenceHeader;
  const draw = engine.sampler(model);
  for (let i = 0; i < numSamples; i++) yield formatSample(i + 1, draw(tokenizer, rng, temperature));
}

export const run = (documents: readonly string[], options: Partial<RunOptions> = {}): Generator<string> => runWith(teachingEngine, documents, options);
// #endregion run
