import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { nested } from '../../book/build/fixtures.ts';
import { remarkExercises } from '../../exercises/build/remark.ts';
import { remarkCells } from './remark.ts';

test('every cell and exercise becomes its component where it sits (top level, <details>, a list item, a component), its page data a value, not text', async () => {
  const path = `${process.cwd()}/content/chapters/nested.mdx`;
  const js = String(await compile({ value: nested.replace(/^---[\s\S]*?\n---\n/, ''), path }, { remarkPlugins: [remarkMath, remarkCells, remarkExercises], jsx: true }));
  const cells = [...js.matchAll(/<Cell data=\{\{\s*"chapter": "nested",\s*"id": "([\w-]+)"/g)].map((m) => m[1]);
  assert.deepEqual(cells, ['top', 'in-details', 'in-list', 'in-component']);
  assert.equal([...js.matchAll(/<Exercise data=\{\{\s*"chapter": "nested",\s*"id": "nested-ex"/g)].length, 1);
  // no block is left behind as plain code: neither a cell's code nor its output, solution, checks or hints
  const outside = js.replace(/<(Cell|Exercise) data=\{\{[\s\S]*?\}\} \/>/g, '');
  for (const text of ['console.log', 'inside a list item', 'export const two = 2', 'One more.']) assert.ok(!outside.includes(text), text);
  // the list item and the component still hold theirs
  assert.match(js, /<_components\.li>(?:(?!<\/_components\.li>)[\s\S])*?"id": "in-list"[\s\S]*?<\/_components\.li>/);
  assert.match(js, /<Aside type="tip">(?:(?!<\/Aside>)[\s\S])*?"id": "in-component"(?:(?!<\/Aside>)[\s\S])*?<Exercise [\s\S]*?<\/Aside>/);
  assert.match(js, /<details class="check">(?:(?!<\/details>)[\s\S])*?"id": "in-details"[\s\S]*?<\/details>/);
});
