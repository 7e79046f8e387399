import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import { literateCoverage } from './check-literate.ts';
import { parseChapter } from '../../book/build/book.ts';
import { componentModules, isMarker, parseRegions, readEngineFile, regionLines } from './regions.ts';
import { checkSourceTag, remarkLiterate } from './remark.ts';

const sample = ['// top', '// #region one', 'a', '  // #region inner', '  b', '  // #endregion inner', 'c', '// #endregion one', 'd', ''].join('\n');

test('parseRegions finds regions, nested ones included, by their inner lines', () => {
  const regions = parseRegions(sample);
  assert.deepEqual(regions.get('one'), { name: 'one', start: 3, end: 7 });
  assert.deepEqual(regions.get('inner'), { name: 'inner', start: 5, end: 5 });
  assert.ok(isMarker('  // #endregion'));
  assert.ok(!isMarker('// #regional'));
});

test('parseRegions rejects a malformed file with its line', () => {
  assert.throws(() => parseRegions('// #region a\n// #endregion b\n', 'x.ts'), /x\.ts:2: #endregion b closes region "a"/);
  assert.throws(() => parseRegions('// #region a\n', 'x.ts'), /region "a" is never closed/);
  assert.throws(() => parseRegions('// #endregion\n', 'x.ts'), /x\.ts:1: #endregion without a #region/);
  assert.throws(() => parseRegions('// #region a\n// #endregion\n// #region a\n// #endregion\n', 'x.ts'), /x\.ts:3: region "a" is defined twice/);
});

test('every engine region parses, and a quoted region shows its real line numbers', () => {
  for (const module of componentModules()) readEngineFile(module);
  const value = readEngineFile('value');
  const lines = regionLines(value, 'backward');
  assert.equal(lines[0].number, value.regions.get('backward')!.start);
  assert.equal(value.lines[lines[0].number - 1], lines[0].text);
  assert.ok(lines.every((l) => !isMarker(l.text)));
});

test('quotesIn finds each <Source> with its section and line, ignoring code fences', () => {
  const mdx = [
    '---',
    'title: "T"',
    '---',
    '',
    '## First part',
    '<Source file="value.ts" region="backward" />',
    '```',
    '<Source file="x.ts" region="y" />',
    '```',
    '## Second `part`',
    'text <Source file="model.ts" region="gpt"/>',
  ].join('\n');
  const quotes = parseChapter('autograd', mdx).quotes;
  assert.deepEqual(
    quotes.map((q) => [q.module, q.region, q.section?.id, q.line, q.chapterTitle]),
    [
      ['value', 'backward', 'first-part', 6, 'T'],
      ['model', 'gpt', 'second-part', 11, 'T'],
    ],
  );
});

test('checkSourceTag names what is wrong', () => {
  assert.equal(checkSourceTag({ file: 'value.ts', region: 'backward' }), null);
  assert.match(checkSourceTag({ file: 'value.ts', region: 'nope' })!, /engine\/src\/value\.ts has no region "nope" \(it has: .*backward/);
  assert.match(checkSourceTag({ file: 'missing.ts', region: 'a' })!, /there is no engine\/src\/missing\.ts/);
  assert.match(checkSourceTag({ file: '../secret.ts', region: 'a' })!, /there is no engine\/src\/\.\.\/secret\.ts/);
  assert.match(checkSourceTag({ region: 'a' })!, /needs file=/);
  // the fast engine's files, by their folder
  assert.equal(checkSourceTag({ file: 'fast/backward.ts', region: 'attention' }), null);
  assert.match(checkSourceTag({ file: 'fast/backward.ts', region: 'nope' })!, /engine\/fast\/backward\.ts has no region "nope"/);
  assert.match(checkSourceTag({ file: 'fast/missing.ts', region: 'a' })!, /there is no engine\/fast\/missing\.ts/);
  assert.match(checkSourceTag({ file: 'fast/../../secret.ts', region: 'a' })!, /there is no/);
});

test('a chapter quoting a region that does not exist fails to compile, naming the file and line', async () => {
  const value = '# Title\n\nSome text.\n\n<Source file="value.ts" region="backwards" />\n';
  await assert.rejects(
    compile({ value, path: `${process.cwd()}/content/chapters/broken.mdx` }, { remarkPlugins: [remarkLiterate] }),
    /content\/chapters\/broken\.mdx:5:1: <Source file="value\.ts" region="backwards">: engine\/src\/value\.ts has no region "backwards"/,
  );
  await compile({ value: value.replace('backwards', 'backward') }, { remarkPlugins: [remarkLiterate] });
});

test('literate coverage counts quoted lines of the component modules', () => {
  const { quoted, total, unquoted } = literateCoverage();
  assert.ok(total > 0);
  assert.equal(quoted + unquoted.length, total);
  assert.ok(quoted > 0, 'the chapters quote some regions');
  assert.ok(unquoted.every((u) => !u.path.endsWith('cli.ts') && !u.path.endsWith('index.ts')));
  const backward = readEngineFile('value').regions.get('backward')!;
  assert.ok(!unquoted.some((u) => u.path === 'engine/src/value.ts' && u.line >= backward.start && u.line <= backward.end), 'value.ts backward is quoted');
});

test('npm run check:literate prints the unquoted lines and the coverage; --strict fails below 100%', async () => {
  const { spawnSync } = await import('node:child_process');
  const { quoted, total, unquoted } = literateCoverage();
  const run = spawnSync(process.execPath, ['src/literate/build/check-literate.ts', '--strict'], { encoding: 'utf8' });
  const lines = run.stdout.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, unquoted.length + 3); // one per unquoted line, a blank, the summary, the Python coverage
  if (unquoted.length > 0) assert.equal(lines[0], `${unquoted[0].path}:${unquoted[0].line}: ${unquoted[0].text.trim()}`);
  assert.match(lines.at(-2)!, new RegExp(`literate coverage: ${quoted} of ${total} lines quoted by a chapter \\(\\d+\\.\\d%\\)`));
  assert.match(lines.at(-1)!, /^python coverage: 154 of microgpt\.py's 154 lines of code/);
  assert.equal(run.status, quoted < total ? 1 : 0);
});

test('the regions of every component module cover all its lines, so the book can quote it all', () => {
  for (const module of componentModules()) {
    const file = readEngineFile(module);
    const inRegion = new Set<number>();
    for (const r of file.regions.values()) for (let n = r.start; n <= r.end; n++) inRegion.add(n);
    const outside = file.lines.flatMap((text, i) => (text.trim() !== '' && !isMarker(text) && !inRegion.has(i + 1) ? [`${file.path}:${i + 1}: ${text.trim()}`] : []));
    assert.deepEqual(outside, [], `${module}.ts has lines outside every region`);
  }
});
