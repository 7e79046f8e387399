// Every exercise of the book, graded for a student whose functions walk everything reachable from
// the arguments the checks hand them (the same walk as withhold.test.ts, put into its code) and
// print any function named like a withheld export, then answer as the book does, so that every
// check calls them as it would an honest answer. What the checks hand over must not lead back to
// what the exercise withholds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withheldNames } from '../../runtime/withhold.ts';
import { type SealedExercise, sealedInput } from '../shared/sealed-input.ts';
import { limit } from '../../shared/limit.ts';
import { loadBook } from '../../book/build/book.ts';
import { reach } from './book-attacks-reach.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';

const slot = limit(2);

function walkingCode(ex: SealedExercise): string {
  let code = ex.solution;
  for (const name of ex.provides) code = code.replace(new RegExp(`\\bfunction ${name}\\b`), `function __book_${name}`);
  const wrappers = ex.provides.map((name) =>
    [
      `function ${name}(...args: any[]): any {`,
      '  reach(args, (fn) => (__withheld.includes(fn.name) && console.log(`reached ${fn.name}`), []), true, __walked);',
      `  return (__book_${name} as any)(...args);`,
      '}',
    ].join('\n'),
  );
  // one walk across calls: what an earlier call's walk went through is not walked again (each
  // function reached is met once, where it is first reached)
  const walked = 'const __walked = new Set<unknown>();';
  return [code, `const __withheld = ${JSON.stringify([...withheldNames(ex.withhold).keys()])};`, walked, reach.toString(), ...wrappers].join('\n');
}

async function reachedWithheld(ex: SealedExercise, timeoutMs: number): Promise<string[]> {
  // the walk reads every getter of every object it meets, which takes a while for a whole model
  const result = await slot(() => runSealedThread(sealedInput(ex, walkingCode(ex), 'an instructor secret'), 3 * timeoutMs));
  assert.equal(result.error, null, `${ex.chapter}/${ex.id}: ${JSON.stringify(result.error)}`);
  return [...new Set(result.output.split('\n').filter((line) => line.startsWith('reached ')))];
}

test("nothing the checks hand to the reader's functions reaches a withheld export", async () => {
  const exercises = loadBook().flatMap((c) => c.exercises);
  const found = await Promise.all(exercises.map(async (ex) => (await reachedWithheld(ex, ex.timeoutMs)).map((line) => `${ex.chapter}/${ex.id}: ${line}`)));
  assert.deepEqual(found.flat(), []);
});

test('the walk finds a withheld class behind an argument', async () => {
  const handsOutATokenizer: SealedExercise = {
    chapter: 'demo',
    id: 'leaky',
    setup: "import { Tokenizer } from '@microgpt/engine';",
    checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('vocabulary size', () => expectEqual(size({ made: new Tokenizer(['ab']) }), 3));",
    provides: ['size'],
    withhold: ['Tokenizer'],
    grading: '',
    solution: 'function size(t: { made: { vocabSize: number } }): number {\n  return t.made.vocabSize;\n}',
  };
  assert.deepEqual(await reachedWithheld(handsOutATokenizer, 5000), ['reached Tokenizer']);
});
