// What a sealed run hands the code under test, run as the graders run it (a worker thread each):
// a check of a name the code does not define, or defines as the wrong kind, fails and says so; a
// function gets frozen copies of its inputs, so changing them reaches neither the check nor the
// book's solution; asIs() hands over what the function is to change; an export that hands out a
// withheld one is withheld too, and says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSealedThread } from './build/run-sealed.ts';
import type { SealedInput } from './sealed.ts';

const base: SealedInput = {
  setup: "import { Value } from '@microgpt/engine';",
  code: '',
  checks:
    "import { check, expectEqual } from '@microgpt/check';\ncheck('twice [1, 2]', () => expectEqual(twice([1, 2]), [2, 4]));\ncheck('twice [] throws', () => { let threw = false; try { twice(null as any); } catch { threw = true; } expectEqual(threw, true); });",
  provides: ['twice'],
  withhold: [],
  solution: 'function twice(xs: number[]): number[] {\n  return xs.map((x) => 2 * x);\n}',
};
const run = (input: Partial<SealedInput>) => runSealedThread({ ...base, ...input }, 5000);
const messages = (r: Awaited<ReturnType<typeof run>>) => [...r.checks, ...r.hidden].map((c) => (c.passed ? 'passed' : c.message));

test('no check counts when the code does not define what the checks call, or not as a function', async () => {
  const none = await run({ code: '// later' });
  assert.deepEqual(messages(none), Array(2).fill('not run: your code does not define the function twice'));
  const number = await run({ code: 'const twice = 2;' });
  assert.deepEqual(messages(number), Array(2).fill('not run: twice should be a function, and your code makes it a number'));
  // with no solution to say what kind it is, it must at least be defined
  assert.deepEqual(messages(await run({ code: '', solution: undefined })), Array(2).fill('not run: your code does not define twice'));
  assert.deepEqual(messages(await run({ code: base.solution! })), ['passed', 'passed']);
});

test("a function gets frozen copies of its inputs: changing them reaches neither the check nor the book's solution", async () => {
  const checks = [
    "import { check, expectEqual, grading } from '@microgpt/check';",
    'const xs = [1, 2];',
    "check('the book sees the inputs the check drew', () => { const mine = twice(xs); expectEqual(mine, grading.reference.twice(xs)); });",
    "check('the check keeps its inputs', () => expectEqual(xs, [1, 2]));",
    "check('a Value goes over as a leaf with its data', () => { const v = new Value(3).mul(2); expectEqual(first([v]), 6); expectEqual(v.data, 6); });",
  ].join('\n');
  const solution = `${base.solution}\nfunction first(vs: Value[]): number {\n  return vs[0].data;\n}`;
  const spoiler =
    'function twice(xs: number[]): number[] {\n  try { xs.length = 0; } catch {}\n  return [];\n}\nfunction first(vs: Value[]): number {\n  const d = vs[0].data;\n  vs[0].data = 0;\n  return vs[0].children.length === 0 ? d : -1;\n}';
  const r = await run({ checks: '', grading: checks, provides: ['twice', 'first'], solution, seed: 's', code: spoiler });
  assert.deepEqual(messages(r), ['expected [ 2, 4 ], got []', 'passed', 'passed']);
  const sorter = await run({ code: 'function twice(xs: number[]): number[] {\n  return xs.sort().map((x) => 2 * x);\n}' });
  assert.match(
    sorter.checks[0].message!,
    /^TypeError: Cannot assign to read only property .* \(the checks hand twice a frozen copy of its inputs: make new arrays and objects rather than changing those\)$/,
  );
});

