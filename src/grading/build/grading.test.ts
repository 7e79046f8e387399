// Grading attacked as a hostile student would: every attack here is a hand-in in a batch graded by
// the real pipeline (grade() with each exercise sealed in a fresh worker thread), and the honest
// failing hand-in graded after the attackers must still fail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ExerciseDef, grade, type LessonRef } from '../shared/grade.ts';
import { defaultSettings, type GradingSettings } from '../shared/settings.ts';
import { createSubmission } from '../shared/submission.ts';
import { limit } from '../../shared/limit.ts';
import { sealedInput } from './book-defs.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';

const double: ExerciseDef = {
  chapter: 'demo',
  id: 'double',
  title: 'Double a number',
  setup: "import { Value } from '@microgpt/engine';",
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('double(2) is 4', () => expectEqual(double(2), 4));\ncheck('double(3) is 6', () => expectEqual(double(3), 6));",
  checkNames: ['double(2) is 4', 'double(3) is 6'],
  provides: ['double'],
  withhold: ['parseDocs'],
  grading:
    "import { check, expectEqual, grading } from '@microgpt/check';\nfor (let k = 1; k <= 4; k++) {\n  const x = grading.random.randbelow(1000);\n  check(`double on drawn number ${k}`, () => expectEqual(double(x), grading.reference.double(x)));\n}",
  solution: 'function double(x: number): number {\n  return 2 * x;\n}',
  timeoutMs: 5000,
  version: 'v1',
};
// an exercise whose answer the engine has: the reader writes parseDocs
const docs: ExerciseDef = {
  ...double,
  id: 'docs',
  title: 'Lines into documents',
  setup: '',
  checks: "import { check, expectEqual } from '@microgpt/check';\nimport { parseDocs } from '@microgpt/engine';\ncheck('two names', () => expectEqual(myDocs('a\\n b \\n'), parseDocs('a\\n b \\n')));",
  checkNames: ['two names'],
  provides: ['myDocs'],
  withhold: ['parseDocs', 'loadDocs'],
  grading: '',
  solution: "function myDocs(text: string): string[] {\n  return text.split('\\n').map((l) => l.trim()).filter((l) => l !== '');\n}",
};
const lesson: LessonRef = {
  id: 'demo-lesson',
  title: 'Demo',
  exercises: [
    { chapter: 'demo', id: 'double' },
    { chapter: 'demo', id: 'docs' },
  ],
};
const settings: GradingSettings = {
  ...defaultSettings(lesson, '2026-12-01'),
  exercises: [
    { chapter: 'demo', id: 'double', points: 3 },
    { chapter: 'demo', id: 'docs', points: 1 },
  ],
  due: { date: '2026-12-01', time: '23:59', timeZone: 'Europe/Paris' },
  late: { rule: 'penalty', percentPerDay: 10, maxDays: 5 },
};

const assignment = { lesson: lesson.id, className: 'CS 1', note: '', due: '2026-12-01', time: '23:59', timeZone: 'Europe/Paris', exercises: [] as { chapter: string; id: string; points: number }[] };
async function handIn(name: string, double: string, docsCode: string | null = null, exportedAt = '2026-12-01T12:00:00.000Z') {
  const ex = (id: string, code: string | null) => ({ chapter: 'demo', id, code, passed: true, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: 'v1' });
  const s = await createSubmission({ assignment, student: { name, email: `${name.toLowerCase()}@school.edu` }, exportedAt, readings: [], exercises: [ex('double', double), ex('docs', docsCode)] });
  return JSON.stringify(s);
}

const slot = limit(2);
const gradeFiles = (files: { name: string; text: string }[], seed: string | null = 'a secret', from: 'canvas' | null = null) =>
  grade({ files, from, lessons: [lesson], defs: [double, docs], settings: [settings], seed, run: (def, code, s) => slot(() => runSealedThread(sealedInput(def, code, s), def.timeoutMs)) });

const honestFailing = 'function double(x: number): number {\n  return x + 1;\n}';
const attacks: Record<string, string> = {
  'patches Object.is': 'Object.is = () => true;\nfunction double(x: number) { return 0; }',
  'patches Array.prototype.every': 'Array.prototype.every = () => true;\nfunction double(x: number) { return 0; }',
  'patches JSON and Math': '(JSON as any).stringify = () => "x"; (Math as any).abs = () => 0;\nfunction double(x: number) { return 0; }',
  'wraps postMessage':
    "const g = globalThis as any;\nconst real = g.postMessage;\ng.postMessage = (m: any) => real({ ...m, result: { ...m.result, passed: true } });\nif (typeof self !== 'undefined') (self as any).postMessage = g.postMessage;\nfunction double(x: number) { return 0; }",
  'rebinds require': 'require = ((name: string) => ({ check() {}, expectEqual() {}, grading: {} })) as any;\nfunction double(x: number) { return 0; }',
  'returns a Proxy that agrees with everything': 'function double(x: number): any { return new Proxy([], { get: (t, k) => (k === "every" ? () => true : 0) }); }',
  'reaches for import() and the network': "function double(x: number) { import('node:child_process'); fetch('http://127.0.0.1/'); return 0; }",
};

