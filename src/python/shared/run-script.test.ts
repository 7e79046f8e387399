// The runner's pure parts, on stand-in text: the step count's one textual change, output read with
// "\r" as a line end, and two outputs paired line by line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outputLines, pairLines, withSteps } from './run-script.ts';

const standIn = ['first = 1', 'num_steps = 1000 # how long', 'for step in range(num_steps): pass'].join('\n');

test('the step count is changed on its line only, and the change is reported', () => {
  const change = withSteps(standIn, 2, 1000, 20);
  assert.deepEqual(change, { script: standIn.replace('= 1000', '= 20'), line: 2, before: 'num_steps = 1000 # how long', after: 'num_steps = 20 # how long' });
});

test('a file whose line does not set the expected count is refused, as is a count that is not a whole number from 1', () => {
  assert.throws(() => withSteps(standIn, 1, 1000, 20), /line 1 does not set num_steps = 1000/);
  assert.throws(() => withSteps(standIn.replace('1000', '500'), 2, 1000, 20), /line 2 does not set num_steps = 1000/);
  assert.throws(() => withSteps(standIn, 2, 1000, 0), /whole number from 1/);
  assert.throws(() => withSteps(standIn, 2, 1000, 2.5), /whole number from 1/);
});

test("microgpt.py's output: each step ends in \\r, then the inference header starts with \\n", () => {
  const printed = 'num docs: 3\nstep    1 /    2 | loss 3.0\rstep    2 /    2 | loss 2.0\r\n--- inference ---\nsample  1: ab\n';
  assert.deepEqual(outputLines(printed), ['num docs: 3', 'step    1 /    2 | loss 3.0', 'step    2 /    2 | loss 2.0', '', '--- inference ---', 'sample  1: ab']);
  assert.deepEqual(outputLines('a\n\nb\n'), ['a', '', 'b']);
  assert.deepEqual(outputLines('a'), ['a']);
  assert.deepEqual(outputLines(''), []);
});

test('two outputs are paired line by line; a changed, a missing or an extra line is a difference', () => {
  assert.deepEqual(pairLines(['a', 'b'], ['a', 'b']).differing, []);
  const { rows, differing } = pairLines(['a', 'x', 'c'], ['a', 'b']);
  assert.deepEqual(differing, [2, 3]);
  assert.deepEqual(rows[2], { number: 3, python: 'c', engine: null, same: false });
});
