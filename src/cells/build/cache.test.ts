// The cell check's cache is keyed by everything a cell's result depends on. This test copies the
// engine and the site's code to a temporary folder, runs the check there (so it hashes the copy),
// and edits one file at a time: the fast engine, which cells import as @microgpt/engine/fast, must
// miss the cache; a file no cell reaches must not.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'cells-inputs-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

for (const dir of ['engine/src', 'engine/fast', 'src']) cpSync(join(repo, dir), join(tmp, dir), { recursive: true });
symlinkSync(join(repo, 'node_modules'), join(tmp, 'node_modules'));
mkdirSync(join(tmp, 'content', 'chapters'), { recursive: true });
const f = '```';
writeFileSync(
  join(tmp, 'content', 'chapters', 'fast.mdx'),
  [
    '---',
    'title: "Fast"',
    'order: 1',
    '---',
    '',
    `${f}ts cell id=fast-params`,
    "import { createModel } from '@microgpt/engine/fast';",
    "import { Random } from '@microgpt/engine';",
    'console.log(createModel(new Random(1), 3).params.length > 0);',
    f,
    '',
    `${f}output`,
    'true',
    f,
    '',
  ].join('\n'),
);

test('an edit to the fast engine misses the cell cache; an edit to code no cell reaches does not', async () => {
  process.chdir(tmp); // the check reads the book, and hashes the code, from the project root
  const { bookCells, checkCells } = await import('./check.ts');
  const cacheFile = join(tmp, 'cells.json');
  const check = async () => {
    const report = await checkCells(bookCells(), { cacheFile, exercises: [] });
    assert.deepEqual(report.problems, []);
    return { ran: report.ran, cached: report.cached };
  };
  assert.deepEqual(await check(), { ran: 1, cached: 0 });
  assert.deepEqual(await check(), { ran: 0, cached: 1 });
  appendFileSync(join(tmp, 'src', 'glossary', 'build', 'glossary.ts'), '\n// an edit no cell can see\n');
  assert.deepEqual(await check(), { ran: 0, cached: 1 }, 'code no cell reaches is not part of the key');
  appendFileSync(join(tmp, 'engine', 'fast', 'model.ts'), '\n// an edit of the fast engine\n');
  assert.deepEqual(await check(), { ran: 1, cached: 0 }, 'the fast engine is part of the key');
});
