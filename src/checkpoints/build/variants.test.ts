// Questions drawn for each reader (variant:): read into the book model with their places, checked
// at build for every sample reader (the answer must follow from the code for each, mistakes must
// be wrong, and readers must not all get the same answer), and given to the page unsealed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBook, parseChapter } from '../../book/build/book.ts';
import { BookError } from '../../book/build/model.ts';
import { variantProgram, variantSeed } from '../shared/answers.ts';
import { formatProblem, SAMPLE_READERS } from './answers.ts';
import { checkCheckpoints } from './check.ts';
import { chapterWith, checkpoint } from './fixtures.ts';

const file = 'content/chapters/checked.mdx';
const square = (...extra: string[]) =>
  checkpoint(
    'sq',
    'kind: numeric',
    'question: "n squared?"',
    'variant: |',
    '  const n = 3 + (variantSeed % 7);',
    '  console.log(`n = ${n}`);',
    '  console.log(n * n);',
    'given: "lines[0]"',
    'answer: num(lines[1])',
    'tolerance: 0.5',
    ...extra,
  );

test('a variant question is read with its code, where the code starts, and what it shows the reader', () => {
  const [cp] = parseChapter('checked', chapterWith(...square()), file).checkpoints;
  assert.deepEqual(cp.variant, { code: 'const n = 3 + (variantSeed % 7);\nconsole.log(`n = ${n}`);\nconsole.log(n * n);', codeLine: 15 });
  assert.equal(cp.given, 'lines[0]');
  assert.equal(cp.source, null);
});

test('a malformed variant question is named at the field at fault', () => {
  const fails = (body: string[], message: RegExp) =>
    assert.throws(
      () => parseChapter('checked', chapterWith(...body), file),
      (e: Error) => e instanceof BookError && message.test(e.message),
      message.source,
    );
  fails(square('expect: 25'), /checked\.mdx:\d+:1: checkpoint "sq": a variant question's answer differs from reader to reader; drop expect:/);
  fails(square('cell: vocab'), /a variant question computes its answer from its own variant: code; drop cell:/);
  fails(checkpoint('sq', 'kind: numeric', 'question: "?"', 'variant: "console.log(1)"', 'given: "lines[0]"', 'answer: num()', 'tolerance: 1'), /the variant code must use variantSeed/);
  fails(checkpoint('sq', 'kind: numeric', 'question: "?"', 'variant: "console.log(variantSeed)"', 'answer: num()', 'tolerance: 1'), /needs given: <an expression over what the variant printed>/);
  fails(checkpoint('sq', 'kind: numeric', 'question: "?"', 'variant: "console.log(variantSeed)"', 'given: output', 'tolerance: 1'), /needs answer: <an expression/);
  fails(checkpoint('sq', 'kind: numeric', 'question: "?"', 'code: "console.log(1)"', 'given: output', 'tolerance: 1'), /given: goes with variant:/);
  fails(checkpoint('sq', 'kind: choice', 'question: "?"', 'variant: "x"', 'choices: [{ text: a, why: b, correct: true }, { text: c, why: d }]'), /a choice question has no field "variant"/);
});

test('at build, the answer follows from the code for every sample reader, and differs between them', async () => {
  const check = async (...body: string[]) => checkCheckpoints([parseChapter('checked', chapterWith(...body), file)], { cacheFile: null });
  const good = await check(...square('mistakes:', '  - answer: "num(lines[0]) * 2"', '    why: doubled'));
  assert.deepEqual(good.problems.map(formatProblem), []);
  assert.equal(good.data[0].variant!.code.includes('variantSeed'), true);
  assert.deepEqual(good.data[0].sealed, []);
  // a variant that gives everyone the same number, one whose mistake is right for some reader, one that throws
  const same = await check(...checkpoint('sq', 'kind: numeric', 'question: "?"', 'variant: |', '  console.log(variantSeed * 0 + 4);', 'given: output', 'answer: num()', 'tolerance: 0.5'));
  assert.match(formatProblem(same.problems[0]), /checkpoint "sq": the variant gives every sample reader the same answer \(4\): draw its numbers from variantSeed/);
  const seeds = await Promise.all(SAMPLE_READERS.map((r) => variantSeed(r, 'checked', 'sq')));
  const clash = await check(...square('mistakes:', `  - answer: "${seeds[0] % 7 === 0 ? 9 : 'num(lines[1])'}"`, '    why: same'));
  assert.match(formatProblem(clash.problems[0]), /is within the tolerance \(0\.5\) of the answer \d+ for variantSeed = \d+: it would count as right/);
  const throws = await check(
    ...checkpoint('sq', 'kind: numeric', 'question: "?"', 'variant: |', '  if (variantSeed >= 0) throw new Error("boom");', 'given: output', 'answer: num()', 'tolerance: 0.5'),
  );
  assert.match(formatProblem(throws.problems[0]), /checked\.mdx:15:1: checkpoint "sq": its variant code threw Error: boom \(for variantSeed = \d+\)/);
  assert.match(variantProgram('console.log(variantSeed)', seeds[0]), new RegExp(`^const variantSeed = ${seeds[0]};`));
});

test('the book has a question drawn for each reader, and it checks', async () => {
  const variants = loadBook().flatMap((c) => c.checkpoints.filter((k) => k.variant));
  assert.ok(variants.length >= 1);
  assert.ok(variants.every((v) => ['tokenizer', 'autograd', 'gpt'].includes(v.chapter) && (v.kind === 'numeric' || v.kind === 'predict')));
});
