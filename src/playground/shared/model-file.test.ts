// A model file is whatever the reader loads: every way one can be wrong gets a message, and none
// makes the page allocate what the file claims before the claim is checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createModel } from '../../../engine/fast/index.ts';
import { Random } from '../../../engine/src/random.ts';
import { toBase64Url } from './base64.ts';
import { decodeModelFile, encodeModelFile, type ModelFile } from './model-file.ts';

const config = { nLayer: 1, nEmbd: 4, nHead: 2, blockSize: 3, initStd: 0.08 };
const vocabulary = ['a', 'b', 'c'];
const good: ModelFile = {
  config,
  vocabulary,
  seed: 42,
  numDocs: 5,
  step: 10,
  steps: 10,
  learningRate: 0.01,
  data: 'three letters',
  params: createModel(new Random(3), 4, config).params,
};
const json = () => JSON.parse(encodeModelFile(good)) as Record<string, unknown>;
const refused = (o: unknown) => () => decodeModelFile(typeof o === 'string' ? o : JSON.stringify(o), 'model.json');

test('a file round-trips every weight to the bit, and a seed past 2^53 exactly', () => {
  const back = decodeModelFile(encodeModelFile(good));
  assert.deepEqual(back, good);
  assert.equal(decodeModelFile(encodeModelFile({ ...good, seed: 2n ** 70n })).seed, 2n ** 70n);
});

test('attack: weights that do not fit the shape, or are not numbers, are refused', () => {
  const short = { ...json(), params: toBase64Url(new Uint8Array(8 * (good.params.length - 1))) };
  assert.throws(refused(short), { name: 'ModelFileError', message: `model.json is not a playground model file: it holds ${good.params.length - 1} weights where its shape has ${good.params.length}` });
  const bytes = new Uint8Array(8 * good.params.length);
  new DataView(bytes.buffer).setFloat64(8 * 7, NaN, true);
  assert.throws(refused({ ...json(), params: toBase64Url(bytes) }), { message: /weight 7 is NaN, not a finite number/ });
});

test('attack: a shape past the playground’s limits is refused before anything is allocated for it', () => {
  assert.throws(refused({ ...json(), config: { ...config, nEmbd: 1_000_000 } }), { message: /nEmbd must be a whole number from 1 to 256/ });
  const wide = { ...json(), config: { ...config, nLayer: 8, nEmbd: 256, nHead: 4 }, vocabulary: Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i)) };
  assert.throws(refused(wide), { message: /would have 6,(\d{3}),(\d{3}) parameters, more than the playground's 2,000,000/ });
  assert.throws(refused({ ...json(), config: { ...config, nEmbd: 6, nHead: 4 } }), { message: /nEmbd \(6\) is not divisible by nHead \(4\)/ });
  assert.throws(refused('x'.repeat(30_000_000)), { message: /it is over \d+ MB/ });
});

test('attack: not our file at all, or a vocabulary the tokenizer could not have made', () => {
  assert.throws(refused('{"format":'), { message: 'model.json is not a playground model file: it is not JSON' });
  assert.throws(refused([1, 2]), { message: /it is not a JSON object/ });
  assert.throws(refused({ ...json(), format: 'other' }), { message: /its format is not "annotated-microgpt-model"/ });
  assert.throws(refused({ ...json(), version: 2 }), { message: /it is version 2; this page reads version 1/ });
  assert.throws(refused({ ...json(), vocabulary: ['b', 'a', 'c'] }), { message: /not distinct characters in code-point order/ });
  assert.throws(refused({ ...json(), vocabulary: ['a', 'a', 'c'] }), { message: /not distinct characters in code-point order/ });
  assert.throws(refused({ ...json(), vocabulary: ['ab', 'c', 'd'] }), { message: /not a list of single characters/ });
  assert.throws(refused({ ...json(), seed: 42 }), { message: /its seed is not a whole number/ });
  assert.throws(refused({ ...json(), step: 11 }), { message: /step must be a whole number from 0 to 10/ });
  assert.throws(refused({ ...json(), params: 'a+b/' }), { message: /its params are not base64url/ });
});
