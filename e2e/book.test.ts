// npm run book on the built site (about 20 s on a quiet machine): the PDF is tagged, its outline
// has one top-level entry per chapter and the answers, its pages are numbered, it holds a cell's
// book output, and /print/ loads with no console error or failed request; a handout of one chapter
// holds that chapter only. Read with poppler's pdfinfo, pdftotext and pdftohtml where installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { loadBook } from '../src/book/build/book.ts';
import { predictedBy } from '../src/cells/build/remark.ts';

const root = resolve(import.meta.dirname, '..');
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined;
const skip = poppler ? false : 'poppler-utils (pdfinfo, pdftotext, pdftohtml) is not installed';
const tmp = mkdtempSync(join(tmpdir(), 'microgpt-book-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const words = (text: string) => text.replace(/\s+/g, '');
const book = loadBook();

// the top-level titles of the PDF's outline, from pdftohtml's XML
function outline(pdf: string): string[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', pdf]).stdout;
  const titles: string[] = [];
  let depth = 0;
  for (const [tag, title] of xml.slice(xml.indexOf('<outline>')).matchAll(/<outline>|<\/outline>|<item[^>]*>([^<]*)<\/item>/g)) {
    if (tag === '<outline>') depth++;
    else if (tag === '</outline>') depth--;
    else if (depth === 1) titles.push(title);
    if (depth === 0) break;
  }
  return titles;
}

function makeBook(name: string, args: string[]): { pdf: string; pages: number } {
  const pdf = join(tmp, name);
  const made = run(process.execPath, ['scripts/book.ts', '--out', pdf, ...args]);
  assert.equal(made.status, 0, made.stderr);
  assert.equal(made.stderr, '', 'the page loads with no console error and no failed request');
  console.log(made.stdout.trim());
  const info = run('pdfinfo', [pdf]).stdout;
  assert.match(info, /^Tagged:\s+yes$/m);
  return { pdf, pages: Number(/^Pages:\s+(\d+)$/m.exec(info)![1]) };
}

test("npm run book writes the book as one tagged PDF: an outline entry per chapter and the answers, page numbers, a cell's book output", { skip }, () => {
  const { pdf, pages } = makeBook('book.pdf', []);
  assert.ok(pages > book.length * 5, `${pages} pages`);
  const titles = outline(pdf).map(words);
  assert.deepEqual(
    book.map((c) => c.title).filter((title) => !titles.includes(words(title))),
    [],
  );
  assert.ok(titles.includes(words('Answers to the checkpoints')));
  assert.match(run('pdftotext', ['-f', '2', '-l', '2', pdf, '-']).stdout, new RegExp(`\\b2 / ${pages}\\b`), 'page numbers in the footer');
  // a cell no checkpoint asks about: one that is asked about keeps its output folded away, in print too
  const tokenizer = book.find((c) => c.slug === 'tokenizer')!;
  const cell = tokenizer.cells.find((c) => c.expected?.trim() && predictedBy(tokenizer, c.id).length === 0)!;
  const last = cell.expected?.trim().split('\n').at(-1) ?? '';
  assert.ok(last && words(run('pdftotext', [pdf, '-']).stdout).includes(words(last)), `the PDF holds the cell's output "${last}"`);
});

test('--chapters makes a handout of those chapters only; --no-answers leaves the answers out', { skip }, () => {
  const { pdf } = makeBook('handout.pdf', ['--chapters', 'tokenizer', '--no-answers']);
  const chapterTitles = new Set(book.map((c) => words(c.title)));
  assert.deepEqual(
    outline(pdf).filter((title) => chapterTitles.has(words(title)) || title.includes('Answers')),
    [book.find((c) => c.slug === 'tokenizer')!.title],
  );
});
