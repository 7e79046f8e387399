import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createModel } from '../../../engine/fast/index.ts';
import { Random } from '../../../engine/src/random.ts';
import { defaultRunOptions } from '../../../engine/src/microgpt.ts';
import { checkAgainstData, cliFlags, defaults, MAX_PARAMS, parameterCount, parseSettings } from './settings.ts';

const messages = (raw: Parameters<typeof parseSettings>[0]) => parseSettings(raw).errors.map((e) => `${e.key}: ${e.message}`);

test('no strings at all is microgpt.py’s own run', () => {
  const { settings } = parseSettings({});
  assert.deepEqual(settings, defaults);
  assert.equal(defaults.seed, defaultRunOptions.seed);
  assert.equal(defaults.steps, defaultRunOptions.numSteps);
  assert.deepEqual(cliFlags(defaults), { flags: ['--engine', 'fast'], unsupported: [] });
});

test('the parameter count is the engine’s, for shapes of every kind', () => {
  for (const [nLayer, nEmbd, nHead, blockSize, vocab] of [
    [1, 16, 4, 16, 28],
    [0, 3, 1, 1, 2],
    [3, 8, 2, 20, 28],
    [2, 24, 6, 40, 91],
  ]) {
    const model = createModel(new Random(1), vocab, { nLayer, nEmbd, nHead, blockSize, initStd: 0.08 });
    assert.equal(parameterCount({ nLayer, nEmbd, blockSize }, vocab), model.params.length, `${nLayer}×${nEmbd}`);
  }
});

test('each bad value gets a message naming its field, and the good ones are not reported', () => {
  assert.deepEqual(messages({ nLayer: '2.5', nEmbd: '', steps: '-1', learningRate: '0', seed: '4x', temperature: 'warm' }), [
    'nLayer: n_layer must be a whole number, got "2.5"',
    'nEmbd: n_embd is empty; it needs a number',
    'steps: steps must be between 0 and 100000, got -1',
    'learningRate: learning rate must be above 0 and at most 1, got 0',
    'seed: seed must be a whole number, got "4x"',
    'temperature: temperature must be a number, got "warm"',
  ]);
});

test('shapes the engine cannot build are refused: heads that do not divide the width, a prompt past the context', () => {
  assert.deepEqual(messages({ nEmbd: '10', nHead: '4' }), ['nHead: n_embd (10) must be divisible by n_head (4): each head takes an equal slice of the embedding']);
  assert.deepEqual(messages({ nEmbd: '16', nHead: '32' }), ['nHead: n_embd (16) must be divisible by n_head (32): each head takes an equal slice of the embedding']);
  assert.deepEqual(messages({ blockSize: '4', prompt: 'abcd' }), ['prompt: the prompt has 4 characters; block_size 4 holds BOS and at most 3']);
  assert.deepEqual(messages({ blockSize: '4', prompt: 'abc' }), []);
});

test('what depends on the data: the size of the model, the prompt’s characters', () => {
  const names = [...'abcdefghijklmnopqrstuvwxyz'];
  const { settings } = parseSettings({ nLayer: '8', nEmbd: '256', nHead: '4', prompt: 'maé' });
  const errors = checkAgainstData(settings!, names).map((e) => e.key);
  assert.deepEqual(errors, ['nEmbd', 'prompt']);
  assert.ok(parameterCount(settings!, 27) > MAX_PARAMS);
  assert.match(checkAgainstData(settings!, names)[1].message, /"é", not in the data's vocabulary/);
});

test('a seed past 2^53 stays exact, as a bigint', () => {
  const { settings } = parseSettings({ seed: '123456789012345678901234567890' });
  assert.equal(settings!.seed, 123456789012345678901234567890n);
  assert.deepEqual(cliFlags(settings!).flags, ['--engine', 'fast', '--seed', '123456789012345678901234567890']);
});

test('the CLI’s flags for a configuration, and what it has no flag for', () => {
  const { settings } = parseSettings({ steps: '300', nEmbd: '8', nHead: '2', learningRate: '0.02', prompt: 'ma' });
  assert.deepEqual(cliFlags(settings!), { flags: ['--engine', 'fast', '--steps', '300', '--n-embd', '8', '--n-head', '2'], unsupported: ['learningRate', 'prompt'] });
});
