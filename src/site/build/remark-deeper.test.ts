import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { parseChapter } from '../../book/build/book.ts';
import { h2Ranges } from '../../book/build/core-path.ts';
import { sectionMinutes } from '../../book/build/reading-time.ts';
import { syntaxPlugins } from '../../course/build/syntax.ts';
import { deeperMark, remarkDeeper } from './remark-deeper.ts';

const body = [
  'Before any heading.',
  '',
  '## The core',
  '',
  'Needed on a first reading.',
  '',
  '## Why it works',
  '',
  'A derivation, '.repeat(150),
  '',
  '$$',
  'x^2',
  '$$',
  '',
  '### A step of it',
  '',
  'More of it.',
  '',
  '## Recap',
  '',
  'The end.',
].join('\n');
const path = `${process.cwd()}/content/chapters/fold.mdx`;

// the chapter through MDX as Astro runs it: the page without its frontmatter, the frontmatter beside it,
// the ids given to headings afterwards; what reaches the page, as HTML
async function fold(deeper: string[]): Promise<{ html: string; headings: string[] }> {
  let html = '';
  const headings: string[] = [];
  const capture = () => (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (/^h[2-6]$/.test(node.tagName)) headings.push(String(node.properties.id));
    });
    html = toHtml({ type: 'root', children: tree.children.filter((n) => n.type === 'element') });
  };
  await compile({ value: body, path, data: { astro: { frontmatter: { deeper } } } }, { remarkPlugins: [...syntaxPlugins, remarkDeeper], rehypePlugins: [rehypeHeadingIds, capture], jsx: true });
  return { html, headings };
}

test('a deeper section is folded below its h2, up to the next h2, in <details class="deeper"> whose summary gives its time; the h2 stays a heading of the page', async () => {
  const { html, headings } = await fold(['why-it-works']);
  const chapter = parseChapter('fold', `---\ntitle: Fold\n---\n${body}`);
  const minutes = sectionMinutes(chapter, h2Ranges(chapter)[1]);
  assert.ok(minutes >= 1);
  const folded = /<h2 id="why-it-works">Why it works<\/h2>\s*<details class="deeper">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
  assert.match(folded, new RegExp(`^<summary>${deeperMark(minutes)}</summary>`));
  assert.match(folded, /A derivation,/);
  assert.match(folded, /math-display">x\^2</);
  assert.match(folded, /<h3 id="a-step-of-it">A step of it<\/h3>/);
  assert.doesNotMatch(folded, /Recap|The core/);
  assert.match(html, /<\/details>\s*<h2 id="recap">Recap<\/h2>/);
  assert.match(html, /<h2 id="the-core">The core<\/h2>\s*<p>Needed on a first reading.<\/p>\s*<h2 id="why-it-works">/);
  // no heading inside a summary, whose contents are a button's: the h2 stays in the page's outline
  assert.doesNotMatch(html, /<summary>(?:(?!<\/summary>)[^])*<h\d/);
  // every heading keeps its id, for the links and the table of contents
  assert.deepEqual(headings, ['the-core', 'why-it-works', 'a-step-of-it', 'recap']);
});

test('a chapter with no deeper sections is left as it was', async () => {
  const { html } = await fold([]);
  assert.doesNotMatch(html, /<details/);
});

test('an unknown slug fails with the file, the field and the slug', async () => {
  await assert.rejects(fold(['why-it-work']), /content\/chapters\/fold\.mdx: deeper: "why-it-work" is not one of its h2 sections \(the-core, why-it-works, recap\)/);
});
