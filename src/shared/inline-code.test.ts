import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineCode } from './inline-code.ts';

test('text with `code` in backticks comes apart into its pieces, in order; a lone or empty backtick pair is text', () => {
  assert.deepEqual(inlineCode('Scores to probabilities with `exp`.'), [
    { code: false, text: 'Scores to probabilities with ' },
    { code: true, text: 'exp' },
    { code: false, text: '.' },
  ]);
  assert.deepEqual(inlineCode('`a``b` c'), [
    { code: true, text: 'a' },
    { code: true, text: 'b' },
    { code: false, text: ' c' },
  ]);
  assert.deepEqual(inlineCode('a lone ` backtick'), [{ code: false, text: 'a lone ` backtick' }]);
  assert.deepEqual(inlineCode('an empty `` pair'), [{ code: false, text: 'an empty `` pair' }]);
  assert.deepEqual(inlineCode(''), []);
});
