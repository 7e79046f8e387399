// What the reader gives the playground to train on: each way it can be unusable has its message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocs } from '../../../engine/src/dataset.ts';
import { MAX_TEXT_BYTES } from './limits.ts';
import { loadSource, readBytes, readText, summarize } from './dataset-input.ts';

test('text is read as microgpt reads input.txt: a document per non-blank line, stripped', () => {
  const text = '  ada \r\n\r\nbo\rcy\n\n';
  assert.deepEqual(readText(text, 'the pasted text'), parseDocs(text));
  assert.deepEqual(readText(text, 'x'), ['ada', 'bo', 'cy']);
  assert.deepEqual(summarize(['ada', 'bo']), { numDocs: 2, uchars: ['a', 'b', 'd', 'o'], heldOut: 0 });
  assert.equal(summarize(loadSource({ kind: 'names' })).heldOut, 842);
});

test('empty or blank text says there is nothing to train on', () => {
  assert.throws(() => readText('', 'the pasted text'), { name: 'DatasetError', message: 'the pasted text has no documents: every line is empty or whitespace' });
  assert.throws(() => readText(' \n\t\n', 'the pasted text'), { message: /has no documents/ });
});

test('binary: a NUL, bytes that are not UTF-8, the replacement character, a control character', () => {
  assert.throws(() => readBytes(new Uint8Array([0x61, 0x0a, 0x00, 0x01]), 'photo.png'), {
    message: 'photo.png looks binary (a NUL byte at offset 2); expected a UTF-8 text file, one document per line',
  });
  assert.throws(() => readBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'latin1.txt'), { message: 'latin1.txt is not UTF-8 text; expected a UTF-8 text file, one document per line' });
  assert.throws(() => readText('ab\u0000c', 'the pasted text'), { message: /looks binary \(it holds a NUL character\)/ });
  assert.throws(() => readText('ab\n\ufffd\ufffd', 'the pasted text'), { message: /looks binary \(it holds U\+FFFD/ });
  assert.throws(() => readText('ann\nbo\u0007b', 'the pasted text'), { message: 'the pasted text holds the control character U+0007 on line 2; expected text, one document per line' });
  assert.deepEqual(readText('a\tb\n\x1cc', 'x'), ['a\tb', 'c'], 'what Python strips as whitespace is not binary');
});

test('oversized text is refused before it is parsed, by bytes as well as characters', () => {
  const big = 'a\n'.repeat(MAX_TEXT_BYTES / 2 + 1);
  assert.throws(() => readText(big, 'the pasted text'), { message: 'the pasted text is over 2,000,000 bytes; the playground reads at most 2,000,000 (2 MB, about 200,000 names)' });
  const wide = 'é'.repeat(MAX_TEXT_BYTES / 2 + 1); // fewer characters than the limit, more bytes
  assert.throws(() => readText(wide, 'the pasted text'), { message: 'the pasted text is 2,000,002 bytes; the playground reads at most 2,000,000 (2 MB, about 200,000 names)' });
  assert.throws(() => readBytes(new Uint8Array(MAX_TEXT_BYTES + 1), 'huge.txt'), { message: /^huge.txt is 2,000,001 bytes;/ });
});
