import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseChapter } from '../../book/build/book.ts';
import { BookError } from '../../book/build/model.ts';
import { checkCells, formatReport } from '../../cells/build/check.ts';

const extractExercises = (slug: string, text: string) => parseChapter(slug, text).exercises;

const f = '```';
const exercise = (starter: string, solution: string, checks = "check('double(2) is 4', () => expectEqual(double(2), 4));") =>
  [
    '---',
    'title: "T"',
    '---',
    '',
    `${f}ts exercise id=double title="Double a number"`,
    "import { Value } from '@microgpt/engine';",
    '// ---',
    starter,
    f,
    '',
    `${f}ts solution`,
    solution,
    f,
    '',
    `${f}ts checks`,
    "import { check, expectEqual } from '@microgpt/check';",
    checks,
    f,
    '',
    `${f}hints`,
    'Multiply by two.',
    '',
    'Use `2 * x`.',
    f,
  ].join('\n');

test('an exercise is its starter, solution, checks and hints, with their lines', () => {
  const [ex] = extractExercises('c', exercise('function double(x: number): number {\n  return x;\n}', 'function double(x: number): number {\n  return 2 * x;\n}'));
  assert.equal(ex.id, 'double');
  assert.equal(ex.title, 'Double a number');
  assert.equal(ex.setup, "import { Value } from '@microgpt/engine';");
  assert.equal(ex.starter, 'function double(x: number): number {\n  return x;\n}');
  assert.deepEqual([ex.line, ex.starterLine, ex.solutionLine, ex.checksLine], [5, 8, 14, 20]);
  assert.deepEqual(ex.checkNames, ['double(2) is 4']);
  assert.deepEqual(ex.hints, ['Multiply by two.', 'Use `2 * x`.']);
});

test('a malformed exercise is named with its file and line', () => {
  const ok = exercise('function double(x: number) { return x; }', 'function double(x: number) { return 2 * x; }');
  assert.throws(
    () => extractExercises('c', ok.replace(' title="Double a number"', '')),
    (e: Error) => e instanceof BookError && e.message === 'content/chapters/c.mdx:5:1: exercise "double" needs title="…"',
  );
  assert.throws(() => extractExercises('c', ok.replace('```ts solution', '```ts')), /c\.mdx:5:1: exercise "double" needs a ```ts solution block right after it/);
  assert.throws(
    () => extractExercises('c', ok.replace("check('double(2) is 4', () => expectEqual(double(2), 4));", '')),
    /c\.mdx:15:1: exercise "double" has no check\('name', \(\) => …\) in its checks/,
  );
  assert.throws(() => extractExercises('c', ok.replace(/```hints[\s\S]*```$/, '```hints\n\n```')), /has an empty hints block/);
});

test('the build proves the solution passes and the starter fails, and type-checks both', async () => {
  const cacheFile = join(mkdtempSync(join(tmpdir(), 'ex-')), 'cells.json');
  const run = async (text: string) => formatReport(await checkCells([], { cacheFile, exercises: extractExercises('c', text) }));
  const good = await run(exercise('function double(x: number): number {\n  return x;\n}', 'function double(x: number): number {\n  return 2 * x;\n}'));
  assert.match(good, /0 cells and 1 exercises .* 0 problems/);
  const easy = await run(exercise('function double(x: number): number {\n  return x + x;\n}', 'function double(x: number): number {\n  return 2 * x;\n}'));
  assert.match(easy, /c\.mdx:5:1: exercise "double": the starter code already passes every check/);
  const wrong = await run(exercise('function double(x: number): number {\n  return x;\n}', 'function double(x: number): number {\n  return 3 * x;\n}'));
  assert.match(wrong, /c\.mdx:19:1: exercise "double": the solution fails the check "double\(2\) is 4": expected 4, got 6/);
  // runs and passes, but does not type-check
  const untyped = await run(
    exercise('function double(x: number): number {\n  return x;\n}', 'function double(x: number): number {\n  return String(2 * x);\n}', "check('double(2) is 4', () => expectEqual(double(2), '4'));"),
  );
  assert.match(untyped, /c\.mdx:\d+:\d+: cell "double\.solution": Type 'string' is not assignable to type 'number'/);
  assert.match(untyped, /1 problem;/);
});
