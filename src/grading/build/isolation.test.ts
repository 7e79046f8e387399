// One hand-in must not stop grading for everyone: a heap bomb (of plain arrays, or of typed arrays,
// whose memory V8's heap limits do not count) is stopped with a message that says so, the process
// stays small, and a batch with a bomb and an infinite loop among honest hand-ins grades the honest
// ones exactly as without them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { type ExerciseDef, grade, type LessonRef } from '../shared/grade.ts';
import { sealedInput } from '../shared/sealed-input.ts';
import { createSubmission } from '../shared/submission.ts';
import { limit } from '../../shared/limit.ts';
import { exerciseDefs, lessonRefs } from './book-defs.ts';
import { MEMORY_CAP_MB, runSealedThread } from '../../runtime/build/run-sealed.ts';
import { stoppedRuns } from './stopped-runs.ts';

export const bombs = {
  'plain arrays': 'const hog: number[][] = [];\nfor (let n = 0; ; n++) hog.push(new Array(1e6).fill(n));',
  'typed arrays': 'const hog: Uint8Array[] = [];\nfor (let n = 0; ; n++) hog.push(new Uint8Array(8e6).fill(n % 256));',
  // 160 MB at a time: one such allocation past V8's own heap limit aborts the whole process
  'large arrays': 'const hog: number[][] = [];\nfor (let n = 0; ; n++) hog.push(new Array(2e7).fill(n));',
};
const loop = 'let i = 0;\nwhile (true) i++;';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
// How far this process's resident memory (every thread) rises above where it was, sampled from the
// main thread while the runs go on in theirs. Each run may overshoot the cap by what it allocates
// between two polls and before terminate() lands (a busy machine delays both), so the bound is the
// cap plus a slack per run at once; a bomb that nothing stops grows by gigabytes in its time limit.
const SLACK_MB = 768;
const boundMb = (runsAtOnce: number) => runsAtOnce * (MEMORY_CAP_MB + SLACK_MB);
function watchRss(): () => number {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  return () => {
    clearInterval(timer);
    return mb(Math.max(peak, process.memoryUsage.rss()) - start);
  };
}

for (const [what, code] of Object.entries(bombs)) {
  test(`a heap bomb of ${what} is stopped past ${MEMORY_CAP_MB} MB with a clear message, and the process stays bounded`, async () => {
    const started = performance.now();
    const rise = watchRss();
    const result = await runSealedThread({ code, checks: '', provides: [], withhold: [] }, 20_000);
    const risen = rise();
    const seconds = (performance.now() - started) / 1000;
    console.log(`${what}: ${result.error?.name}: ${result.error?.message} after ${seconds.toFixed(1)} s; RSS rose by at most ${risen} MB`);
    assert.deepEqual(result.error, { name: 'OutOfMemory', message: `stopped: used more than ${MEMORY_CAP_MB} MB`, line: null });
    assert.equal(result.passed, false);
    assert.ok(seconds < 10, 'stopped by the memory cap, not by the time limit');
    assert.ok(risen < boundMb(1), `RSS rose by ${risen} MB, bound ${boundMb(1)} MB`);
  });
}

const double: ExerciseDef = {
  chapter: 'demo',
  id: 'double',
  title: 'Double a number',
  setup: '',
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('double(2) is 4', () => expectEqual(double(2), 4));\ncheck('double(3) is 6', () => expectEqual(double(3), 6));",
  checkNames: ['double(2) is 4', 'double(3) is 6'],
  provides: ['double'],
  withhold: [],
  grading:
    "import { check, expectEqual, grading } from '@microgpt/check';\nconst x = grading.random.randbelow(1000);\ncheck('double on a drawn number', () => expectEqual(double(x), grading.reference.double(x)));",
  solution: 'function double(x: number): number {\n  return 2 * x;\n}',
  timeoutMs: 10_000, // the book's: the bombs meet the memory cap long before it
  version: 'v1',
};
// the infinite loop's exercise has a short time limit, so that the loop costs the test little
const half: ExerciseDef = {
  ...double,
  id: 'half',
  title: 'Halve a number',
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('half(4) is 2', () => expectEqual(half(4), 2));",
  checkNames: ['half(4) is 2'],
  provides: ['half'],
  grading: '',
  solution: 'function half(x: number): number {\n  return x / 2;\n}',
  timeoutMs: 2000,
};
const lesson: LessonRef = { id: 'demo-lesson', title: 'Demo', exercises: [double, half].map(({ chapter, id }) => ({ chapter, id })) };

async function handIn(name: string, doubleCode: string, halfCode = half.solution) {
  const assignment = { lesson: lesson.id, className: 'CS 1', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: [] };
  const exercise = (id: string, code: string) => ({ chapter: 'demo', id, code, passed: true, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: 'v1' });
  const submission = await createSubmission({
    assignment,
    student: { name, email: `${name.toLowerCase()}@school.edu` },
    exportedAt: '2026-12-01T12:00:00.000Z',
    readings: [],
    exercises: [exercise('double', doubleCode), exercise('half', halfCode)],
  });
  return { name: `${name.toLowerCase()}.json`, text: JSON.stringify(submission) };
}

