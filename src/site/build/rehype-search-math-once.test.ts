import assert from 'node:assert/strict';
import { test } from 'node:test';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeSearchMathOnce } from './rehype-search-math-once.ts';

test("both of KaTeX's copies of a formula are kept out of the search index, which gets its TeX as plain text", async () => {
  const html = String(await unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex).use(rehypeSearchMathOnce).use(rehypeStringify).process('The loss is $(p-3)^2$.'));
  assert.match(html, /<span class="katex-mathml" data-pagefind-ignore="">/);
  assert.match(html, /<span class="katex-html"[^>]*data-pagefind-ignore=""/);
  assert.match(html, /<span class="katex-search" aria-hidden="true"> \(p-3\)\^2 <\/span>/);
});
