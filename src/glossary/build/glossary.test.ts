import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMath from 'remark-math';
import { parseChapterText } from '../../book/build/parse.ts';
import { compileMatcher, type GlossaryBook, GlossaryError, loadGlossary, parseGlossary, sentenceCount } from './glossary.ts';
import { linkFirstUses, remarkGlossary } from './remark.ts';

const book: GlossaryBook[] = [
  { slug: 'tokenizer', title: 'The tokenizer', sections: [{ id: 'what-it-is', text: 'What it is' }] },
  {
    slug: 'gpt',
    title: 'The GPT model',
    sections: [
      { id: 'attention', text: 'Attention' },
      { id: 'logits', text: 'Logits' },
    ],
  },
];

const entry = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v], i) => `${i === 0 ? '- ' : '  '}${k}: ${v}`)
    .join('\n');
const good = [
  entry({ id: 'token', term: 'token', also: '[tokens]', definition: 'A unit of text.', chapter: 'tokenizer', section: 'what-it-is' }),
  entry({ id: 'bos', term: 'BOS', definition: 'The special token.', chapter: 'tokenizer' }),
  entry({ id: 'logit', term: 'logit', also: '[logits]', definition: 'A raw score.', chapter: 'gpt', section: 'logits' }),
  entry({ id: 'attention', term: 'attention', also: '[attention weights]', definition: 'Looking back.', chapter: 'gpt', section: 'attention' }),
  entry({ id: 'attention-head', term: 'attention head', also: '[attention heads, heads]', definition: 'A slice of attention.', chapter: 'gpt', section: 'attention' }),
  entry({ id: 'learning-rate', term: 'learning rate', definition: 'The step size.', chapter: 'gpt' }),
  entry({ id: 'step', term: 'training step', also: '[steps]', not: '[steps back]', definition: 'One round.', chapter: 'gpt' }),
  entry({ id: 'value', term: 'Value', definition: 'An autograd node.', chapter: 'gpt' }),
  entry({ id: 'softmax', term: 'softmax', definition: 'Scores to probabilities with `exp`.', chapter: 'gpt' }),
].join('\n\n');
const terms = parseGlossary(good, 'content/glossary.yaml', book);

const problemsOf = (text: string): string[] => {
  try {
    parseGlossary(text, 'content/glossary.yaml', book);
  } catch (error) {
    assert.ok(error instanceof GlossaryError, String(error));
    return error.problems;
  }
  assert.fail('the glossary was accepted');
};

test('the course glossary is valid against the book, with 25 to 40 terms, each defined in one to three sentences', () => {
  const all = loadGlossary();
  assert.ok(all.length >= 25 && all.length <= 40, `${all.length} terms`);
  assert.equal(new Set(all.map((t) => t.id)).size, all.length);
  for (const t of all) assert.ok(sentenceCount(t.definition) <= 3, t.id);
  for (const id of ['token', 'bos', 'logit', 'softmax', 'residual-connection', 'attention-head', 'rmsnorm', 'moments', 'kv-cache', 'causal'])
    assert.ok(
      all.some((t) => t.id === id),
      id,
    );
});

test('a term keeps its fields; a missing section means the chapter itself', () => {
  assert.deepEqual(
    terms.map((t) => t.id),
    ['token', 'bos', 'logit', 'attention', 'attention-head', 'learning-rate', 'step', 'value', 'softmax'],
  );
  assert.deepEqual(
    { ...terms[0], place: undefined },
    { id: 'token', term: 'token', also: ['tokens'], not: [], definition: 'A unit of text.', chapter: 'tokenizer', section: 'what-it-is', place: undefined },
  );
  assert.equal(terms[1].section, null);
  assert.deepEqual(terms[2].place, { file: 'content/glossary.yaml', line: 13, column: 3 });
});

test('an unknown chapter or section is refused with the file, line and column of the field', () => {
  const text = [
    entry({ id: 'token', term: 'token', definition: 'A unit.', chapter: 'tokeniser' }),
    entry({ id: 'logit', term: 'logit', definition: 'A score.', chapter: 'gpt', section: 'logit' }),
  ].join('\n');
  assert.deepEqual(problemsOf(text), [
    'content/glossary.yaml:4:12: term "token": there is no chapter "tokeniser" (chapters: tokenizer, gpt)',
    'content/glossary.yaml:9:12: term "logit": chapter "gpt" has no section "logit" (sections: attention, logits)',
  ]);
});

