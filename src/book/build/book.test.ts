import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBook, parseChapter } from './book.ts';
import { checkNamesIn, codeNumbers } from './code.ts';
import { chapter, nested } from './fixtures.ts';
import { BookError } from './model.ts';

const f = '```';

test('cells and exercises are found wherever they sit: top level, <details>, a list item, a component', () => {
  const book = parseChapter('nested', nested);
  assert.deepEqual(
    book.cells.map((c) => [c.id, c.code, c.expected, c.place.line, c.place.column]),
    [
      ['top', 'console.log("at the top");', 'at the top', 9, 1],
      ['in-details', 'console.log("inside details");', 'inside details', 20, 1],
      ['in-list', 'console.log("inside a list item");', 'inside a list item', 32, 4],
      ['in-component', 'console.log("inside a component");', 'inside a component', 42, 1],
    ],
  );
  assert.deepEqual(
    book.exercises.map((e) => [e.id, e.starter, e.solution, e.checkNames, e.hints, e.line]),
    [['nested-ex', 'export const two = 1;', 'export const two = 2;', ['two is 2'], ['One more.'], 50]],
  );
  // each block knows its place in the tree, for the plugin that renders it
  const inList = book.cells.find((c) => c.id === 'in-list')!;
  assert.equal(inList.spot.parent.type, 'listItem');
  assert.deepEqual(
    inList.spot.nodes.map((n) => n.lang),
    ['ts', 'output'],
  );
  assert.equal(book.exercises[0].spot.parent.type, 'mdxJsxFlowElement');
  assert.equal(book.exercises[0].spot.nodes.length, 4);
});

test('a fence inside a longer fence is code, not a cell; an output block belongs only to the block right before it', () => {
  const book = parseChapter(
    'fences',
    chapter('````md', `${f}ts cell id=shown-not-run`, 'console.log(1);', f, '````', '', `${f}ts cell id=lonely`, 'console.log(2);', f, '', 'Some prose.', '', `${f}output`, '2', f),
  );
  assert.deepEqual(
    book.cells.map((c) => [c.id, c.expected]),
    [['lonely', null]],
  );
  assert.deepEqual(
    book.codeBlocks.map((b) => b.lang),
    ['md', 'ts', 'output'],
  );
});

test('sections get the anchors the site gives headings, in document order, nested ones too', () => {
  const book = parseChapter(
    'slugs',
    chapter('## What it is', '', `${f}ts`, '## not a heading', f, '', '### `Value.backward`', '', "## Python's random module, in brief", '', '<details>', '', '## What it is', '', '</details>'),
  );
  assert.deepEqual(
    book.sections.map((s) => [s.id, s.depth]),
    [
      ['what-it-is', 2],
      ['valuebackward', 3],
      ['pythons-random-module-in-brief', 2],
      ['what-it-is-1', 2],
    ],
  );
});

test('quotes, figures and frontmatter prose come from the tree, with their places', () => {
  const book = parseChapter(
    'parts',
    chapter(
      "import LossFigure from '../../src/figures/LossFigure.astro';",
      '',
      '## Quoted',
      '',
      '- <Source file="value.ts" region="backward" />',
      '',
      '<LossFigure />',
      '',
      '<Aside>',
      '',
      'Inside *the* box.',
      '',
      '</Aside>',
    ),
  );
  assert.deepEqual(
    book.quotes.map((q) => [q.module, q.region, q.section?.id, q.place.line, q.place.column]),
    [['value', 'backward', 'quoted', 11, 3]],
  );
  assert.deepEqual(
    book.figures.map((x) => [x.name, x.importedFrom]),
    [['LossFigure', '../../src/figures/LossFigure.astro']],
  );
  assert.deepEqual(
    book.components.map((c) => [c.name, c.text]),
    [
      ['Source', ''],
      ['LossFigure', ''],
      ['Aside', 'Inside the box.'],
    ],
  );
  assert.deepEqual(
    book.prose.filter((p) => p.from === 'frontmatter').map((p) => [p.value, p.place.line]),
    [['Seven cells in 2 places.', 4]],
  );
  assert.deepEqual([book.title, book.order], ['Nested', 3]);
});

test('a malformed chapter is named with its file, line and column', () => {
  const fails = (text: string, message: RegExp) =>
    assert.throws(
      () => parseChapter('bad', text),
      (e: Error) => e instanceof BookError && message.test(e.message),
    );
  fails(chapter('1. item', '', `   ${f}ts cell`, '   x', `   ${f}`), /^content\/chapters\/bad\.mdx:9:4: a cell needs id=/);
  fails(chapter('<details>', 'text'), /^content\/chapters\/bad\.mdx:\d+:\d+: not valid MDX: /);
  fails(['---', 'title: [unclosed', '---', ''].join('\n'), /^content\/chapters\/bad\.mdx:\d+:\d+: frontmatter is not valid YAML/);
});

test('check names and code numbers are read by the TypeScript parser: strings and comments are not code', () => {
  assert.deepEqual(checkNamesIn("check('a // b', () => 1);\n// check('commented', () => 2);\nconst s = \"check('in a string', f)\";\ncheck(`t`, () => 3);"), ['a // b', 't']);
  assert.deepEqual(codeNumbers('const K = 6_000; /* 666 */ f(0x10, -1, a - 2, `${3}x`); // 5\nconst s = "77";'), [6000, 16, -1, 2, 3]);
});

test('the book: twelve chapters in reading order, each parsed once', () => {
  const first = loadBook();
  assert.deepEqual(
    first.map((c) => c.order),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  );
  assert.equal(loadBook()[0], first[0], 'an unchanged chapter is not parsed again');
  assert.equal(first.flatMap((c) => c.cells).length >= 53, true);
});
