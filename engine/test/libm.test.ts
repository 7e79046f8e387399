import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cos, exp, log, sin } from '../src/libm.ts';
import { fixtureJson } from './helpers.ts';

// [x, Python's math.f(x), the correctly rounded f(x)] from fixtures/make_python_fixtures.py
const { libm } = fixtureJson('python.json');
const functions = { exp, log, sin, cos };

for (const [name, f] of Object.entries(functions)) {
  test(`${name} is correctly rounded, and agrees with Python's math.${name}`, () => {
    const cases: [number, number, number][] = libm[name];
    const wrong = cases.filter(([x, , correct]) => !Object.is(f(x), correct));
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${cases.length} not correctly rounded`);
    // the C library is correctly rounded on all but a rare input; there we must differ from it
    const disagree = cases.filter(([x, python]) => f(x) !== python).length;
    const glibcMisrounded = cases.filter(([, python, correct]) => python !== correct).length;
    assert.equal(disagree, glibcMisrounded);
    assert.ok(disagree / cases.length < 0.005);
  });
}

test('log and exp fail as Python does outside their domain', () => {
  assert.throws(() => log(0), /math domain error/);
  assert.throws(() => log(-1), /math domain error/);
  assert.throws(() => exp(710), /math range error/);
  assert.equal(exp(-800), 0);
  assert.ok(Number.isNaN(log(NaN)));
});
