import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { chaptersInOrder, loadBook } from './book.ts';
import { chapterSchema, chapterSlugs } from './chapters.ts';

const dir = resolve(import.meta.dirname, '..', '..', '..', 'content', 'chapters');
const book = new Map(loadBook(dir).map((c) => [c.slug, c]));
const frontmatter = (slug: string) => book.get(slug)!.data;

test('the chapters exist, and their order is the reading order', () => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''));
  assert.deepEqual([...files].sort(), [...chapterSlugs].sort());
  assert.deepEqual(chaptersInOrder(dir), [...chapterSlugs]);
  assert.deepEqual(
    chapterSlugs.map((s) => frontmatter(s).order),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  );
});

test('every chapter frontmatter passes the schema', () => {
  for (const slug of chapterSlugs) {
    const result = chapterSchema.safeParse(frontmatter(slug));
    assert.ok(result.success, `${slug}: ${result.error?.message}`);
  }
});

test('the schema rejects a chapter missing its fields, naming them', () => {
  const result = chapterSchema.safeParse({ component: 'Tokenizer', order: 0, summary: 'short', modules: ['nope'] });
  assert.equal(result.success, false);
  const paths = result.error!.issues.map((i) => i.path.join('.'));
  for (const field of ['order', 'summary', 'modules.0', 'objectives']) assert.ok(paths.includes(field), `${field} in ${paths}`);
});

test('the seven component chapters name their engine module and the seed article line count', () => {
  const components = chapterSlugs.filter((s) => !['introduction', 'fast', 'what-it-reveals', 'next', 'matching-python'].includes(s));
  for (const slug of components) {
    const data = chapterSchema.parse(frontmatter(slug));
    assert.ok(data.modules.length > 0, slug);
    assert.ok(data.seedLines !== undefined, slug);
  }
});

// The parts every component chapter must keep, so that none is lost silently in an edit.
const withMath = ['autograd', 'gpt', 'adam', 'training', 'inference'];
// One analogy per idea: the article box weighs the article's analogy for the component, and a
// chapter adds an "An analogy" section only for an idea the box does not cover
const secondAnalogy: Record<string, string> = { autograd: 'the chain rule', gpt: 'the residual stream', inference: 'the weighted draw' };
const sectionTexts = (slug: string) => book.get(slug)!.sections.map((s) => s.text);
for (const slug of ['dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference']) {
  test(`the ${slug} chapter has its required parts`, () => {
    const chapter = book.get(slug)!;
    assert.equal(sectionTexts(slug).includes('An analogy'), slug in secondAnalogy, slug in secondAnalogy ? `an analogy for ${secondAnalogy[slug]}` : 'no second analogy beside the box');
    assert.match(chapter.prose.find((p) => p.from === 'body')?.value ?? '', /^[A-Z]/, 'a plain-language opening paragraph');
    if (withMath.includes(slug)) assert.ok(chapter.math.length > 0, 'display math');
    assert.ok(chapter.cells.length >= 4, 'at least four cells');
    assert.ok(sectionTexts(slug).includes('Check yourself'), 'check-yourself questions');
    const questions = chapter.components.filter((c) => c.name === 'details');
    assert.ok(questions.length >= 3, 'at least three questions');
    assert.ok(chapter.quotes.length > 0, 'the engine source quoted');
    const figure = chapter.figures.find((f) => f.importedFrom === `../../src/figures/${f.name}.astro`);
    assert.ok(figure, 'an interactive figure, imported and placed');
    assert.ok(chapter.exercises.length >= 2, 'at least two coding exercises');
    const box = chapter.components.find((c) => c.name === 'ArticleSays');
    assert.ok(box, 'the box: what the article says, and what the code shows');
    for (const part of ['The article’s analogy', 'Where it holds', 'Where it breaks', 'What the code shows']) assert.ok(box.text.includes(part), `the box says: ${part}`);
  });
}

test('the introduction and the closing chapter have their required parts', () => {
  const intro = book.get('introduction')!;
  assert.ok(
    intro.components.some((c) => c.name === 'ComponentMap'),
    'the seven components in one picture',
  );
  assert.ok(sectionTexts('introduction').includes('How to use this site'), 'how to use the site');
  assert.ok(
    intro.cells.some((c) => c.id === 'pipeline'),
    'a cell that runs the whole pipeline',
  );
  const closing = book.get('what-it-reveals')!;
  const lessons = ['completes patterns', 'compression of its training data', 'Confidence is not knowledge', 'stateless'];
  const top = closing.sections.filter((s) => s.depth === 2);
  for (const lesson of lessons) {
    const at = top.findIndex((s) => s.text.includes(lesson));
    assert.ok(at !== -1, `a section on: ${lesson}`);
    const [from, to] = [top[at].place.line, top[at + 1]?.place.line ?? Infinity];
    assert.ok(
      closing.cells.some((c) => c.line > from && c.line < to),
      `an experiment (a cell) for: ${lesson}`,
    );
  }
});

// "Numbers are never invented": every number in a chapter's prose is printed by a checked cell on
// the same page, sits in the engine code the page quotes, or comes from content/reference/.
test('every number in the prose is printed by a cell on its page, quoted from the engine, or in the reference', async () => {
  const { checkChapterNumbers, referenceFacts } = await import('../../literate/build/numbers.ts');
  const { readEngineFile, regionLines } = await import('../../literate/build/regions.ts');
  const referenceDir = resolve(import.meta.dirname, '..', '..', '..', 'content', 'reference');
  const names = ['microgpt-default.json', 'microgpt-default.txt', 'microgpt-names.json', 'microgpt-names.txt'];
  const facts = referenceFacts(Object.fromEntries(names.map((n) => [n, readFileSync(join(referenceDir, n), 'utf8')])));
  const region = (file: string, name: string) =>
    regionLines(readEngineFile(file.replace(/\.ts$/, '')), name)
      .map((l) => l.text)
      .join('\n');
  const problems = [...book.values()].flatMap((chapter) => checkChapterNumbers(chapter, { region, facts }));
  assert.deepEqual(problems, [], `${problems.length} unbacked numbers:\n${problems.join('\n')}`);
});

// The cells that teach the machine learning beside the engine: each is run and checked at build.
test('the teaching cells exist where the book explains them', () => {
  const cells: [string, string][] = [
    ['dataset', 'bigram-baseline'],
    ['autograd', 'one-weight'],
    ['gpt', 'gpt2-scale'],
    ['training', 'loss-windows'],
    ['training', 'held-out-loss'],
    ['training', 'overfitting'],
    ['inference', 'prompt-continuation'],
    ['inference', 'top-k-top-p'],
    ['what-it-reveals', 'calibration'],
  ];
  for (const [slug, id] of cells) {
    const cell = book.get(slug)!.cells.find((c) => c.id === id);
    assert.ok(cell, `${slug} has the cell ${id}`);
    assert.ok(cell.expected !== null && cell.expected.trim() !== '?', `${slug}/${id} has its expected output written beside it`);
  }
});
