// @microgpt/engine/fast: the same microgpt over flat Float64Arrays, byte-identical to the teaching
// engine (engine/src) and about twenty times faster. Dataset, tokenizer, random numbers and printed
// lines are the teaching engine's own.
export { exp, log } from './libm.ts';
export { type Model, type LayerWeights, type ModelConfig, Activations, createModel, linear, softmax, rmsnorm, gpt, attnAt } from './model.ts';
export { backward } from './backward.ts';
export { Adam } from './adam.ts';
export { encodeDocument, documentLoss, train, type TrainOptions, type TrainStep } from './train.ts';
export { sample } from './sample.ts';
export { prepare, run, type Prepared } from './microgpt.ts';