const slot = limit(2);
const gradeFiles = (files: { name: string; text: string }[]) =>
  grade({ files, lessons: [lesson], defs: [double, half], settings: [], seed: 'a secret', run: (def, code, seed) => slot(() => runSealedThread(sealedInput(def, code, seed), def.timeoutMs)) });

test('a batch with heap bombs and an infinite loop grades every honest hand-in as without them, and says which runs were stopped and why', async () => {
  const honest = await Promise.all([
    handIn('Ada', double.solution),
    handIn('Bob', 'function double(x: number): number {\n  return x + 2;\n}'),
    handIn('Cy', 'function double(x: number): number {\n  return x + x;\n}', 'function half(x: number): number {\n  return 2;\n}'),
    handIn('Di', 'function double(x: number): number {\n  return 4;\n}'),
  ]);
  const attackers = await Promise.all([handIn('Plain', bombs['plain arrays']), handIn('Typed', bombs['typed arrays']), handIn('Loop', double.solution, loop)]);
  const alone = await gradeFiles(honest);
  // the attackers first, so the honest ones run beside and after them
  const started = performance.now();
  const rise = watchRss();
  const mixed = await gradeFiles([...attackers, ...honest]);
  const risen = rise();
  console.log(`a batch of ${honest.length} honest hand-ins, two bombs and a loop: ${((performance.now() - started) / 1000).toFixed(1)} s; RSS rose by at most ${risen} MB`);
  assert.deepEqual(mixed.errors, []);
  const honestRows = (report: typeof alone) => report.lessons[0].sheet.rows.filter((r) => honest.some((h) => h.name === r.file));
  assert.deepEqual(honestRows(mixed), honestRows(alone));
  // every honest hand-in ran: none was stopped
  assert.ok(honestRows(alone).every((r) => r.exercises.every((e) => e.checks.length > 0 && e.checks.every((c) => c.name !== 'the code runs'))));
  assert.deepEqual(
    stoppedRuns(mixed).map((s) => [s.file, s.exercise, s.reason]),
    [
      ['loop.json', 'demo/half', `Timeout: stopped after ${half.timeoutMs} ms (the exercise's time limit)`],
      ['plain.json', 'demo/double', `OutOfMemory: stopped: used more than ${MEMORY_CAP_MB} MB`],
      ['typed.json', 'demo/double', `OutOfMemory: stopped: used more than ${MEMORY_CAP_MB} MB`],
    ],
  );
  // two runs at once (the grader's limit): both bombs may be running together
  assert.ok(risen < boundMb(2), `RSS rose by ${risen} MB, bound ${boundMb(2)} MB`);
});

test('npm run grade grades the other hand-ins of a batch with a bomb as without it, and names on stderr the file and exercise it stopped, and why', async () => {
  const lesson = lessonRefs()[0];
  const defs = exerciseDefs();
  const dir = mkdtempSync(join(tmpdir(), 'isolation-cli-'));
  const write = async (name: string, code: (solution: string, index: number) => string) => {
    const exercises = lesson.exercises.map((ref, index) => {
      const def = defs.find((d) => d.chapter === ref.chapter && d.id === ref.id)!;
      return { ...ref, code: code(def.solution, index), passed: true, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: def.version };
    });
    const assignment = { lesson: lesson.id, className: 'CS 1', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: [] };
    const s = await createSubmission({ assignment, student: { name, email: `${name.toLowerCase()}@school.edu` }, exportedAt: '2026-12-01T12:00:00.000Z', readings: [], exercises });
    writeFileSync(join(dir, `${name.toLowerCase()}.json`), JSON.stringify(s));
    return join(dir, `${name.toLowerCase()}.json`);
  };
  const cli = (files: string[]) => promisify(execFile)(process.execPath, [new URL('./cli.ts', import.meta.url).pathname, ...files, '--format', 'json']);
  try {
    const honest = await write('Honest', (solution) => solution);
    const bomber = await write('Bomber', (solution, i) => (i === 0 ? bombs['typed arrays'] : solution));
    const [alone, mixed] = await Promise.all([cli([honest]), cli([bomber, honest])]);
    const row = (stdout: string, name: string) => (JSON.parse(stdout) as { rows: { identity: { name: string } }[] }).rows.find((r) => r.identity.name === name);
    assert.deepEqual(row(mixed.stdout, 'Honest'), row(alone.stdout, 'Honest'));
    const first = lesson.exercises[0];
    assert.equal(mixed.stderr, `bomber.json: ${first.chapter}/${first.id} was stopped: OutOfMemory: stopped: used more than ${MEMORY_CAP_MB} MB\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
