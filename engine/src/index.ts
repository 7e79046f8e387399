// @microgpt/engine: microgpt.py in TypeScript, one module per component.
export { Random } from './random.ts';
export { exp, log, sin, cos } from './libm.ts';
export { strip, parseDocs, decodeText, loadDocs, defaultDatasetText, compareCodePoints, DatasetError } from './dataset.ts';
export { Tokenizer } from './tokenizer.ts';
export { Value, sum } from './value.ts';
export {
  type ModelConfig,
  type Matrix,
  type StateDict,
  type Model,
  type KVCache,
  defaultConfig,
  matrix,
  createModel,
  linear,
  softmax,
  rmsnorm,
  emptyCache,
  gpt,
} from './model.ts';
export { Adam, type AdamConfig, defaultAdamConfig } from './adam.ts';
export { documentLoss, train, type TrainOptions, type TrainStep } from './train.ts';
export { sample } from './sample.ts';
export { formatStep, formatSample, formatFixed, inferenceHeader } from './format.ts';
export { prepare, run, type Prepared, type RunOptions, defaultRunOptions } from './microgpt.ts';
