import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { nested } from '../../book/build/fixtures.ts';
import { remarkCells } from './remark.ts';

test('every cell and exercise becomes its component where it sits: top level, <details>, a list item, a component', async () => {
  const path = `${process.cwd()}/content/chapters/nested.mdx`;
  const js = String(await compile({ value: nested.replace(/^---[\s\S]*?\n---\n/, ''), path }, { remarkPlugins: [remarkMath, remarkCells], jsx: true }));
  const cells = [...js.matchAll(/<Cell cell="[^"]*?&quot;id&quot;:&quot;([\w-]+)&quot;/g)].map((m) => m[1]);
  assert.deepEqual(cells, ['top', 'in-details', 'in-list', 'in-component']);
  assert.equal([...js.matchAll(/<Exercise exercise=/g)].length, 1);
  // no block is left behind as plain code: neither a cell's code nor its output, solution, checks or hints
  for (const text of ['console.log', 'inside a list item', 'export const two = 2', 'One more.']) assert.ok(!js.replace(/<(Cell|Exercise) [^\n]*\/>/g, '').includes(text), text);
  // the list item and the component still hold theirs
  assert.match(js, /<_components\.li>[^]*?<Cell cell="[^"]*in-list[^]*?<\/_components\.li>/);
  assert.match(js, /<Aside type="tip">[^]*?<Cell cell="[^"]*in-component[^]*?<Exercise [^]*?<\/Aside>/);
  assert.match(js, /<details class="check">[^]*?<Cell cell="[^"]*in-details[^]*?<\/details>/);
});
