import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { chapterSchema, chapterSlugs, chaptersInOrder } from './chapters.ts';

const dir = resolve(import.meta.dirname, '..', '..', 'content', 'chapters');
const frontmatter = (slug: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, `${slug}.mdx`), 'utf8'))![1]);

test('the nine chapters exist, and their order is the reading order', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
  assert.deepEqual([...files].sort(), [...chapterSlugs].sort());
  assert.deepEqual(chaptersInOrder(dir), [...chapterSlugs]);
  assert.deepEqual(chapterSlugs.map((s) => frontmatter(s).order), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
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
  const components = chapterSlugs.filter((s) => s !== 'introduction' && s !== 'what-it-reveals');
  for (const slug of components) {
    const data = chapterSchema.parse(frontmatter(slug));
    assert.ok(data.modules.length > 0, slug);
    assert.ok(data.seedLines !== undefined, slug);
  }
});

// The parts every component chapter must keep, so that none is lost silently in an edit.
const withMath = ['autograd', 'gpt', 'adam', 'training', 'inference'];
for (const slug of ['dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference']) {
  test(`the ${slug} chapter has its required parts`, async () => {
    const { extractCells } = await import('./cells/extract.ts');
    const text = readFileSync(join(dir, `${slug}.mdx`), 'utf8');
    const body = text.replace(/^---[\s\S]*?---/, '');
    assert.match(body, /^## An analogy/m, 'an analogy');
    assert.match(body.split('\n').find((l) => l.trim() !== '' && !l.startsWith('import ')) ?? '', /^[A-Z]/, 'a plain-language opening paragraph');
    if (withMath.includes(slug)) assert.match(body, /^\$\$$/m, 'display math');
    assert.ok(extractCells(slug, text).length >= 4, 'at least four cells');
    assert.match(body, /^## Check yourself/m, 'check-yourself questions');
    assert.ok((body.match(/<details class="check">/g) ?? []).length >= 3, 'at least three questions');
    assert.match(body, /<Source file=/, 'the engine source quoted');
    const figure = /^import (\w+Figure) from '\.\.\/\.\.\/src\/components\/figures\/\1\.astro';$/m.exec(body);
    assert.ok(figure && body.includes(`<${figure[1]} />`), 'an interactive figure, imported and placed');
    const { extractExercises } = await import('./exercises/extract.ts');
    assert.ok(extractExercises(slug, text).length >= 2, 'at least two coding exercises');
  });
}

test('the introduction and the closing chapter have their required parts', async () => {
  const { extractCells } = await import('./cells/extract.ts');
  const intro = readFileSync(join(dir, 'introduction.mdx'), 'utf8');
  assert.ok(intro.includes('<ComponentMap />'), 'the seven components in one picture');
  assert.match(intro, /^## How to use this site/m, 'how to use the site');
  assert.ok(extractCells('introduction', intro).some((c) => c.id === 'pipeline'), 'a cell that runs the whole pipeline');
  const closing = readFileSync(join(dir, 'what-it-reveals.mdx'), 'utf8');
  const lessons = ['completes patterns', 'compression of its training data', 'Confidence is not knowledge', 'stateless'];
  const sections = closing.split(/^## /m).slice(1);
  for (const lesson of lessons) {
    const section = sections.find((s) => s.split('\n')[0].includes(lesson));
    assert.ok(section, `a section on: ${lesson}`);
    assert.match(section, /^```ts cell /m, `an experiment (a cell) for: ${lesson}`);
  }
});

// "Numbers are never invented": every number in a chapter's prose is printed by a checked cell on
// the same page, sits in the engine code the page quotes, or comes from content/reference/.
test('every number in the prose is printed by a cell on its page, quoted from the engine, or in the reference', async () => {
  const { checkChapterNumbers, referenceFacts } = await import('./literate/numbers.ts');
  const { readEngineFile, regionLines } = await import('./literate/regions.ts');
  const referenceDir = resolve(import.meta.dirname, '..', '..', 'content', 'reference');
  const names = ['microgpt-default.json', 'microgpt-default.txt', 'microgpt-names.json', 'microgpt-names.txt'];
  const facts = referenceFacts(Object.fromEntries(names.map((n) => [n, readFileSync(join(referenceDir, n), 'utf8')])));
  const region = (file: string, name: string) => regionLines(readEngineFile(file.replace(/\.ts$/, '')), name).map((l) => l.text).join('\n');
  const problems = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((f) => checkChapterNumbers(`content/chapters/${f}`, readFileSync(join(dir, f), 'utf8'), { region, facts }));
  assert.deepEqual(problems, [], `${problems.length} unbacked numbers:\n${problems.join('\n')}`);
});
