// The parsed book kept on disk (book-cache.ts) is the book: read back, it is what a parse makes; a
// process loads it from there; an edit to a chapter or to the reader's code makes a new entry; and
// an entry that cannot be read is parsed again.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { bookCacheDir, bookKey, readCachedBook, readerHash, writeCachedBook } from './book-cache.ts';
import { chapterFiles, loadBook, parseChapter } from './book.ts';
import { chapter as chapterOf } from './fixtures.ts';

const chapter = chapterOf('Some text.');

const repo = resolve(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'book-cache-'));
// the entries made for this test's own chapters go with it: the cache keeps only a few
const made: string[] = [];
const tmpKey = (dir: string) => {
  const key = bookKey(chapterFiles(dir));
  made.push(join(bookCacheDir, `${key}.bin`));
  return key;
};
after(() => {
  rmSync(tmp, { recursive: true, force: true });
  for (const entry of made) rmSync(entry, { force: true });
});

// where two models first differ: a field, an item, or a node shared in one and not in the other;
// null when every field of every node is the same (prototypes aside: V8 keeps plain data only)
function firstDifference(a: unknown, b: unknown, path = 'book', pairs = new Map<object, unknown>()): string | null {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? null : `${path}: ${String(a)} != ${String(b)}`;
  if (pairs.has(a)) return pairs.get(a) === b ? null : `${path}: shared in one, not in the other`;
  pairs.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: an array in one only`;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  if (ka.join() !== kb.join()) return `${path}: fields ${ka.join()} != ${kb.join()}`;
  for (const k of ka) {
    const found = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, pairs);
    if (found) return found;
  }
  return null;
}

const parseAll = (dir?: string) => chapterFiles(dir).map(({ slug, text, file }) => parseChapter(slug, text, file));

test('the book read back from the disk is the book a parse makes, field for field', () => {
  const files = chapterFiles();
  const parsed = parseAll();
  const key = bookKey(files);
  writeCachedBook(key, parsed);
  const read = readCachedBook(key);
  assert.ok(read, `an entry in ${bookCacheDir}`);
  assert.deepEqual(
    read.map((c) => c.slug),
    parsed.map((c) => c.slug),
  );
  assert.equal(firstDifference(read, parsed), null);
  assert.match(String(firstDifference(read, [{ ...parsed[0], title: 'another' }, ...parsed.slice(1)])), /^book\.0\.title: /);
});

test("loadBook takes the disk's entry, and parses a chapter again once its text changes", () => {
  const dir = join(tmp, 'chapters');
  mkdirSync(dir);
  writeFileSync(join(dir, 'one.mdx'), chapter);
  const [parsed] = parseAll(dir);
  // an entry that says something the text does not: only a book read from the disk can say it
  writeCachedBook(tmpKey(dir), [{ ...parsed, title: 'from the disk' }]);
  assert.equal(loadBook(dir)[0].title, 'from the disk');
  writeFileSync(join(dir, 'one.mdx'), chapter.replace(/^title: .*$/m, 'title: "Edited"'));
  assert.equal(loadBook(dir)[0].title, 'Edited');
  // and the next process finds the edited book on the disk
  assert.equal(readCachedBook(tmpKey(dir))?.[0].title, 'Edited');
});

test('an entry that cannot be read is a miss: the chapter is parsed, and the entry made again', () => {
  const dir = join(tmp, 'corrupt');
  mkdirSync(dir);
  writeFileSync(join(dir, 'one.mdx'), chapter);
  const key = tmpKey(dir);
  mkdirSync(bookCacheDir, { recursive: true });
  writeFileSync(join(bookCacheDir, `${key}.bin`), 'not a serialized book');
  assert.equal(readCachedBook(key), null);
  assert.equal(loadBook(dir)[0].title, parseAll(dir)[0].title);
  assert.ok(readCachedBook(key), 'made again');
});

test("an edit to the reader's code changes the key; an edit to code it does not reach does not", () => {
  const copy = (name: string) => {
    const root = join(tmp, name);
    cpSync(join(repo, 'src'), join(root, 'src'), { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
    return root;
  };
  const [a, b] = [copy('a'), copy('b')];
  const before = readerHash(a);
  assert.equal(readerHash(b), before, 'two copies of the same code: the same key');
  appendFileSync(join(b, 'src', 'cells', 'build', 'check.ts'), '\n// not read by the book\n');
  assert.equal(readerHash(b), before);
  appendFileSync(join(b, 'src', 'cells', 'build', 'read.ts'), '\n// read by the book\n');
  assert.notEqual(readerHash(b), before);
  const files = chapterFiles();
  assert.notEqual(bookKey(files, readerHash(b)), bookKey(files, before));
});
