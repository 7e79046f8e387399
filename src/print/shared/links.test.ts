import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookHref, bookLinks, openDeeper } from './links.ts';

const chapters = new Set(['dataset', 'gpt', 'tokenizer']);

test('a link to a chapter goes to the chapter in the book; to the same chapter, to its section', () => {
  assert.equal(bookHref('../dataset/', 'gpt', chapters), '#chapter-dataset');
  assert.equal(bookHref('../dataset/#the-names', 'gpt', chapters), '#chapter-dataset');
  assert.equal(bookHref('/chapters/tokenizer/', 'gpt', chapters), '#chapter-tokenizer');
  assert.equal(bookHref('../gpt/#attention', 'gpt', chapters), '#attention');
  assert.equal(bookHref('#attention', 'gpt', chapters), '#attention');
});

test('another page of the site keeps its path; a link off the site is untouched', () => {
  assert.equal(bookHref('../../engine/value/#backward', 'gpt', chapters), '/engine/value/#backward');
  assert.equal(bookHref('../../playground/?steps=50', 'gpt', chapters), '/playground/?steps=50');
  assert.equal(bookHref('../unknown/', 'gpt', chapters), '/chapters/unknown/');
  assert.equal(bookHref('https://example.org/x', 'gpt', chapters), 'https://example.org/x');
  assert.equal(bookHref('mailto:a@b.c', 'gpt', chapters), 'mailto:a@b.c');
});

test('every href of the HTML is rewritten, entities kept', () => {
  assert.equal(
    bookLinks('<a href="../dataset/">d</a> <a class="x" href="../../playground/?a=1&amp;b=2">p</a>', 'gpt', chapters),
    '<a href="#chapter-dataset">d</a> <a class="x" href="/playground/?a=1&amp;b=2">p</a>',
  );
});

test("a chapter's folded deeper sections are open in the book; other details are left as they are", () => {
  assert.equal(
    openDeeper('<h2 id="a">A</h2><details class="deeper"><summary>Deeper</summary></details><details class="check"><summary>Q</summary></details>'),
    '<h2 id="a">A</h2><details class="deeper" open><summary>Deeper</summary></details><details class="check"><summary>Q</summary></details>',
  );
  assert.equal(openDeeper('<details class="deeper" open>'), '<details class="deeper" open>');
});