test('other problems are refused with their place too: a missing or unknown field, a repeated id or spelling, a long definition, bad YAML', () => {
  const problems = problemsOf(
    [
      entry({ id: 'token', term: 'token', chapter: 'tokenizer' }),
      entry({ id: 'token', term: 'tokens', definition: 'Again.', chapter: 'tokenizer', colour: 'red' }),
      entry({ id: 'Logit', term: 'Token', definition: 'One. Two. Three. Four.', chapter: 'gpt' }),
    ].join('\n'),
  );
  assert.deepEqual(problems, [
    'content/glossary.yaml:1:3: term "token" needs definition:',
    'content/glossary.yaml:8:3: unknown field "colour" (fields: id, term, also, not, definition, chapter, section)',
    'content/glossary.yaml:4:7: term id "token" is used twice (first at line 1)',
    'content/glossary.yaml:9:7: term "Logit": an id is lower-case letters, digits and "-", starting with a letter',
    'content/glossary.yaml:11:15: term "Logit": a definition has one to 3 sentences; this one has 4',
    'content/glossary.yaml:10:9: term "Logit": "Token" already belongs to term "token" (line 1); a phrase can belong to one term only',
  ]);
  assert.match(problemsOf('- id: [unclosed\n')[0], /^content\/glossary\.yaml:\d+:\d+: not valid YAML/);
  assert.deepEqual(problemsOf('id: token\n'), ['content/glossary.yaml:1:1: the glossary must be a list of terms (each item "- id: …")']);
});

test('a field of the wrong shape is refused at its value: text that is not text, a list that is not a list of phrases, a phrase that starts or ends with a sign', () => {
  assert.deepEqual(
    problemsOf(
      [
        entry({ id: 'token', term: '[token]', also: 'tokens', definition: 'A unit.', chapter: 'tokenizer' }),
        entry({ id: 'logit', term: 'logit', also: '[logits, 3]', not: '["-logit"]', definition: '" "', chapter: 'gpt', section: '' }),
        '- just a term',
      ].join('\n'),
    ),
    [
      'content/glossary.yaml:2:9: term "token": term must be a non-empty string',
      'content/glossary.yaml:3:9: term "token": also must be a list of phrases, e.g. [logits]',
      'content/glossary.yaml:8:9: term "logit": also must be a list of phrases, e.g. [logits]',
      'content/glossary.yaml:9:8: term "logit": "-logit" must start and end with a letter or digit',
      'content/glossary.yaml:10:15: term "logit": definition must be a non-empty string',
      'content/glossary.yaml:13:3: each term must be a map with id, term, definition and chapter',
    ],
  );
});

test('a use is a whole word; lower-case spellings match any case, capitalised ones only as written', () => {
  const uses = (text: string) =>
    compileMatcher(terms)
      .uses(text)
      .map((u) => `${text.slice(u.start, u.end)}=${u.term.id}${u.counts ? '' : ' (not)'}`);
  assert.deepEqual(uses('Tokens, a tokenizer, retoken, token’s id'), ['Tokens=token', 'token=token']);
  assert.deepEqual(uses('BOS, bos, Bos'), ['BOS=bos']);
  assert.deepEqual(uses('A Value, a value, the Values'), ['Value=value']);
  assert.deepEqual(uses('Softmax and SOFTMAX'), ['Softmax=softmax', 'SOFTMAX=softmax']);
});

test('the longest spelling wins where several start together, space and hyphen are alike, and a `not` phrase is no use', () => {
  const uses = (text: string) =>
    compileMatcher(terms)
      .uses(text)
      .map((u) => `${text.slice(u.start, u.end)}=${u.term.id}${u.counts ? '' : ' (not)'}`);
  assert.deepEqual(uses('4 attention heads use attention weights, then attention'), ['attention heads=attention-head', 'attention weights=attention', 'attention=attention']);
  assert.deepEqual(uses('the learning-rate schedule, the learning\nrate'), ['learning-rate=learning-rate', 'learning\nrate=learning-rate']);
  assert.deepEqual(uses('This chapter steps back, then 1000 steps'), ['steps back=step (not)', 'steps=step']);
});

