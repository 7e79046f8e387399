import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffLines, outputText } from '../shared/output.ts';
import { parseChapter } from '../../book/build/book.ts';
import { BookError, DEFAULT_TIMEOUT_MS } from '../../book/build/model.ts';
import { checkCells, formatReport } from './check.ts';
import { compareCell } from './compare.ts';

const extractCells = (slug: string, text: string) => parseChapter(slug, text).cells;

const chapter = (body: string) => ['---', 'title: "T"', '---', '', ...body.split('\n')].join('\n');
const fence = '```';

const sample = chapter(
  [
    'Some prose.',
    '',
    `${fence}ts cell id=first`,
    'const hidden = 2;',
    '// ---',
    'console.log(hidden * 21);',
    fence,
    '',
    `${fence}output`,
    '42',
    fence,
    '',
    `${fence}ts cell id=second timeout=500 throws`,
    'throw new RangeError("no");',
    fence,
    '',
    `${fence}ts`,
    'not a cell',
    fence,
  ].join('\n'),
);

test('extractCells reads ids, hidden setup, options, the output block and their lines', () => {
  const [first, second, ...rest] = extractCells('demo', sample);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { id: first.id, setup: first.setup, code: first.code, line: first.line, codeLine: first.codeLine, expected: first.expected, expectedLine: first.expectedLine, timeout: first.timeoutMs },
    { id: 'first', setup: 'const hidden = 2;', code: 'console.log(hidden * 21);', line: 7, codeLine: 10, expected: '42', expectedLine: 13, timeout: DEFAULT_TIMEOUT_MS },
  );
  assert.equal(first.file, 'content/chapters/demo.mdx');
  assert.deepEqual([second.id, second.timeoutMs, second.throws, second.expected], ['second', 500, true, null]);
});

test('extractCells refuses a malformed cell with its file and line', () => {
  assert.throws(
    () => extractCells('x', `${fence}ts cell\n1\n${fence}`),
    (e: Error) => e instanceof BookError && /x\.mdx:1:1: a cell needs id=/.test(e.message),
  );
  assert.throws(() => extractCells('x', `${fence}ts cell id=a\n${fence}\n${fence}ts cell id=a\n${fence}`), /x\.mdx:3:1: cell id "a" is used twice/);
  assert.throws(() => extractCells('x', `${fence}ts cell id=a speed=fast\n${fence}`), /unknown cell option "speed"/);
  assert.throws(() => extractCells('x', `${fence}ts cell id=a timeout=soon\n${fence}`), /timeout must be a whole number/);
});

test('compareCell: equal output passes; a wrong expected output fails with a got/want diff', () => {
  const [cell] = extractCells('demo', sample);
  assert.equal(compareCell(cell, { output: '42\n', error: null }), null);
  const problem = compareCell(cell, { output: '41\n', error: null })!;
  assert.equal(problem.line, 13);
  assert.equal(problem.diff, '--- want (the book)\n+++ got (the run)\n- 42\n+ 41');
});

test('compareCell: an unexpected error is reported at its line in the chapter; an expected one is output', () => {
  const [cell, throwing] = extractCells('demo', sample);
  const problem = compareCell(cell, { output: '', error: { name: 'TypeError', message: 'x is not a function', line: 1 } })!;
  assert.equal(problem.line, 10);
  assert.match(problem.message, /cell "first" threw TypeError: x is not a function/);
  assert.equal(outputText({ output: 'a\n', error: { name: 'RangeError', message: 'no', line: 1 } }), 'a\n! RangeError: no');
  assert.match(compareCell(throwing, { output: '', error: null })!.message, /was expected to throw/);
  assert.match(compareCell(throwing, { output: '', error: { name: 'RangeError', message: 'no', line: 1 } })!.message, /has no ```output block/);
});

test('diffLines keeps common lines and marks the rest', () => {
  assert.equal(diffLines('a\nb\nc', 'a\nc\nd'), '--- want (the book)\n+++ got (the run)\n  a\n- b\n  c\n+ d');
});

const cacheFile = () => join(mkdtempSync(join(tmpdir(), 'cells-cache-')), 'cells.json');

test('checkCells: a wrong expected output, an infinite loop and a type error each fail, at their lines', async () => {
  const cells = extractCells(
    'broken',
    chapter(
      [
        `${fence}ts cell id=wrong`,
        'console.log(1 + 1);',
        fence,
        `${fence}output`,
        '3',
        fence,
        `${fence}ts cell id=forever timeout=300`,
        'while (true) {}',
        fence,
        `${fence}output`,
        fence,
        `${fence}ts cell id=typed`,
        "const n: number = 'a string';",
        'console.log(n);',
        fence,
        `${fence}output`,
        'a string',
        fence,
      ].join('\n'),
    ),
  );
  const report = await checkCells(cells, { cacheFile: cacheFile(), exercises: [] });
  const text = formatReport(report);
  assert.match(text, /content\/chapters\/broken\.mdx:8:1: cell "wrong": output differs from the book\n--- want \(the book\)\n\+\+\+ got \(the run\)\n- 3\n\+ 2/);
  assert.match(text, /broken\.mdx:11:1: cell "forever" threw Timeout: stopped after 300 ms/);
  assert.match(text, /broken\.mdx:17:7: cell "typed": Type 'string' is not assignable to type 'number'/);
  assert.equal(report.problems.length, 3);
});

test('checkCells caches what passed, and re-runs a cell once it or the engine changes', async () => {
  const file = cacheFile();
  const text = (n: number) => chapter(`${fence}ts cell id=a\nconsole.log(${n});\n${fence}\n${fence}output\n${n}\n${fence}`);
  const first = await checkCells(extractCells('c', text(1)), { cacheFile: file, exercises: [] });
  assert.deepEqual([first.ran, first.cached, first.problems.length], [1, 0, 0]);
  const again = await checkCells(extractCells('c', text(1)), { cacheFile: file, exercises: [] });
  assert.deepEqual([again.ran, again.cached], [0, 1]);
  const changed = await checkCells(extractCells('c', text(2)), { cacheFile: file, exercises: [] });
  assert.deepEqual([changed.ran, changed.cached], [1, 0]);
  writeFileSync(file, '{ not json');
  const corrupted = await checkCells(extractCells('c', text(2)), { cacheFile: file, exercises: [] });
  assert.deepEqual([corrupted.ran, corrupted.problems.length], [1, 0]);
});
