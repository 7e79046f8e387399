// The line map from the engine's regions to microgpt.py's lines: the real map is whole and sound,
// and each way of breaking it is refused, with its place in the file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeLines, lineKind, original } from '../shared/original.ts';
import { pythonCoverage, pythonCoverageReport } from './coverage.ts';
import { checkLineMap, engineRegions, lineMapFile, LineMapError, loadLineMap, parseLineMap, readLineMap } from './line-map.ts';

const text = readFileSync(lineMapFile, 'utf8');
const regions = engineRegions();
const problemsOf = (yaml: string) => checkLineMap(parseLineMap(yaml), regions);
const lineOf = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

function edited(from: string, to: string): string {
  assert.ok(text.includes(from), `the map holds ${from}`);
  return text.replace(from, to);
}

test('the map names every region of the teaching engine and claims every line of code of microgpt.py', () => {
  assert.deepEqual(problemsOf(text), []);
  const twins = loadLineMap();
  assert.equal(twins.length, [...regions.values()].flat().length);
  const { claimed, total, unclaimed } = pythonCoverage(twins);
  assert.deepEqual(unclaimed, []);
  assert.equal(claimed, total);
});

test('the lines of code are recomputed from the facts: the file less its docstring, blank and comment lines', () => {
  const code = codeLines(original);
  assert.equal(code.length, original.codeLineCount);
  // line 5 is a blank line inside the docstring: listed as both
  assert.equal(lineKind(original, 5), 'docstring');
  assert.equal(code.length + original.docstringLines.length + original.blankLines.length - 1 + original.commentOnlyLines.length, original.lines);
});

test('a range that runs past the end of the file is refused, with its line in the map', () => {
  const broken = edited('lines: [184, 188, 200]', 'lines: [184, 188, 200-201]');
  assert.deepEqual(problemsOf(broken), [`${lineMapFile}:${lineOf(broken, '200-201')}: format.ts lines: L200–L201 is not a range of microgpt.py's lines 1–200`]);
});

test('a range written backwards, or from line 0, is refused', () => {
  assert.match(problemsOf(edited('linear: [94-95]', 'linear: [95-94]')).join('\n'), /model\.ts linear: L95–L94 is not a range/);
  assert.match(problemsOf(edited('docs: [19]', 'docs: [0-19]')).join('\n'), /dataset\.ts docs: L0–L19 is not a range/);
});

test('a line of code no region claims is refused, by number', () => {
  assert.deepEqual(problemsOf(edited('tokenizer: [23-26]', 'tokenizer: [23-25]')), [`${lineMapFile}: microgpt.py's line 26 of code is claimed by no region`]);
});

test('a region the engine lacks, a region left out, or a module outside the teaching engine is refused', () => {
  assert.match(problemsOf(edited('  softmax: [97-101]', '  softmax: [97-101]\n  attention: [129]')).join('\n'), /model\.ts attention: model\.ts has no region "attention"/);
  assert.match(problemsOf(edited('  sugar: [51-57]\n', '')).join('\n'), /value\.ts sugar: the region is not in the map[\s\S]*lines 51, 52, 53, 54, 55, 56, 57 of code are claimed by no region/);
  assert.match(problemsOf(text + 'cli.ts:\n  main: [1-200]\n').join('\n'), /cli\.ts main: no module cli\.ts in the teaching engine/);
});

test('a range on blank lines only, or a call outside the file, is refused', () => {
  assert.match(problemsOf(edited('decode: [19]', 'decode: [13]')).join('\n'), /dataset\.ts decode: L13 holds no line of code/);
  assert.match(problemsOf(edited('calls: [49]', 'calls: [249]')).join('\n'), /libm\.ts exp: calls: line 249 is outside microgpt\.py's lines 1–200/);
});

test('a malformed entry is refused with its line: no lines, no reason, a range not written as first-last', () => {
  const empty = edited('linear: [94-95]', 'linear: []');
  assert.throws(
    () => parseLineMap(empty),
    (e: Error) => e instanceof LineMapError && e.message.startsWith(`${lineMapFile}:${lineOf(empty, 'linear: []')}: model.ts.linear`),
  );
  assert.throws(() => parseLineMap(edited(`none: "Python's built-in sum()"`, 'none: "sum"')), /value\.ts\.sum\.none: say why no line of microgpt\.py does this/);
  assert.throws(() => parseLineMap(edited('linear: [94-95]', 'linear: [94 to 95]')), /model\.ts\.linear\.0: write a range as first-last/);
});

test('reading a broken map file throws every problem, which stops the build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'line-map-'));
  try {
    const file = join(dir, 'line-map.yaml');
    writeFileSync(file, edited('tokenizer: [23-26]', 'tokenizer: [23-25, 300]'));
    assert.throws(
      () => readLineMap(file),
      (e: Error) => e instanceof LineMapError && e.message.includes('L300 is not a range') && e.message.includes('line 26 of code is claimed by no region'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("check:literate's Python report: every line of code ported, and the regions that port none", () => {
  const { lines, ok } = pythonCoverageReport();
  assert.equal(ok, true);
  assert.deepEqual(lines, [`python coverage: 154 of microgpt.py's 154 lines of code ported by a region of the engine (100.0%); 16 regions port no line of it (Python does their work itself)`]);
});
