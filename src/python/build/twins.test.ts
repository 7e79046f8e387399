// What the pages show of the line map: a region's links, a component's count, the atlas.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBook } from '../../book/build/book.ts';
import { quotesByRegion } from '../../literate/build/engine-map.ts';
import { teachingModules } from '../../literate/build/engine-modules.ts';
import { codeLines, original } from '../shared/original.ts';
import { atlas, moduleLines, twinView } from './twins.ts';

test("a region's lines link to the gist at the pinned revision, with the line anchor", () => {
  const view = twinView('value', 'operations')!;
  assert.deepEqual(view.links, [{ label: 'L39–L50', href: `https://gist.github.com/${original.gist}/${original.revision}#file-microgpt-py-L39-L50` }]);
  assert.equal(view.none, null);
  assert.deepEqual(
    twinView('model', 'gpt')!.links.map((l) => l.label),
    ['L79', 'L108–L144'],
  );
});

test('a region no line ports gives its reason, and the view shows where microgpt.py calls it', () => {
  const view = twinView('random', 'shuffle')!;
  assert.deepEqual(view.links, []);
  assert.match(view.none!, /random\.shuffle/);
  assert.deepEqual(view.ranges, [{ first: 20, last: 20 }]);
  assert.deepEqual(twinView('random', 'state')!.ranges, []);
});

test('the fast engine is not in the map: nothing is shown for it', () => {
  assert.equal(twinView('fast/libm', 'exp'), null);
});

test("a component's count is its code lines and all lines, from the ranges", () => {
  const tokenizer = moduleLines(['tokenizer']);
  assert.deepEqual([tokenizer.code, tokenizer.all, tokenizer.links.map((l) => l.label)], [3, 4, ['L23–L26']]);
  // the seven components and microgpt.ts together port every line of code, each once
  assert.equal(moduleLines(['dataset', 'tokenizer', 'value', 'model', 'adam', 'train', 'sample', 'microgpt']).code, original.codeLineCount);
});

test('the atlas gives every line of code at least one region, and a region the book quotes its sections', () => {
  const quotes = loadBook().flatMap((c) => c.quotes);
  const lines = atlas(Object.fromEntries(teachingModules.map((m) => [m, quotesByRegion(quotes, m)])));
  assert.equal(lines.length, original.lines);
  const code = new Set(codeLines(original));
  assert.deepEqual(
    lines.filter((l) => code.has(l.number) && l.regions.length === 0).map((l) => l.number),
    [],
  );
  const backward = lines[59 - 1].regions.find((r) => r.region === 'backward')!;
  assert.equal(backward.module, 'value');
  assert.ok(
    backward.sections.some((s) => s.chapter === 'autograd'),
    'value.ts backward is explained in the autograd chapter',
  );
  assert.ok(lines.every((l) => l.regions.every((r) => (teachingModules as readonly string[]).includes(r.module))));
});
