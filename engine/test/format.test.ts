import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFixed, formatSample, formatStep } from '../src/format.ts';
import { fixtureJson } from './helpers.ts';

// [repr(x), digits, f"{x:.{digits}f}"] computed by CPython (fixtures/make_python_fixtures.py)
const { format } = fixtureJson('python.json');

test("formatFixed matches Python's f-string formatting, ties to even included", () => {
  for (const [repr, digits, want] of format as [string, number, string][]) {
    const x = repr === 'nan' ? NaN : repr === 'inf' ? Infinity : repr === '-inf' ? -Infinity : Number(repr);
    assert.equal(formatFixed(x, digits), want, `f"{${repr}:.${digits}f}"`);
  }
});

test("the step and sample lines are microgpt.py's", () => {
  assert.equal(formatStep(1, 1000, 3.461323030236502), 'step    1 / 1000 | loss 3.4613');
  assert.equal(formatStep(12345, 20000, 2), 'step 12345 / 20000 | loss 2.0000');
  assert.equal(formatSample(3, 'ana'), 'sample  3: ana');
  assert.equal(formatSample(100, ''), 'sample 100: ');
});