test('asIs hands over what the function is asked to change; never one object to both sides', async () => {
  const shuffle = 'function reverse(xs: number[]): void {\n  xs.reverse();\n}';
  const checks = "import { asIs, check, expectEqual } from '@microgpt/check';\ncheck('reversed in place', () => { const xs = [1, 2, 3]; reverse(asIs(xs)); expectEqual(xs, [3, 2, 1]); });";
  const copied = checks.replace('reverse(asIs(xs))', 'reverse(xs)');
  assert.deepEqual(messages(await run({ code: shuffle, checks, provides: ['reverse'], solution: shuffle })), ['passed']);
  assert.match(messages(await run({ code: shuffle, checks: copied, provides: ['reverse'], solution: shuffle }))[0]!, /frozen copy/);
  const both = "import { asIs, check, grading } from '@microgpt/check';\ncheck('both', () => { const xs = asIs([1, 2]); reverse(xs); grading.reference.reverse(xs); });";
  const r = await run({ code: shuffle, checks: '', grading: both, provides: ['reverse'], solution: shuffle, seed: 's' });
  assert.deepEqual(messages(r), ["Error: a check handed the same object as is to the reader's function and to the book's: build one for each"]);
});

test('an export whose result holds a withheld class is withheld too, and says why', async () => {
  const code = "import { prepare } from '@microgpt/engine';\nconst t = prepare(['ab']).tokenizer;\nfunction twice(xs: number[]): number[] {\n  return xs.map((x) => 2 * x);\n}";
  const r = await run({ code, withhold: ['Tokenizer'] });
  assert.deepEqual(r.error, { name: 'ReferenceError', message: "the engine's prepare is not available in this exercise: what it returns holds Tokenizer, which this exercise withholds", line: 2 });
  assert.equal((await run({ code })).passed, true);
});

test('an exercise runs the reader code, then its checks in order, each with its own verdict', async () => {
  const checks = [
    "import { check, expectEqual, expectClose } from '@microgpt/check';",
    "check('double(2) is 4', () => expectEqual(double(2), 4));",
    "check('double(0.1) is 0.2', () => expectClose(double(0.1), 0.2));",
    "check('double(-3) is -6', () => expectEqual(double(-3), -6, 'double(-3)'));",
  ].join('\n');
  const exercise = (code: string) => run({ setup: '', code, checks, provides: ['double'], solution: undefined });
  const right = await exercise('function double(x: number) { return 2 * x; }');
  assert.deepEqual([right.passed, right.checks.map((c) => c.passed)], [true, [true, true, true]]);
  const wrong = await exercise('function double(x: number) { return x > 0 ? 2 * x : x; }');
  assert.equal(wrong.passed, false);
  assert.deepEqual(
    wrong.checks.map((c) => c.message),
    [null, null, 'double(-3): expected -6, got -3'],
  );
  const thrown = await exercise('function double(x: number): number { throw new RangeError("no"); }');
  assert.deepEqual(thrown.checks[0], { name: 'double(2) is 4', passed: false, message: 'RangeError: no' });
  const broken = await exercise('const x = ;');
  assert.deepEqual([broken.passed, broken.error?.name, broken.error?.line], [false, 'SyntaxError', 1]);
  assert.ok(broken.checks.length === 3 && broken.checks.every((c) => !c.passed && c.message!.startsWith('not run: the code stopped with SyntaxError')));
});

test('the code under test cannot swap the checks for stubs, nor pass with no checks', async () => {
  const checks = "import { check, expectEqual } from '@microgpt/check';\ncheck('answer is 42', () => expectEqual(answer, 42));";
  const cheat = "const answer = 0;\ntry {\n  const api = require('@microgpt/check');\n  api.check = () => {};\n  api.expectEqual = () => {};\n} catch {}";
  const r = await run({ setup: '', code: cheat, checks, provides: ['answer'], solution: undefined });
  assert.deepEqual([r.passed, r.checks[0]?.message], [false, 'expected 42, got 0']);
  const none = await run({ setup: '', code: 'const answer = 42;', checks: '', provides: ['answer'], solution: undefined });
  assert.equal(none.passed, false, 'no checks is not a pass');
});
