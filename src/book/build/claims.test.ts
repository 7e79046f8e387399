// The claims of issue 31, each held to the checked cell that shows it: a cell's output is checked
// against the engine at build (npm run check:cells), and these tests check that what it printed
// still says what the prose says, and that the corrected statements do not come back.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { loadBook } from './book.ts';
import { scanNumbers } from '../../literate/build/numbers.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const book = new Map(loadBook(resolve(root, 'content', 'chapters')).map((c) => [c.slug, c]));
const mainChapters = [...book.keys()].filter((slug) => slug !== 'matching-python');
const lnV = Math.log(28);

// a cell's checked output, its lines, and the numbers on one of them
function output(slug: string, id: string): string[] {
  const cell = book.get(slug)?.cells.find((c) => c.id === id);
  assert.ok(cell, `${slug} has the cell ${id}`);
  assert.ok(cell.expected !== null && cell.expected.trim() !== '', `${slug}/${id} has its output written beside it`);
  return cell.expected.split('\n');
}
const line = (lines: string[], start: string) => {
  const found = lines.find((l) => l.trimStart().startsWith(start));
  assert.ok(found !== undefined, `a line starting "${start}" in ${JSON.stringify(lines)}`);
  return found;
};
const nums = (text: string) => scanNumbers(text).map((n) => n.value);
const prose = (slug: string) =>
  book
    .get(slug)!
    .prose.map((p) => p.value)
    .join('\n');
const noneSay = (slugs: string[], wrong: RegExp) => {
  for (const slug of slugs) assert.doesNotMatch(prose(slug), wrong, `${slug} says ${wrong}`);
};

test('1. an untrained model can score below ln V; the mean over initialisations is above it', () => {
  const lines = output('gpt', 'untrained-seeds');
  const [below, , mean] = nums(line(lines, 'its own first name'));
  assert.ok(below > 0, 'some initialisations score below ln V on their first name');
  assert.ok(mean > lnV, 'the mean over initialisations is above ln V');
  assert.ok(nums(line(lines, 'the same 50 names'))[3] > lnV);
  assert.ok(nums(line(output('introduction', 'same-seed'), 'seed 7'))[2] < lnV, "the introduction's seed 7 starts below ln V");
  noneSay(mainChapters, /never below/i);
});

test("2. Adam's step can pass (1 - beta1) / sqrt(1 - beta2); microgpt's rarely pass one learning rate", () => {
  const largest = output('adam', 'step-bound')
    .filter((l) => /^\d/.test(l))
    .map((l) => nums(l)[1]);
  assert.ok(Math.max(...largest) > 2.5, `a steadily growing gradient gives steps past 1.5 learning rates: ${largest}`);
  const bound = nums(line(output('adam', 'step-bound'), 'the limit is largest'))[1];
  const [, share, , real] = nums(line(output('adam', 'step-sizes-microgpt'), '4,224,000 updates'));
  assert.ok(share < 0.01 && real < bound, `in microgpt a share of ${share} of the steps pass one learning rate, the largest ${real} of at most ${bound}`);
  noneSay(['adam'], /never by more than \S*\s*one and a half/i);
});

test('3. memorising is argued from one pass and small steps, not from bits of storage', () => {
  noneSay(['what-it-reveals'], /270,336|weights of 64 bits/);
  const lowered = nums(line(output('what-it-reveals', 'compression'), 'its own step lowered'))[0];
  assert.ok(lowered < 0.1, `one step lowers its own name's loss by ${lowered}`);
  assert.match(line(output('training', 'overfitting'), 'of these'), /10 of 10/);
});

