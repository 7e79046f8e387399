import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChapter } from './book.ts';
import { deeperProblems, h2Ranges } from './core-path.ts';
import { cell, chapter } from './fixtures.ts';

const f = '```';
const question = (id: string, cellId: string) => [
  `<Checkpoint id="${id}">`,
  '',
  `${f}yaml`,
  'kind: predict',
  `question: "What does ${cellId} print?"`,
  `cell: ${cellId}`,
  'answer: lines[0]',
  f,
  '',
  '</Checkpoint>',
];
const book = chapter('## Core', '', ...question('asks-early', 'later'), '', '## Deeper', '', ...cell('later', 'folded'), '', ...question('asks-inside', 'later'), '', '## Recap', '', 'Done.');

test('a section runs from its h2 to the next h2', () => {
  const ranges = h2Ranges(parseChapter('nested', book));
  assert.deepEqual(
    ranges.map((r) => r.section.id),
    ['core', 'deeper', 'recap'],
  );
  assert.equal(ranges[0].end, ranges[1].start);
  assert.equal(ranges[2].end, Number.POSITIVE_INFINITY);
});

test('a question on the core path about a cell in a deeper section is named, with its file and line; one folded with its cell is fine', () => {
  const parsed = parseChapter('nested', book);
  const line = parsed.checkpoints.find((c) => c.id === 'asks-early')!.line;
  assert.deepEqual(deeperProblems(parsed, ['deeper']), [`content/chapters/nested.mdx:${line}: checkpoint "asks-early" is on the core path but asks about cell "later" in the deeper section "deeper"`]);
  assert.deepEqual(deeperProblems(parsed, []), []);
  assert.deepEqual(deeperProblems(parsed, ['recap', 'nope']), ['content/chapters/nested.mdx: deeper: "nope" is not one of its h2 sections (core, deeper, recap)']);
});
