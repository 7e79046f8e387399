import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBook, parseChapter } from '../../book/build/book.ts';
import { BookError } from '../../book/build/model.ts';
import { acceptedGridPoints, gridPoint, normaliseText, numberKey, openAnswer, orderKey, parseNumber, positionKey } from '../shared/seal.ts';
import { evaluateAnswer, formatProblem, type RunCode } from './answers.ts';
import { checkCheckpoints } from './check.ts';
import { allKinds, chapterWith, checkpoint, vocabCell } from './fixtures.ts';
import { bookCheckpoints, CheckpointsError } from './book-checkpoints.ts';
import { saltOf, shuffledSteps } from './seal-data.ts';

const file = 'content/chapters/checked.mdx';

test('the five kinds are read from the tree into the book model, with their fields and places', () => {
  const chapter = parseChapter('checked', allKinds);
  assert.deepEqual(
    chapter.checkpoints.map((c) => [c.id, c.kind, c.line]),
    [
      ['predict-size', 'predict', 20],
      ['numeric-bos', 'numeric', 36],
      ['choice-size', 'choice', 50],
      ['line-bos', 'line', 68],
      ['order-steps', 'order', 83],
    ],
  );
  const [predict, numeric, choice, line, order] = chapter.checkpoints;
  assert.deepEqual(predict.source, { cell: 'vocab' });
  assert.deepEqual([predict.answer, predict.expect, predict.mistakes.map((m) => [m.value, m.why, m.place.line])], ['num(lines[0])', '5', [['4', 'BOS counts too.', 30]]]);
  assert.equal(predict.places.expect.line, 27);
  assert.deepEqual(numeric.source, { code: "import { Tokenizer } from '@microgpt/engine';\nconsole.log(new Tokenizer(['ana', 'bob']).BOS);", codeLine: 42 });
  assert.equal(numeric.tolerance, 0.5);
  assert.deepEqual(
    choice.choices.map((c) => [c.text, c.value, c.correct]),
    [
      ['5, four letters and BOS', '5', true],
      ['4', '4', false],
    ],
  );
  assert.deepEqual(
    line.lines.map((l) => [l.match, l.correct]),
    [
      ['this.BOS = this.uchars.length;', true],
      ['readonly BOS: number;', false],
    ],
  );
  assert.deepEqual(order.steps, ['one', 'two', 'three']);
  // the YAML block is a code block of the chapter, not a cell and not prose
  assert.equal(chapter.cells.length, 1);
  assert.ok(!chapter.prose.some((p) => p.value.includes('What does')));
});