test('4. the seed article is named and linked where its boxes first appear, and Karpathy wrote a post', () => {
  const first = [...book.values()].sort((a, b) => a.order - b.order).find((c) => c.components.some((x) => x.name === 'ArticleSays'))!;
  const text = readFileSync(resolve(root, first.file), 'utf8');
  const link = text.indexOf('](https://productionai.institute/insights/microgpt-explained)');
  assert.ok(link !== -1 && link < text.indexOf('<ArticleSays>'), `${first.slug} links the article before its first box`);
  assert.match(text, /What microgpt Reveals About LLMs\*?\]\(https:\/\/productionai\.institute/);
  noneSay([...book.keys()], /Karpathy's article|the article's (run|dataset)|dataset of Karpathy's article/);
});

test('5. one loss convention: per token on the same held-out tenth, in every chapter that measures it', () => {
  const gpt = nums(line(output('training', 'held-out-loss'), 'after 1000 steps')).at(-1);
  assert.equal(nums(line(output('what-it-reveals', 'compression'), 'on the 842 held-out names'))[1], gpt);
  assert.equal(nums(line(output('gpt', 'heads-differ'), 'held-out loss per token'))[0], gpt);
  const bigram = nums(line(output('training', 'held-out-loss'), 'the bigram table'))[0];
  assert.equal(nums(line(output('dataset', 'bigram-baseline'), 'and'))[0], bigram, 'the dataset and training chapters score the bigram table on the same tokens');
  assert.ok(bigram > gpt!);
});

test('6. the smaller corrections stay corrected', () => {
  noneSay(['adam'], /fixed small amount/);
  noneSay(mainChapters, /from the last chapter|shrinks to zero|nearly zero at the last|falling to nothing|pairs of bytes/);
  noneSay(['inference'], /the same few names/);
  const unseen = book.get('dataset')!.checkpoints.find((c) => c.id === 'unseen-character')!;
  assert.doesNotMatch(JSON.stringify(unseen.choices), /softmax|temperature|logit/i, 'the dataset checkpoint argues before softmax and temperature are taught');
  const cold = output('inference', 'cold-temperature');
  assert.match(line(cold, 'T=0.01'), /1 of 8 different/);
  assert.equal(line(cold, 'T=0.01').split(': ')[1].split(',')[0], line(cold, 'greedy').split(': ')[1]);
  assert.ok(nums(line(output('training', 'softmax-zero'), 'probabilities'))[2] === 0, 'a probability of exactly 0 in floating point');
  for (const file of readdirSync(resolve(root, 'lessons')).filter((f) => f.endsWith('.yaml'))) {
    assert.doesNotMatch(readFileSync(resolve(root, 'lessons', file), 'utf8'), /ends near 2\.1|the last chapter/, file);
  }
  noneSay(['what-it-reveals'], /This is why confidence is not knowledge/);
});

test('the derivations agree with the gradients backward computes', () => {
  const difference = (slug: string, id: string) => output(slug, id).flatMap((l) => (/difference/.test(l) ? nums(l.split(/difference[^:]*:/)[1]) : []));
  for (const [slug, id] of [
    ['training', 'logit-gradient'],
    ['gpt', 'rmsnorm-backward'],
    ['gpt', 'attention-backward'],
    ['gpt', 'gain-folds'],
  ]) {
    const gaps = difference(slug, id);
    assert.ok(gaps.length > 0 && gaps.every((g) => Math.abs(g) < 1e-15), `${slug}/${id}: ${gaps}`);
  }
  const sqrt = output('gpt', 'why-sqrt-d')
    .filter((l) => /^\d/.test(l))
    .map(nums);
  for (const [d, spread] of sqrt) assert.ok(Math.abs(spread / Math.sqrt(d) - 1) < 0.15, `q·k spreads like sqrt(${d}): ${spread}`);
  assert.ok(sqrt.at(-1)![3] > 0.9 && sqrt.at(-1)![5] < 0.3, 'unscaled wide heads saturate; scaled ones do not');
  const heads = output('gpt', 'heads-differ')
    .filter((l) => /^head \d/.test(l))
    .map(nums);
  assert.ok(Math.max(...heads.map((h) => h[4])) - Math.min(...heads.map((h) => h[4])) > 0.1, 'the trained heads spread their weight differently');
  const [small, large] = output('gpt', 'init-scale').map(nums);
  assert.ok(small[2] < 0.1 && large[2] > 0.9, 'std 0.08 starts nearly uniform, std 1 nearly certain');
  const curves = output('adam', 'adam-vs-gd-microgpt');
  const last = (name: string) => nums(line(curves, name).split(':')[1])[1];
  assert.ok(last('Adam, 0.01') < last('descent, 0.01') && last('Adam, 0.01') < last('descent, 0.3'), 'Adam ends lower than gradient descent');
});

test("the article's four lessons each have their experiment", () => {
  const rare = output('what-it-reveals', 'rare-letters')
    .filter((l) => /^[a-z] /.test(l))
    .map((l) => [l[0], nums(l).at(-1)!] as const);
  const surprise = new Map(rare);
  for (const common of ['a', 'e']) for (const scarce of ['q', 'x', 'z']) assert.ok(surprise.get(scarce)! > lnV && lnV > surprise.get(common)!);
  const confidence = output('what-it-reveals', 'confidence-overlap');
  const means = nums(line(confidence, 'mean'));
  assert.ok(Math.abs(means[0] - means[1]) < 0.1, `invented names score like real ones: ${means}`);
  assert.ok(confidence.filter((l) => / it said /.test(l)).length >= 3, 'the most confident wrong predictions, named');
  const memory = output('what-it-reveals', 'memory-is-context');
  assert.ok(
    line(memory, 'prompt "ma"')
      .split(':')[1]
      .split(',')
      .every((name) => name.trim().startsWith('ma')),
    'the prompt steers',
  );
  assert.equal(
    memory
      .filter((l) => l.startsWith('seed 7, no prompt'))
      .map((l) => l.split(':')[1].trim())
      .filter((n, i, all) => n === all[0]).length,
    2,
    'the next call has no trace',
  );
  assert.match(memory.join('\n'), /the same\? true[\s\S]*the same\? false/, 'text beyond the context is gone; text inside it counts');
});

test('the porting passages live in the appendix, not in the main chapters', () => {
  noneSay(
    mainChapters.filter((s) => s !== 'introduction'),
    /units in the last place|prints exactly what/,
  );
  noneSay(mainChapters, /__radd__|Box-Muller|1\.0 - this\.random|takes a random draw for every document/);
  noneSay(['fast'], /double-double/);
  for (const id of ['shuffle-draws', 'gauss', 'division', 'sum-radd']) output('matching-python', id);
});
