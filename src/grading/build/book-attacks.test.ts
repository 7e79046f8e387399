// Every exercise of the book, attacked as book-attacks.ts describes, each attack run sealed in a
// thread of its own as the graders run it: an answer that leans on the engine fails, and an answer
// hard-coded to the visible checks passes them but fails the grading checks drawn from a seed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sealedInput } from '../shared/sealed-input.ts';
import { limit } from '../../shared/limit.ts';
import { loadBook } from '../../book/build/book.ts';
import type { Exercise } from '../../exercises/build/read.ts';
import { bookAttacks, hardcodedCode } from './book-attacks.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';

const exercises = loadBook().flatMap((c) => c.exercises);
const key = (ex: Exercise) => `${ex.chapter}/${ex.id}`;
const slot = limit(2);
const run = (ex: Exercise, code: string, seed: string | null, withhold = ex.withhold) => slot(() => runSealedThread({ ...sealedInput(ex, code, seed), withhold }, ex.timeoutMs));
const failing = (checks: { name: string; passed: boolean }[]) => checks.filter((c) => !c.passed).map((c) => c.name);

test('every exercise has a grading block and its attacks written down', () => {
  for (const ex of exercises) {
    assert.notEqual(ex.grading, '', `${key(ex)} has no \`\`\`ts grading block: without one, an answer hard-coded to the visible checks earns full marks`);
    assert.ok(bookAttacks[key(ex)], `${key(ex)} has no entry in src/grading/build/book-attacks.ts: write how a student would cheat it`);
  }
  assert.deepEqual(
    Object.keys(bookAttacks).filter((k) => !exercises.some((ex) => key(ex) === k)),
    [],
    'attacks on exercises the book no longer has',
  );
});

test('an answer that leans on the engine fails; those that would pass without the withholding are real attacks', async () => {
  await Promise.all(
    exercises.flatMap((ex) =>
      (bookAttacks[key(ex)]?.engine ?? []).map(async (attack) => {
        if (attack.realWithoutWithhold) {
          const open = await run(ex, attack.code, null, []);
          assert.ok(open.passed, `${key(ex)}: with nothing withheld this attack should pass, or it proves nothing: ${JSON.stringify(open.error ?? failing(open.checks))}\n${attack.code}`);
        }
        const sealed = await run(ex, attack.code, 'an instructor secret');
        assert.equal(sealed.passed, false, `${key(ex)}: the engine attack passed\n${attack.code}`);
      }),
    ),
  );
});

test('an answer hard-coded to the visible checks passes them and fails at grading', async () => {
  await Promise.all(
    exercises.map(async (ex) => {
      const attack = bookAttacks[key(ex)];
      if (!attack) return;
      const code = hardcodedCode(ex.solution, attack.hardcoded);
      const result = await run(ex, code, 'an instructor secret');
      assert.equal(result.error, null, `${key(ex)}: ${JSON.stringify(result.error)}`);
      assert.deepEqual(failing(result.checks), [], `${key(ex)}: the hard-coded answer should pass the visible checks`);
      assert.ok(result.hidden.length > 0 && failing(result.hidden).length > 0, `${key(ex)}: the hard-coded answer passed every grading check`);
      assert.equal(result.passed, false);
    }),
  );
});