const chapter = [
  '---',
  'title: "T"',
  '---',
  "import { Aside } from '@astrojs/starlight/components';",
  '',
  '## Logits and tokens',
  '',
  'A `token` in code, a [token in a link](../x/), $token$ in math, then the first token and the second token.',
  '',
  '```ts',
  'const logits = [];',
  '```',
  '',
  '<details class="check">',
  '<summary>What is a logit?</summary>',
  '',
  'A logit is a raw score.',
  '',
  '</details>',
  '',
  '<Aside type="tip" title="softmax">',
  '',
  'The softmax of the logits: steps back.',
  '',
  '</Aside>',
  '',
  'More logits, more softmax.',
].join('\n');

test('in a chapter, the first use of each term in prose is linked and later ones are not; headings, code, links, math and summaries are skipped', () => {
  const tree = parseChapterText(chapter, 'content/chapters/t.mdx') as Root;
  const linked = linkFirstUses(tree, compileMatcher(terms));
  assert.deepEqual(
    linked.map((t) => t.id),
    ['token', 'logit', 'softmax'],
  );
  const found: { text: string; line: number; parent: string }[] = [];
  const walk = (node: { type: string; children?: unknown[]; position?: { start: { line: number } } }, parent: string, line: number) => {
    if (node.type === 'glossaryTerm') found.push({ text: toString(node.children![0] as Root), line, parent });
    for (const c of (node.children ?? []) as (typeof node)[]) walk(c, node.type === 'mdxJsxFlowElement' ? (node as unknown as { name: string }).name : parent, c.position?.start.line ?? line);
  };
  walk(tree, 'root', 1);
  // "token" in the paragraph after the code, link and math; "logit" in the answer, not the summary; "softmax" inside the Aside, not its title
  assert.deepEqual(found, [
    { text: 'token', line: 8, parent: 'root' },
    { text: 'logit', line: 17, parent: 'details' },
    { text: 'softmax', line: 23, parent: 'Aside' },
  ]);
});

test('the MDX it compiles to: a link to the glossary named by its term, described by a role="tooltip" definition, and the Escape script once', async () => {
  const path = `${process.cwd()}/content/chapters/t.mdx`;
  const js = String(await compile({ value: chapter.replace(/^---[\s\S]*?\n---\n/, ''), path }, { remarkPlugins: [remarkMath, [remarkGlossary, { terms }]], jsx: true }));
  assert.match(
    js,
    /<_components\.span className="glossary-term"><_components\.a href="\/glossary\/#token" className="glossary-link" aria-describedby="glossary-tip-token">\{"token"\}<\/_components\.a><_components\.span id="glossary-tip-token" role="tooltip" className="glossary-tip" data-pagefind-ignore="">\{"A unit of text\."\}<\/_components\.span><\/_components\.span>/,
  );
  assert.equal([...js.matchAll(/aria-describedby=/g)].length, 3);
  assert.equal([...js.matchAll(/href="\/glossary\/#softmax"/g)].length, 1);
  // code in a definition stays code in the tooltip
  assert.match(js, /id="glossary-tip-softmax"[^>]*>\{"Scores to probabilities with "\}<_components\.code>\{"exp"\}<\/_components\.code>/);
  assert.equal([...js.matchAll(/import GlossaryTips from "[^"]*\/src\/glossary\/GlossaryTips\.astro"/g)].length, 1);
  assert.equal([...js.matchAll(/<GlossaryTips \/>/g)].length, 1);
});

test('files outside content/chapters/ are left alone, and a chapter with no term gets no script', async () => {
  const compileAt = async (path: string, value: string) => String(await compile({ value, path }, { remarkPlugins: [[remarkGlossary, { terms }]], jsx: true }));
  assert.doesNotMatch(await compileAt(`${process.cwd()}/src/pages/x.mdx`, 'The first token.'), /glossary/);
  assert.doesNotMatch(await compileAt(`${process.cwd()}/content/chapters/x.mdx`, 'Nothing to link.'), /Glossary/);
});
