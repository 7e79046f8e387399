import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatasetError, decodeText, defaultDatasetText, loadDocs, parseDocs, strip } from '../src/dataset.ts';
import { Tokenizer } from '../src/tokenizer.ts';
import { fixtureJson } from './helpers.ts';

const reference = fixtureJson('reference/microgpt-default.json');

test("strip() removes exactly Python's whitespace", () => {
  assert.equal(strip('\x1c\x1d\x1e\x1f\x85\xa0\u3000 ana \t\u2028'), 'ana');
  assert.equal(strip('\ufeffana'), '\ufeffana'); // Python keeps U+FEFF; JavaScript's trim() would not
  assert.equal(strip('\u200bana'), '\u200bana'); // zero-width space is not whitespace
  assert.equal(strip(' \n '), '');
});

test('parseDocs: lines stripped, blank ones dropped, any line ending', () => {
  assert.deepEqual(parseDocs('ana\r\nbob\rcy\n\n  \n dee \n'), ['ana', 'bob', 'cy', 'dee']);
  assert.deepEqual(parseDocs(''), []);
  assert.deepEqual(parseDocs('one'), ['one']);
  assert.deepEqual(parseDocs('a b\u2028c'), ['a b\u2028c']); // only \n, \r\n and \r end a line
});

test('decodeText reads UTF-8 and keeps a BOM, as Python does', () => {
  const bytes = new TextEncoder().encode('\ufeffzoë\n😀\n');
  assert.equal(decodeText(bytes), '\ufeffzoë\n😀\n');
});

test('a binary file is refused with a clear message', () => {
  assert.throws(
    () => decodeText(new Uint8Array([0x61, 0x00, 0x62]), 'x.bin'),
    (e: Error) => e instanceof DatasetError && /x\.bin looks binary \(a NUL byte at offset 1\)/.test(e.message),
  );
  assert.throws(() => decodeText(new Uint8Array([0x61, 0xff, 0xfe]), 'y.dat'), /y\.dat is not UTF-8 text/);
});

test('a dataset with no documents is refused with a clear message', () => {
  assert.throws(() => loadDocs('\n  \r\n\t', 'empty.txt'), /empty\.txt has no documents/);
  assert.throws(() => loadDocs(''), /has no documents/);
});

test('the default dataset is the one microgpt-default.* was made from', () => {
  const docs = loadDocs(defaultDatasetText());
  assert.equal(docs.length, reference.num_docs);
  assert.equal(new Tokenizer(docs).uchars.join(''), reference.uchars);
  const text = defaultDatasetText();
  assert.ok(text.endsWith('\n') && !text.includes('\r'));
  assert.deepEqual([...docs].sort(), docs, 'sorted');
  assert.equal(new Set(docs).size, docs.length, 'no duplicates');
});
