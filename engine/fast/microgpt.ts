// #region prepare
// The whole of microgpt.py with the fast engine: the teaching engine's own prepare and run
// (engine/src/microgpt.ts), given the fast model, training loop and sampler, so the seed, shuffle,
// vocabulary, weights and printed lines are the same by construction.
import * as teaching from '../src/microgpt.ts';
import { defaultConfig, type ModelConfig } from '../src/model.ts';
import { Activations, createModel, type Model } from './model.ts';
import { sample } from './sample.ts';
import { train } from './train.ts';

// one set of activations for every sample, as the fast engine keeps its buffers
export const fastEngine: teaching.Engine<Model> = {
  createModel,
  train,
  sampler: (model) => {
    const acts = new Activations(model);
    return (tokenizer, rng, temperature) => sample(model, tokenizer, rng, temperature, acts);
  },
};

export type Prepared = teaching.Prepared<Model>;

export const prepare = (documents: readonly string[], seed: number | bigint = 42, config: ModelConfig = defaultConfig): Prepared => teaching.prepareWith(fastEngine, documents, seed, config);
// #endregion prepare

// #region run
// every line microgpt.py prints, in order
export const run = (documents: readonly string[], options: Partial<teaching.RunOptions> = {}): Generator<string> => teaching.runWith(fastEngine, documents, options);
// #endregion run
