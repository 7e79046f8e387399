// The facts kept about microgpt.py, and the course's own Python script measured against them: it
// is written here, not copied, so it shares at most 10 non-trivial lines with microgpt.py.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import facts from '../shared/microgpt-py.json' with { type: 'json' };
import { original } from '../shared/original.ts';

const sharedFacts = resolve('..', 'shared', 'microgpt-py', 'facts.json');
const ownScript = 'engine/test/fixtures/microgpt_ref.py';
const MAX_SHARED = 10;
const NON_TRIVIAL = 25; // characters, once stripped

const fingerprint = (line: string) => createHash('sha256').update(line, 'utf8').digest('hex').slice(0, 16);

// the lines of a text that, stripped, are over 25 characters and have one of these fingerprints
function sharedLines(text: string, fingerprints: readonly { hash: string }[]): number[] {
  const known = new Set(fingerprints.map((f) => f.hash));
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    return line.length > NON_TRIVIAL && known.has(fingerprint(line)) ? [i + 1] : [];
  });
}

test(`the course's Python script shares at most ${MAX_SHARED} non-trivial lines with microgpt.py`, () => {
  const shared = sharedLines(readFileSync(ownScript, 'utf8'), original.fingerprints);
  assert.ok(shared.length <= MAX_SHARED, `${ownScript} repeats ${shared.length} lines of microgpt.py word for word (its lines ${shared.join(', ')})`);
});

test('the comparison finds a shared line whatever its indentation, and ignores short ones', () => {
  const standIn = ['def stand_in(first_argument, second):', '    return first_argument * second + 1', '  x = 1', 'print("a line that is not shared at all")'];
  const prints = [standIn[0], standIn[1].trim(), standIn[2].trim()].map((line) => ({ hash: fingerprint(line) }));
  assert.deepEqual(sharedLines(standIn.join('\n'), prints), [1, 2]);
});

test('the fingerprints are those of the 125 lines of microgpt.py over 25 characters', () => {
  assert.equal(original.fingerprints.length, 125);
  assert.ok(original.fingerprints.every((f) => f.length > NON_TRIVIAL && /^[0-9a-f]{16}$/.test(f.hash)));
});

test('the facts kept here are those of ../shared/microgpt-py/facts.json, where it is present', { skip: existsSync(sharedFacts) ? false : '../shared is absent (a fresh clone has none)' }, () => {
  const full = JSON.parse(readFileSync(sharedFacts, 'utf8'));
  const { lineFingerprints, ...rest } = facts;
  const { lineFingerprints: fullPrints, ...fullRest } = full;
  assert.deepEqual(rest, fullRest);
  assert.deepEqual(
    lineFingerprints.lines,
    fullPrints.lines.filter((l: [number, number, string]) => l[1] > NON_TRIVIAL),
  );
});

test('the facts agree with themselves: 200 lines, 154 of code, the step count on line 152', () => {
  assert.equal(original.lines, 200);
  assert.equal(original.codeLineCount, 154);
  assert.deepEqual(original.numSteps, { line: 152, value: 1000 });
  assert.match(original.sha256, /^[0-9a-f]{64}$/);
  assert.ok(original.rawUrl.includes(original.revision) && original.rawUrl.includes(original.gist.split('/')[1]));
});
