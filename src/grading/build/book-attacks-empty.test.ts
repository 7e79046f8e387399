// Every exercise of the book, graded for a hand-in that does nothing: no code, a comment, the
// asked-for names bound to something that is not a function, or functions that only throw. None of
// them earns a single check, visible or graded (a check that a call throws asks too that the call
// beside it does not), and where a function is missing every check says which.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sealedInput } from '../shared/sealed-input.ts';
import { limit } from '../../shared/limit.ts';
import { loadBook } from '../../book/build/book.ts';
import type { Exercise } from '../../exercises/build/read.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';

const exercises = loadBook().flatMap((c) => c.exercises);
const slot = limit(2);
const run = (ex: Exercise, code: string) => slot(() => runSealedThread(sealedInput(ex, code, 'an instructor secret'), ex.timeoutMs));

const nothing: Record<string, (ex: Exercise) => string> = {
  'no code': () => '',
  'a comment': () => '// I will write this later',
  'numbers where functions are asked for': (ex) => ex.provides.map((name) => `const ${name} = 1;`).join('\n'),
  'functions that only throw': (ex) => ex.provides.map((name) => `function ${name}(...args: any[]): any {\n  throw new Error('not yet');\n}`).join('\n'),
};

test('a hand-in that defines nothing, no functions, or functions that only throw earns no check of any exercise', async () => {
  await Promise.all(
    exercises.flatMap((ex) =>
      Object.entries(nothing).map(async ([what, code]) => {
        const result = await run(ex, code(ex));
        const verdicts = [...result.checks, ...result.hidden];
        const where = `${ex.chapter}/${ex.id} with ${what}`;
        assert.equal(result.error, null, `${where}: ${JSON.stringify(result.error)}`);
        assert.ok(verdicts.length > 0, `${where}: no checks ran`);
        assert.deepEqual(
          verdicts.filter((c) => c.passed).map((c) => c.name),
          [],
          `${where}: checks passed`,
        );
        if (what !== 'functions that only throw')
          for (const c of verdicts) for (const name of ex.provides) assert.match(c.message ?? '', new RegExp(`\\b${name}\\b`), `${where}: "${c.name}" should name ${name}`);
      }),
    ),
  );
});
