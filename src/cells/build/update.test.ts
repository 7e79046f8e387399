import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseChapter } from '../../book/build/book.ts';
import { chapter, nested } from '../../book/build/fixtures.ts';
import { checkCells } from './check.ts';
import { updateOutputs, withOutputs } from './update.ts';

const f = '```';
const byId = (text: string) => new Map(parseChapter('nested', text).cells.map((c) => [c.id, c]));

test("new outputs are written in place, at each cell's indentation, and the chapter still parses to them", () => {
  const cells = byId(nested);
  const changes = [
    { cell: cells.get('in-list')!, got: 'new\n\nlines' },
    { cell: cells.get('in-component')!, got: 'has ``` inside' },
    { cell: cells.get('top')!, got: '' },
  ].map((c) => ({ ...c, problem: { cell: c.cell, line: 1, column: 1, message: '' } }));
  const updated = withOutputs(nested, changes);
  const after = byId(updated);
  assert.deepEqual(
    [...after.values()].map((c) => [c.id, c.expected]),
    [
      ['top', ''],
      ['in-details', 'inside details'],
      ['in-list', 'new\n\nlines'],
      ['in-component', 'has ``` inside'],
    ],
  );
  assert.equal(after.get('in-list')!.spot.parent.type, 'listItem', 'the list item keeps its cell');
  assert.match(updated, /\n {3}```output\n {3}new\n\n {3}lines\n {3}```\n/);
  assert.equal(parseChapter('nested', updated).exercises.length, 1, 'nothing else moved');
});

test('a cell without an output block gets one right after it', () => {
  const text = chapter('Prose.', '', `${f}ts cell id=bare`, 'console.log(7);', f, '', 'More prose.');
  const bare = byId(text).get('bare')!;
  const updated = withOutputs(text, [{ cell: bare, got: '7', problem: { cell: bare, line: 1, column: 1, message: '' } }]);
  assert.equal(byId(updated).get('bare')!.expected, '7');
  assert.match(updated, /More prose\.$/);
});

test('check:cells --update: a changed output is rewritten in the chapter file, with its diff; the next check passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'update-'));
  const file = join(dir, 'demo.mdx');
  writeFileSync(file, chapter('- In a list:', '', `  ${f}ts cell id=sum`, '  console.log(1 + 1);', `  ${f}`, '', `  ${f}output`, '  3', `  ${f}`));
  const cacheFile = join(dir, 'cells.json');
  const cells = () => parseChapter('demo', readFileSync(file, 'utf8'), file).cells;
  const report = await checkCells(cells(), { cacheFile, exercises: [] });
  assert.equal(report.changed.length, 1);
  const [line] = updateOutputs(report.changed);
  assert.match(line, /demo\.mdx:9:3: cell "sum": output updated\n--- want \(the book\)\n\+\+\+ got \(the run\)\n- 3\n\+ 2/);
  assert.match(readFileSync(file, 'utf8'), /\n {2}```output\n {2}2\n {2}```$/);
  const again = await checkCells(cells(), { cacheFile, exercises: [] });
  assert.deepEqual([again.problems.length, again.changed.length], [0, 0]);
});
