// A trained model as a file: the shape, the vocabulary, every weight to the last bit, and what
// the sampling generator needs to start where the run's did (seed, number of documents). Loading
// one checks everything it holds, since a file can be anything, and says what is wrong.
import { type ModelConfig, defaultConfig } from '../../../engine/src/model.ts';
import { Random } from '../../../engine/src/random.ts';
import { compareCodePoints } from '../../../engine/src/dataset.ts';
import { Tokenizer } from '../../../engine/src/tokenizer.ts';
import { createModel, type Model } from '../../../engine/fast/index.ts';
import { fromBase64Url, toBase64Url } from './base64.ts';
import { fields, MAX_PARAMS, parameterCount } from './settings.ts';

export const FORMAT = 'annotated-microgpt-model';
export const VERSION = 1;
// the largest file the page reads: the largest model's weights, in base64, with room to spare
export const MAX_FILE_BYTES = Math.ceil((MAX_PARAMS * 8 * 4) / 3) + 1_000_000;

export interface ModelFile {
  config: ModelConfig;
  vocabulary: string[]; // the tokenizer's characters, in token-id order (BOS is the next id)
  seed: number | bigint;
  numDocs: number; // documents the run shuffled, for the sampling generator
  step: number; // steps trained
  steps: number; // of a run of this many
  learningRate: number;
  data: string; // what it was trained on, in words
  params: Float64Array;
}

export class ModelFileError extends Error {
  name = 'ModelFileError';
}

export function encodeModelFile(m: ModelFile): string {
  const bytes = new Uint8Array(m.params.length * 8);
  const view = new DataView(bytes.buffer);
  m.params.forEach((w, i) => view.setFloat64(8 * i, w, true));
  const { config, vocabulary, numDocs, step, steps, learningRate, data } = m;
  return JSON.stringify({ format: FORMAT, version: VERSION, config, vocabulary, seed: String(m.seed), numDocs, step, steps, learningRate, data, params: toBase64Url(bytes) });
}

const fail = (name: string, why: string): never => {
  throw new ModelFileError(`${name} is not a playground model file: ${why}`);
};

function int(name: string, o: Record<string, unknown>, key: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(name, `${key} must be a whole number from ${min} to ${max}`);
  return v as number;
}

export function decodeModelFile(text: string, name = 'the file'): ModelFile {
  if (text.length > MAX_FILE_BYTES) fail(name, `it is over ${(MAX_FILE_BYTES / 1e6).toFixed(0)} MB, more than the largest model the playground trains`);
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text);
  } catch {
    return fail(name, 'it is not JSON');
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) fail(name, 'it is not a JSON object');
  if (o.format !== FORMAT) fail(name, `its format is not "${FORMAT}"`);
  if (o.version !== VERSION) fail(name, `it is version ${JSON.stringify(o.version)}; this page reads version ${VERSION}`);

  const c = o.config as Record<string, unknown>;
  if (typeof c !== 'object' || c === null) fail(name, 'it has no config');
  const config: ModelConfig = {
    nLayer: int(name, c, 'nLayer', fields.nLayer.min!, fields.nLayer.max!),
    nEmbd: int(name, c, 'nEmbd', fields.nEmbd.min!, fields.nEmbd.max!),
    nHead: int(name, c, 'nHead', fields.nHead.min!, fields.nHead.max!),
    blockSize: int(name, c, 'blockSize', fields.blockSize.min!, fields.blockSize.max!),
    initStd: defaultConfig.initStd,
  };
  if (config.nEmbd % config.nHead !== 0) fail(name, `nEmbd (${config.nEmbd}) is not divisible by nHead (${config.nHead})`);

  const vocabulary = o.vocabulary;
  if (!Array.isArray(vocabulary) || vocabulary.length === 0 || !vocabulary.every((ch) => typeof ch === 'string' && [...ch].length === 1))
    fail(name, 'its vocabulary is not a list of single characters');
  const sorted = [...new Set(vocabulary as string[])].sort(compareCodePoints);
  if (sorted.length !== (vocabulary as string[]).length || sorted.some((ch, i) => ch !== (vocabulary as string[])[i]))
    fail(name, 'its vocabulary is not distinct characters in code-point order, as the tokenizer makes it');

  if (typeof o.seed !== 'string' || !/^[+-]?\d{1,40}$/.test(o.seed)) fail(name, 'its seed is not a whole number');
  const big = BigInt(o.seed as string);
  const seed = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  const numDocs = int(name, o, 'numDocs', 1, 10_000_000);
  const steps = int(name, o, 'steps', fields.steps.min!, fields.steps.max!);
  const step = int(name, o, 'step', 0, steps);
  const learningRate = o.learningRate;
  if (typeof learningRate !== 'number' || !(learningRate > 0 && learningRate <= fields.learningRate.max!)) fail(name, 'its learning rate is not a number above 0 and at most 1');
  const data = typeof o.data === 'string' ? o.data.slice(0, 300) : '';

  const count = parameterCount(config, (vocabulary as string[]).length + 1);
  if (count > MAX_PARAMS) fail(name, `its model would have ${count.toLocaleString('en')} parameters, more than the playground's ${MAX_PARAMS.toLocaleString('en')}`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(typeof o.params === 'string' ? o.params : '!');
  } catch {
    return fail(name, 'its params are not base64url');
  }
  if (bytes.length !== count * 8) fail(name, `it holds ${Math.floor(bytes.length / 8)} weights where its shape has ${count}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    params[i] = view.getFloat64(8 * i, true);
    if (!Number.isFinite(params[i])) fail(name, `weight ${i} is ${params[i]}, not a finite number`);
  }
  return { config, vocabulary: vocabulary as string[], seed, numDocs, step, steps, learningRate: learningRate as number, data, params };
}

// the engine's model and tokenizer for a file's weights
export function modelOf(file: ModelFile): { model: Model; tokenizer: Tokenizer } {
  const tokenizer = new Tokenizer(file.vocabulary);
  const model = createModel(new Random(0), tokenizer.vocabSize, file.config); // its draws are overwritten
  model.params.set(file.params);
  return { model, tokenizer };
}
