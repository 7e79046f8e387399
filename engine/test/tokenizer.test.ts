import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tokenizer } from '../src/tokenizer.ts';

test('the vocabulary: unique characters sorted, then BOS', () => {
  const t = new Tokenizer(['emma', 'bob']);
  assert.deepEqual(t.uchars, ['a', 'b', 'e', 'm', 'o']);
  assert.equal(t.BOS, 5);
  assert.equal(t.vocabSize, 6);
  assert.deepEqual(t.encode('mob'), [3, 4, 1]);
});

test('characters are code points, sorted as Python sorts them', () => {
  // U+FF21 sorts before U+1F600 by code point, though after it by UTF-16 unit
  const t = new Tokenizer(['😀Ａ', 'z𝒜']);
  assert.deepEqual(t.uchars, ['z', 'Ａ', '𝒜', '😀']);
  assert.equal(t.vocabSize, 5);
  assert.deepEqual(t.encode('😀z'), [3, 0]);
});

test('encode and decode round-trip non-ASCII text', () => {
  const docs = ['zoë', 'Łukasz', '李小龙', '𠀋子', 'jo😀y', 'Ἀλέξανδρος'];
  const t = new Tokenizer(docs);
  for (const doc of docs) {
    const ids = t.encode(doc);
    assert.equal(ids.length, [...doc].length);
    assert.equal(t.decode(ids), doc);
    assert.equal(t.decode([t.BOS, ...ids, t.BOS]), doc);
  }
});

test('an unknown character is a clear error', () => {
  const t = new Tokenizer(['ana']);
  assert.throws(() => t.encode('anna!'), /unknown character "!" \(U\+0021\) at position 4 of "anna!"/);
  assert.throws(() => t.encode('a😀'), /\(U\+1F600\) at position 1/);
  assert.throws(() => t.decode([7]), /unknown token id 7/);
});