test('hand-ins that attack the grader fail, and an honest failing hand-in graded after them still fails', async () => {
  const files = [
    ...(await Promise.all(Object.entries(attacks).map(async ([what, code], i) => ({ name: `attacker-${i}.json`, text: await handIn(`Attacker${i}`, code), what })))),
    { name: 'honest.json', text: await handIn('Honest', honestFailing), what: 'honest' },
  ];
  const report = await gradeFiles(files);
  assert.deepEqual(report.errors, []);
  const rows = report.lessons[0].sheet.rows;
  for (const file of files) {
    const row = rows.find((r) => r.file === file.name)!;
    const doubled = row.exercises.find((e) => e.key === 'demo/double')!;
    assert.notEqual(doubled.state, 'passed', `${file.what}: ${JSON.stringify(doubled.checks)}`);
    assert.equal(doubled.points, 0, `${file.what} earns nothing`);
  }
});

test("a re-export of the engine's own function fails the exercise that asks for it", async () => {
  const reexport = "import { parseDocs } from '@microgpt/engine';\nfunction myDocs(text: string) { return parseDocs(text); }";
  const viaLoad = "import { loadDocs } from '@microgpt/engine';\nfunction myDocs(text: string) { return loadDocs(text); }";
  const report = await gradeFiles([
    { name: 'a.json', text: await handIn('Reexport', double.solution, reexport) },
    { name: 'b.json', text: await handIn('ViaLoad', double.solution, viaLoad) },
    { name: 'c.json', text: await handIn('Honest', double.solution, docs.solution) },
  ]);
  const state = (name: string) => report.lessons[0].sheet.rows.find((r) => r.identity.name === name)!.exercises.find((e) => e.key === 'demo/docs')!.state;
  assert.deepEqual([state('Reexport'), state('ViaLoad'), state('Honest')], ['failed', 'failed', 'passed']);
});

test('an answer hard-coded to the visible checks passes them, and fails the grading checks drawn from the seed', async () => {
  const hardcoded = 'function double(x: number): number {\n  return x === 2 ? 4 : x === 3 ? 6 : 0;\n}';
  const withSeed = await gradeFiles([{ name: 'h.json', text: await handIn('Hard', hardcoded) }]);
  const mark = withSeed.lessons[0].sheet.rows[0].exercises[0];
  assert.ok(
    mark.checks.filter((c) => !c.hidden).every((c) => c.passed),
    'the visible checks pass',
  );
  assert.ok(
    mark.checks.filter((c) => c.hidden).some((c) => !c.passed),
    'a grading check fails',
  );
  assert.notEqual(mark.state, 'passed');
  // the same seed draws the same inputs: the same grades
  const again = await gradeFiles([{ name: 'h.json', text: await handIn('Hard', hardcoded) }]);
  assert.deepEqual(again.lessons[0].sheet.rows[0].exercises[0].checks, mark.checks);
  // without a seed the grading checks do not run, and the row says so
  const unseeded = await gradeFiles([{ name: 'h.json', text: await handIn('Hard', hardcoded) }], null);
  assert.equal(unseeded.lessons[0].sheet.rows[0].exercises[0].state, 'passed');
  assert.ok(unseeded.lessons[0].sheet.rows[0].flags.includes('grading checks not run (no seed)'));
});

test("a resealed file with an earlier export time is still late by the LMS's mark, on the instructor's due time, in a Canvas download", async () => {
  // exported after the due time, then edited to say noon and its checksum recomputed with the site's own code
  const forged = await handIn('Late', double.solution, docs.solution, '2026-12-01T12:00:00.000Z');
  const report = await gradeFiles(
    [
      { name: 'latestudent_LATE_4242_999_demo-hand-in.json', text: forged },
      { name: 'ontime_4343_1000_demo-hand-in.json', text: await handIn('OnTime', double.solution, docs.solution, '2026-12-09T12:00:00.000Z') },
    ],
    'a secret',
    'canvas',
  );
  const rows = report.lessons[0].sheet.rows;
  const late = rows.find((r) => r.identity.name === 'Late')!;
  assert.deepEqual([late.late?.days, late.identity.lmsUserId, late.points], [1, '4242', 3.6]);
  // Canvas did not mark the other late, whatever its file says: the LMS's word stands
  assert.equal(rows.find((r) => r.identity.name === 'OnTime')!.late, null);
});

test('without an LMS, the due time is the instructor’s, in their time zone; the latest of two hand-ins counts', async () => {
  const report = await gradeFiles([
    { name: 'first.json', text: await handIn('Twice', honestFailing, null, '2026-12-01T20:00:00.000Z') },
    { name: 'second.json', text: await handIn('Twice', double.solution, docs.solution, '2026-12-03T10:00:00.000Z') },
  ]);
  const [row] = report.lessons[0].sheet.rows;
  assert.equal(row.file, 'second.json');
  assert.ok(row.flags.includes("latest of 2 hand-ins, by the files' own export times"));
  assert.ok(row.flags.includes("late by the file's own export time"));
  // due 23:59 in Paris is 22:59 UTC: two started days late at 10:00 UTC on the 3rd, 10% a day
  assert.deepEqual([row.late, row.points, row.max], [{ days: 2, penaltyPercent: 20 }, 3.2, 4]);
});
