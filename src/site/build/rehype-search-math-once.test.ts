import assert from 'node:assert/strict';
import { test } from 'node:test';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeSearchMathOnce } from './rehype-search-math-once.ts';

test('the MathML copy of a formula is kept out of the search index, the HTML copy is not', async () => {
  const html = String(await unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex).use(rehypeSearchMathOnce).use(rehypeStringify).process('The loss is $-\\ln p$.'));
  assert.match(html, /<span class="katex-mathml" data-pagefind-ignore="">/);
  assert.doesNotMatch(html, /class="katex-html"[^>]*data-pagefind-ignore/);
});
