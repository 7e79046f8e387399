// Every exercise of the book, graded (visible checks and a seed's grading checks) for a student who
// spoils everything it can reach from its arguments and then answers as the book would on what is
// left, and for its honest twin, which spoils a copy of its inputs: the same wrong answer, with
// nothing of the check's touched. Spoiling must never earn a check that the twin fails, whatever
// is spoiled (arrays emptied, or every number, string and Value zeroed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sealedInput } from '../shared/sealed-input.ts';
import { limit } from '../../shared/limit.ts';
import { loadBook } from '../../book/build/book.ts';
import type { Exercise } from '../../exercises/build/read.ts';
import { type Spoil, changedArguments, spoilingCode } from './book-attacks-spoil.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';

const exercises = loadBook().flatMap((c) => c.exercises);
const key = (ex: Exercise) => `${ex.chapter}/${ex.id}`;
const slot = limit(2);
// spoiling walks whole graphs of Values, which takes a while where the checks hand those over
const run = (ex: Exercise, code: string) => slot(() => runSealedThread(sealedInput(ex, code, 'an instructor secret'), 6 * ex.timeoutMs));

test('spoiling the arguments it is handed earns no check that an honest wrong answer fails', async () => {
  const earned: string[] = [];
  await Promise.all(
    exercises.flatMap((ex) =>
      (['empty', 'zero'] as Spoil[]).map(async (how) => {
        const code = (inPlace: boolean) => spoilingCode(ex.solution, ex.provides, how, inPlace, changedArguments[key(ex)]);
        const spoiler = await run(ex, code(true));
        const verdicts = (r: typeof spoiler) => [...r.checks, ...r.hidden];
        assert.equal(spoiler.error, null, `${key(ex)} (${how}): the spoiler should run to the end`);
        if (!verdicts(spoiler).some((c) => c.passed)) return; // it earned nothing: no twin to compare with
        const twin = await run(ex, code(false));
        assert.equal(twin.error, null, `${key(ex)} (${how}): the twin should run to the end`);
        assert.equal(verdicts(spoiler).length, verdicts(twin).length);
        verdicts(spoiler).forEach((c, i) => {
          if (c.passed && !verdicts(twin)[i].passed) earned.push(`${key(ex)} (${how}): "${c.name}"`);
        });
      }),
    ),
  );
  assert.deepEqual(earned.sort(), [], 'checks passed by spoiling the inputs the check or the book solution uses next');
});
