// What a sealed run hands the code under test, run as the graders run it (a worker thread each):
// a check of a name the code does not define, or defines as the wrong kind, fails and says so; an
// export that hands out a withheld one is withheld too, and says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSealedThread } from '../build/grading/run-sealed.ts';
import type { SealedInput } from './sealed.ts';

const base: SealedInput = {
  setup: "import { Value } from '@microgpt/engine';",
  code: '',
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('twice [1, 2]', () => expectEqual(twice([1, 2]), [2, 4]));\ncheck('twice [] throws', () => { let threw = false; try { twice(null as any); } catch { threw = true; } expectEqual(threw, true); });",
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

test('an export whose result holds a withheld class is withheld too, and says why', async () => {
  const code = "import { prepare } from '@microgpt/engine';\nconst t = prepare(['ab']).tokenizer;\nfunction twice(xs: number[]): number[] {\n  return xs.map((x) => 2 * x);\n}";
  const r = await run({ code, withhold: ['Tokenizer'] });
  assert.deepEqual(r.error, { name: 'ReferenceError', message: "the engine's prepare is not available in this exercise: what it returns holds Tokenizer, which this exercise withholds", line: 2 });
  assert.equal((await run({ code })).passed, true);
});
