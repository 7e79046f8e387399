// Checks of the built site itself (npm run build first): internal links, and the JavaScript budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenLinks } from '../scripts/check-links.ts';
import { BUDGET_KB, pageWeights } from '../scripts/size.ts';
import { loadBook } from '../src/book/build/book.ts';
import { dist } from './site.ts';

test('no internal link or asset in the built site is broken', () => {
  assert.deepEqual(brokenLinks(dist), []);
});

test(`every chapter page loads at most ${BUDGET_KB} KB of JavaScript (gzip) before interaction`, () => {
  const chapters = pageWeights(dist).filter((w) => w.page.startsWith('/chapters/'));
  assert.equal(chapters.length, loadBook().length, 'a weight for every chapter');
  for (const w of chapters) assert.ok(w.bytes <= BUDGET_KB * 1024, `${w.page}: ${(w.bytes / 1024).toFixed(1)} KB`);
});

test('every section of the book model has the anchor the built page gives its heading', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { loadBook } = await import('../src/book/build/book.ts');
  for (const chapter of loadBook()) {
    const html = readFileSync(join(dist, 'chapters', chapter.slug, 'index.html'), 'utf8');
    const ids = new Set([...html.matchAll(/<h[1-6][^>]*\bid="([^"]+)"/g)].map((m) => m[1]));
    for (const section of chapter.sections) assert.ok(ids.has(section.id), `${chapter.file}:${section.place.line}: #${section.id} is not a heading id of the built page`);
  }
});

test('every cell of the book model is rendered as a cell on its page, nested ones included', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { loadBook } = await import('../src/book/build/book.ts');
  for (const chapter of loadBook()) {
    const html = readFileSync(join(dist, 'chapters', chapter.slug, 'index.html'), 'utf8');
    const rendered = [...html.matchAll(/data-cell-id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      rendered,
      chapter.cells.map((c) => c.id),
      chapter.file,
    );
    for (const e of chapter.exercises) assert.ok(html.includes(`id="exercise-${e.id}"`), `${chapter.file}: exercise ${e.id}`);
  }
});

// A line break between text and a link in an .astro template is no space in the page (JSX's rule):
// "and<a>microgpt.py</a>" reads "andmicrogpt.py". The space must be written, {' '}.
test('no word runs into the link, bold or code after it: the space between them is in the built page', async () => {
  const { readFileSync } = await import('node:fs');
  const { htmlFiles } = await import('../scripts/built-site.ts');
  const joined: string[] = [];
  for (const file of htmlFiles(dist).filter((f) => !f.includes('/pagefind/'))) {
    const text = readFileSync(file, 'utf8').replace(/<(script|style|pre|svg|math)\b[\s\S]*?<\/\1>/g, '');
    for (const m of text.matchAll(/[\p{L},.;:!?]<(a|strong|b|em|i|code|kbd)\b[^>]*>[\p{L}\d]/gu)) joined.push(`${file.slice(dist.length)}: …${text.slice(m.index - 30, m.index + m[0].length + 20)}…`);
  }
  assert.deepEqual(joined, []);
});

test('a cell a checkpoint asks about keeps its book output folded away until the reader shows it (or answers, in the page)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const asked = loadBook().flatMap((chapter) => chapter.checkpoints.flatMap((c) => (c.source && 'cell' in c.source ? [{ slug: chapter.slug, cell: c.source.cell }] : [])));
  assert.ok(
    asked.some((a) => a.slug === 'tokenizer' && a.cell === 'vocabulary-table'),
    'the tokenizer asks about vocabulary-table',
  );
  for (const { slug, cell } of asked) {
    const html = readFileSync(join(dist, 'chapters', slug, 'index.html'), 'utf8');
    const start = html.indexOf(`data-cell-id="${cell}"`);
    const output = /<section class="cell-output"[^>]*>\s*(<[^>]*>)/.exec(html.slice(start));
    assert.ok(output, `${slug}: cell ${cell} has an output`);
    assert.match(output[1], /^<details class="cell-withheld"(?![^>]*\bopen\b)/, `${slug}: cell ${cell}'s output is shown before the question about it is answered`);
  }
});
