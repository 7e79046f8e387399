// npm run book on the built site, for two chapters (the whole book takes minutes on a busy machine;
// the same code prints it): the PDF is tagged, its outline has one top-level entry per chapter
// printed (and none for the others) and the answers, its pages are numbered, and it holds a cell's
// book output. Read with poppler's pdfinfo, pdftotext and pdftohtml where they are installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { loadBook } from '../src/book/build/book.ts';

const root = resolve(import.meta.dirname, '..');
const poppler = spawnSync('pdfinfo', ['-v']).error === undefined;
const tmp = mkdtempSync(join(tmpdir(), 'microgpt-book-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

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
const words = (text: string) => text.replace(/\s+/g, '');

test(
  'npm run book writes a tagged PDF with an outline entry per chapter, page numbers and the book output of a cell',
  { skip: poppler ? false : 'poppler-utils (pdfinfo, pdftotext, pdftohtml) is not installed' },
  () => {
    const book = loadBook();
    const chosen = book.filter((c) => c.slug === 'introduction' || c.slug === 'tokenizer');
    const pdf = join(tmp, 'book.pdf');
    const made = run(process.execPath, ['scripts/book.ts', '--out', pdf, '--chapters', chosen.map((c) => c.slug).join(',')]);
    assert.equal(made.status, 0, made.stderr);
    console.log(made.stdout.trim());

    const info = run('pdfinfo', [pdf]).stdout;
    assert.match(info, /^Tagged:\s+yes$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    assert.ok(pages > chosen.length, `${pages} pages`);

    const titles = outline(pdf).map(words);
    for (const chapter of book) assert.equal(titles.includes(words(chapter.title)), chosen.includes(chapter), `outline entry for "${chapter.title}"`);
    assert.ok(titles.includes(words('Answers to the checkpoints')));

    const second = run('pdftotext', ['-f', '2', '-l', '2', pdf, '-']).stdout;
    assert.match(second, new RegExp(`\\b2 / ${pages}\\b`), 'page numbers in the footer');
    const cell = chosen.find((c) => c.slug === 'tokenizer')!.cells.find((c) => c.id === 'vocabulary-table')!;
    const text = run('pdftotext', [pdf, '-']).stdout;
    assert.ok(cell.expected && words(text).includes(words(cell.expected.trim().split('\n').at(-1)!)), `the PDF holds the cell's output "${cell.expected?.trim().split('\n').at(-1)}"`);
  },
);