test('a malformed checkpoint is named with its file and the line of the field at fault', () => {
  const fails = (body: string[], message: RegExp) =>
    assert.throws(
      () => parseChapter('checked', chapterWith(...body)),
      (e: Error) => e instanceof BookError && message.test(e.message),
      message.source,
    );
  // the element is on line 9, its YAML from line 12: kind, question, then the third field on 14
  fails(checkpoint('a', 'kind: essay', 'question: "?"'), /^content\/chapters\/checked\.mdx:12:1: checkpoint "a": kind must be one of predict, numeric, choice, line, order, not "essay"/);
  fails(checkpoint('a', 'kind: order', 'question: "?"', 'steps: [x, y, z]', 'colour: red'), /checked\.mdx:15:1: checkpoint "a": an order question has no field "colour"/);
  fails(checkpoint('a', 'kind: predict', 'question: "?"'), /checked\.mdx:9:1: checkpoint "a": needs cell: <the id of the cell/);
  fails(checkpoint('a', 'kind: numeric', 'question: "?"', 'cell: c'), /checked\.mdx:9:1: checkpoint "a": needs tolerance: <a positive number>/);
  fails(checkpoint('a', 'kind: numeric', 'question: "?"', 'cell: c', 'tolerance: -1'), /checked\.mdx:15:1: checkpoint "a": needs tolerance: <a positive number>/);
  fails(checkpoint('a', 'kind: choice', 'question: "?"', 'choices:', '  - { text: x, why: a, correct: true }', '  - text: y'), /checked\.mdx:16:5: checkpoint "a": needs why: …/);
  fails(
    checkpoint('a', 'kind: choice', 'question: "?"', 'choices:', '  - { text: x, why: a, correct: true }', '  - { text: y, why: b, correct: true }'),
    /checked\.mdx:14:1: checkpoint "a": exactly one choice must have correct: true \(2 have\)/,
  );
  fails(
    checkpoint('a', 'kind: predict', 'question: "?"', 'cell: c', 'choices:', '  - { text: x, correct: true }', '  - y'),
    /checked\.mdx:16:5: checkpoint "a": a predict question computes which choice is right from the cell; drop correct:/,
  );
  fails(checkpoint('a', 'kind: order', 'question: "?"', 'steps: [x, y, x]'), /checked\.mdx:14:1: checkpoint "a": the step "x" is there twice/);
  fails(checkpoint('a', 'kind: order', 'question: [unclosed'), /checked\.mdx:13:\d+: checkpoint "a": not valid YAML/);
  fails(['<Checkpoint id="a">', '', 'Some prose.', '', '</Checkpoint>'], /checked\.mdx:9:1: checkpoint "a": needs exactly one ```yaml block inside it/);
  fails(['<Checkpoint>', '', '```yaml', 'kind: order', '```', '', '</Checkpoint>'], /checked\.mdx:9:1: <Checkpoint> needs id=/);
  fails(
    [...checkpoint('a', 'kind: order', 'question: "?"', 'steps: [x, y, z]'), ...checkpoint('a', 'kind: order', 'question: "?"', 'steps: [x, y, z]')],
    /checkpoint id "a" is used twice in this chapter/,
  );
  // the rules between fields, each at the field to change
  fails(checkpoint('a', 'kind: numeric', 'question: "?"', 'cell: c', 'code: "x"', 'tolerance: 1'), /checked\.mdx:15:1: checkpoint "a": takes its answer from a cell or from code, not both/);
  fails(
    checkpoint('a', 'kind: choice', 'question: "?"', 'cell: c', 'choices:', '  - { text: x, why: a, correct: true }', '  - { text: y, why: b }'),
    /checked\.mdx:14:1: checkpoint "a": with cell: or code:, say which printed value the right choice is/,
  );
  fails(
    checkpoint('a', 'kind: numeric', 'question: "?"', 'cell: c', 'tolerance: 1', 'mistakes:', '  - just a string'),
    /checked\.mdx:17:5: checkpoint "a": mistake 1 must be \{ value: <a wrong answer>, why: … \} or \{ answer: <an expression for it>, why: … \}/,
  );
  fails(
    checkpoint('a', 'kind: numeric', 'question: "?"', 'cell: c', 'tolerance: 1', 'mistakes:', '  - { value: 3, answer: "num()", why: both }'),
    /checked\.mdx:17:5: checkpoint "a": mistake 1 must be/,
  );
  fails(
    checkpoint('a', 'kind: line', 'question: "?"', 'file: tokenizer.ts', 'region: tokenizer', 'line: "BOS"', 'wrong:', '  - { line: 3 }'),
    /checked\.mdx:18:5: checkpoint "a": wrong 1 must be \{ line: <text of a tempting wrong line>, why: … \}/,
  );
  fails(checkpoint('a', 'kind: line', 'question: "?"', 'file: tokenizer.ts', 'region: tokenizer'), /checked\.mdx:9:1: checkpoint "a": needs line: <text found in the right line/);
  fails(checkpoint('a', 'kind: order', 'question: "?"', 'steps: [x, y]'), /checked\.mdx:14:1: checkpoint "a": needs at least three steps/);
  fails(
    checkpoint('a', 'kind: choice', 'question: "?"', 'choices:', '  - { text: x, why: a, correct: true, colour: red }', '  - { text: y, why: b }'),
    /checked\.mdx:15:5: checkpoint "a": choice 1 has no field "colour" \(it takes: text, why, correct, value\)/,
  );
  fails(checkpoint('a', 'kind: choice', 'question: "?"'), /checked\.mdx:9:1: checkpoint "a": needs choices: a list of \{ text, why \}, one with correct: true/);
});

test('answers are computed with the runtime cells run with, then sealed: the page opens the right one and nothing else', async () => {
  const chapter = parseChapter('checked', allKinds, file);
  const report = await checkCheckpoints([chapter], { cacheFile: null });
  assert.deepEqual(report.problems.map(formatProblem), []);
  assert.equal(report.ran, 2, 'the cell once, for two questions, and the code once');
  const data = new Map(report.data.map((d) => [d.id, d]));
  const predict = data.get('predict-size')!;
  assert.equal(predict.salt, saltOf('checked', 'predict-size'));
  assert.deepEqual(await openAnswer(predict.salt, `text:${normaliseText(' 5 ')}`, predict.sealed), { correct: true, why: 'Four letters and BOS.' });
  assert.deepEqual(await openAnswer(predict.salt, 'text:4', predict.sealed), { correct: false, why: 'BOS counts too.' });
  assert.equal(await openAnswer(predict.salt, 'text:6', predict.sealed), null);
  const numeric = data.get('numeric-bos')!;
  assert.equal((await openAnswer(numeric.salt, numberKey(gridPoint(4.4, 0.5)), numeric.sealed))?.correct, true);
  assert.equal(await openAnswer(numeric.salt, numberKey(gridPoint(3.3, 0.5)), numeric.sealed), null);
  const choice = data.get('choice-size')!;
  assert.deepEqual(choice.choices, ['5, four letters and BOS', '4']);
  assert.equal((await openAnswer(choice.salt, 'choice:0', choice.sealed))?.correct, true);
  assert.deepEqual(await openAnswer(choice.salt, 'choice:1', choice.sealed), { correct: false, why: 'BOS is a token too.' });
  const line = data.get('line-bos')!;
  assert.equal((await openAnswer(line.salt, 'line:17', line.sealed))?.correct, true, 'engine/src/tokenizer.ts line 17 gives BOS its id');
  assert.deepEqual(await openAnswer(line.salt, 'line:8', line.sealed), { correct: false, why: 'A declaration.' });
  const order = data.get('order-steps')!;
  assert.notDeepEqual(order.steps, ['one', 'two', 'three']);
  assert.equal((await openAnswer(order.salt, orderKey(['one', 'two', 'three']), order.sealed))?.correct, true);
  assert.notEqual(await openAnswer(order.salt, positionKey(1, 'two'), order.sealed), null);
  assert.equal(await openAnswer(order.salt, positionKey(0, 'two'), order.sealed), null);
  // nothing in the page data names the answer
  const json = JSON.stringify(report.data);
  for (const secret of ['Four letters and BOS', 'BOS counts too', 'this.BOS = this.uchars.length', '"correct"', '"5"']) assert.ok(!json.includes(secret), secret);
});

test('a changed engine or cell output fails the check at the checkpoint whose stated answer no longer follows', async () => {
  // the book states 5; the engine, changed, prints 6 for the same cell
  const chapter = parseChapter('checked', allKinds, file);
  const changedEngine: RunCode = async (input) => ({ output: input.code.includes('vocabSize') ? 'vocab size: 6\n' : '5\n', error: null });
  const report = await checkCheckpoints([chapter], { cacheFile: null, run: changedEngine });
  assert.deepEqual(report.problems.map(formatProblem), [
    `${file}:27:1: checkpoint "predict-size": expect: "5" no longer follows from the code: the answer computed from cell "vocab" is "6"`,
    `${file}:45:1: checkpoint "numeric-bos": expect: 4 no longer follows from the code: the computed answer is 5, more than 0.5 away`,
    `${file}:58:5: checkpoint "choice-size": the choice marked correct ("5") no longer follows from the code: the computed answer is "6"`,
  ]);
  assert.deepEqual(report.data, [], 'nothing is sealed from a book with a stale answer');

  // and with the real engine: a cell edited to build from other names, a question left stating 5
  const edited = parseChapter('checked', allKinds.replace("new Tokenizer(['ana', 'bob']).vocabSize", "new Tokenizer(['ana', 'bob', 'zoe']).vocabSize"), file);
  const real = await checkCheckpoints([edited], { cacheFile: null });
  assert.deepEqual(
    real.problems.map((p) => [p.place.line, p.message.split(':')[0]]),
    [
      [27, 'checkpoint "predict-size"'],
      [58, 'checkpoint "choice-size"'],
    ],
  );
  assert.match(formatProblem(real.problems[0]), /the answer computed from cell "vocab" is "7"/);
});

test("the build computes the book's checkpoints once, and fails at a stale line with no page data; npm run check:checkpoints says the same", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoints-'));
  writeFileSync(join(dir, 'checked.mdx'), allKinds.replace('expect: 5', 'expect: 6'));
  const stale = /checked\.mdx:27:1: checkpoint "predict-size": expect: "6" no longer follows from the code: the answer computed from cell "vocab" is "5"/;
  await assert.rejects(bookCheckpoints(dir, null), (e: Error) => e instanceof CheckpointsError && stale.test(e.message));
  const run = spawnSync(process.execPath, ['src/checkpoints/build/check-checkpoints.ts', '--no-cache', '--chapters', dir], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, stale);
  writeFileSync(join(dir, 'checked.mdx'), allKinds);
  const data = await bookCheckpoints(dir, null);
  assert.deepEqual(
    data.map((d) => d.id),
    ['predict-size', 'numeric-bos', 'choice-size', 'line-bos', 'order-steps'],
  );
  assert.equal(bookCheckpoints(dir, null), bookCheckpoints(dir, null), 'computed once while nothing it depends on changes');
});

test('references that no longer hold fail too: a missing cell, a line gone from the region or found twice, a cell that throws', async () => {
  const check = async (...body: string[]) => (await checkCheckpoints([parseChapter('checked', chapterWith(...vocabCell(), ...body), file)], { cacheFile: null })).problems.map(formatProblem);
  assert.match((await check(...checkpoint('p', 'kind: predict', 'question: "?"', 'cell: gone')))[0], /checked\.mdx:\d+:1: checkpoint "p": there is no cell "gone" in this chapter \(it has: vocab\)/);
  assert.match(
    (await check(...checkpoint('l', 'kind: line', 'question: "?"', 'file: tokenizer.ts', 'region: tokenizer', 'line: "this.BOS = 0;"')))[0],
    /checkpoint "l": "this\.BOS = 0;" is in no line of tokenizer\.ts region "tokenizer": it must name exactly one/,
  );
  assert.match(
    (await check(...checkpoint('l', 'kind: line', 'question: "?"', 'file: tokenizer.ts', 'region: tokenizer', 'line: "this.uchars"')))[0],
    /is in \d+ lines \(\d+(, \d+)+\) of tokenizer\.ts region "tokenizer"/,
  );
  assert.match((await check(...checkpoint('l', 'kind: line', 'question: "?"', 'file: tokenizer.ts', 'region: nowhere', 'line: "x"')))[0], /has no region "nowhere"/);
  assert.match((await check(...checkpoint('n', 'kind: numeric', 'question: "?"', 'code: |', "  throw new Error('boom');", 'tolerance: 1')))[0], /checkpoint "n": its code threw Error: boom/);
  assert.match(
    (await check(...checkpoint('n', 'kind: numeric', 'question: "?"', 'cell: vocab', 'answer: lines[0]', 'tolerance: 1')))[0],
    /the computed answer is not a finite number \(vocab size: 5\)/,
  );
  assert.match(
    (await check(...checkpoint('n', 'kind: numeric', 'question: "?"', 'cell: vocab', 'answer: num()', 'tolerance: 1', 'mistakes:', '  - value: 5.5', '    why: close')))[0],
    /this mistake, 5\.5, is within the tolerance \(1\) of the answer 5: it would count as right/,
  );
  assert.match((await check(...checkpoint('p', 'kind: predict', 'question: "?"', 'cell: vocab', 'answer: num()', 'choices: [4, 6]')))[0], /exactly one choice must be the computed answer "5"; 0 are/);
});

test('answer expressions see the output as text and lines, and pick numbers out of it', () => {
  const output = 'vocab size: 28 BOS id: 27\n[ 5, 13, 13, 1 ]\nfinite ≈ -1.5e-3';
  assert.equal(evaluateAnswer('lines[1]', output), '[ 5, 13, 13, 1 ]');
  assert.equal(evaluateAnswer('num()', output), 28);
  assert.deepEqual(evaluateAnswer('nums(lines[0])', output), [28, 27]);
  assert.equal(evaluateAnswer('num(lines.at(-1))', output), -0.0015);
  assert.throws(() => evaluateAnswer('num(lines[3])', output), /no number in undefined: expected a line of text/);
  assert.throws(() => evaluateAnswer('num(lines[0].slice(0, 5))', output), /no number in "vocab"/);
});

test('normalising and parsing what a reader types', () => {
  assert.equal(normaliseText('  [5, 13,13 , 1]  '), normaliseText('[ 5, 13, 13, 1 ]'));
  assert.equal(normaliseText('vocab   size:  8'), 'vocab size:8');
  assert.equal(normaliseText('“ab”'), '"ab"');
  assert.notEqual(normaliseText('ab'), normaliseText('a b'));
  assert.deepEqual(['23.018', '+4', '−3', '.5', '1e-6', '2.', ' 7 '].map(parseNumber), [23.018, 4, -3, 0.5, 1e-6, 2, 7]);
  assert.deepEqual(['', 'abc', '1,5', '1.2.3', '0x10', 'Infinity', '1e999'].map(parseNumber), [null, null, null, null, null, null, null]);
});

test('a numeric answer is accepted within its tolerance wherever it falls on the grid, and never beyond 1.25 times it', () => {
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let trial = 0; trial < 2000; trial++) {
    const tolerance = [0.5, 0.01, 1e-3, 2, 0.25][trial % 5];
    const answer = (random() - 0.5) * 1000;
    const accepted = new Set(acceptedGridPoints(answer, tolerance));
    const within = answer + (random() * 2 - 1) * tolerance * 0.999;
    assert.ok(accepted.has(gridPoint(within, tolerance)), `${within} is within ${tolerance} of ${answer}`);
    const beyond = answer + (random() < 0.5 ? -1 : 1) * tolerance * (1.26 + random());
    assert.ok(!accepted.has(gridPoint(beyond, tolerance)), `${beyond} is more than 1.25 × ${tolerance} from ${answer}`);
  }
});

test('order steps are shown shuffled, the same way every build, never already in order', () => {
  for (const n of [3, 4, 5, 8]) {
    const steps = Array.from({ length: n }, (_, i) => `step ${i}`);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const shown = shuffledSteps(steps, saltOf('x', id));
      assert.notDeepEqual(shown, steps);
      assert.deepEqual([...shown].sort(), [...steps].sort());
      assert.deepEqual(shuffledSteps(steps, saltOf('x', id)), shown);
    }
  }
});

test('the book: the tokenizer and autograd chapters have at least five checkpoints of three kinds, and every answer follows from the code', async () => {
  const book = loadBook();
  for (const slug of ['tokenizer', 'autograd']) {
    const checkpoints = book.find((c) => c.slug === slug)!.checkpoints;
    assert.ok(checkpoints.length >= 5, `${slug} has ${checkpoints.length} checkpoints`);
    assert.ok(new Set(checkpoints.map((c) => c.kind)).size >= 3, `${slug} has checkpoints of ${new Set(checkpoints.map((c) => c.kind)).size} kinds`);
  }
  const report = await checkCheckpoints(book, { cacheFile: null });
  assert.deepEqual(report.problems.map(formatProblem), []);
  assert.equal(
    report.data.length,
    book.reduce((n, c) => n + c.checkpoints.length, 0),
  );
});
