// The Gradescope bundle end to end: `npm run gradescope` for a real lesson, unzipped, and its harness
// run with node against a temporary /autograder layout, its results.json compared with what
// `npm run grade` says of the same hand-in file (the same verdicts, the same points).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { GradescopeResults } from '../shared/exports.ts';
import { grade } from '../shared/grade.ts';
import { defaultSettings, type GradingSettings } from '../shared/settings.ts';
import type { GradeSheet } from '../shared/sheet.ts';
import { createSubmission } from '../shared/submission.ts';
import { checkpointDefs, exerciseDefs, lessonRefs, runVariantThread, sealedInput } from './book-defs.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';

const run = promisify(execFile);
const SEED = 'the instructor knows';
const tmp = mkdtempSync(join(tmpdir(), 'gradescope-'));
const lesson = lessonRefs()[0];
const defs = exerciseDefs();
const defOf = (e: { chapter: string; id: string }) => defs.find((d) => d.chapter === e.chapter && d.id === e.id)!;
const settings: GradingSettings = {
  ...defaultSettings(lesson, '2026-12-01'),
  exercises: lesson.exercises.map((e, i) => ({ ...e, points: i === 0 ? 3 : 2 })),
  // one checkpoint counts, for a point: the hand-in answers it right
  checkpoints: [{ chapter: 'tokenizer', id: 'astral-tokens', points: 1 }],
  late: { rule: 'penalty', percentPerDay: 10, maxDays: 5 },
};
const settingsFile = join(tmp, 'grading.json');
writeFileSync(settingsFile, JSON.stringify(settings));
const ON_TIME = '2026-12-01T20:00:00.000Z';
const checkpoints = await checkpointDefs([lesson]);
const astral = checkpoints.find((c) => c.id === 'astral-tokens')!;
const WRONG = 'function myParseDocs(text: string): string[] {\n  return text.split("\\n");\n}';

// a hand-in for the lesson: the book's solutions, the first exercise's code replaced when given
async function handIn(firstCode?: string): Promise<string> {
  const exercises = lesson.exercises.map((e, i) => ({
    chapter: e.chapter,
    id: e.id,
    code: i === 0 && firstCode !== undefined ? firstCode : defOf(e).solution,
    passed: true,
    passedAt: null,
    attempts: 1,
    hintsOpened: 0,
    solutionShownAt: null,
    version: defOf(e).version,
  }));
  const assignment = { lesson: lesson.id, className: 'CS 1', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: settings.exercises };
  const answered = [{ chapter: 'tokenizer', id: 'astral-tokens', answer: String(astral.choices!.indexOf('4')), correct: true, answeredAt: ON_TIME, tries: 2, identity: null }];
  return JSON.stringify(
    await createSubmission({
      assignment: { ...assignment, checkpoints: settings.checkpoints },
      student: { name: 'Ada Lovelace', email: 'ada@school.edu' },
      exportedAt: ON_TIME,
      readings: [],
      exercises,
      checkpoints: answered,
    }),
  );
}

// an /autograder layout with these files in submission/ and, given a time, Gradescope's metadata
function layout(name: string, files: Record<string, string>, createdAt?: string, email = 'ada@school.edu'): string {
  const root = join(tmp, name);
  mkdirSync(join(root, 'submission'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, 'submission', file), text);
  const metadata = { id: 1, created_at: createdAt, assignment: { due_date: '2026-12-01T23:59:00.000000+00:00', title: lesson.title }, users: [{ name: 'Ada Lovelace', email, id: 7 }] };
  if (createdAt) writeFileSync(join(root, 'submission_metadata.json'), JSON.stringify(metadata));
  return root;
}

async function autograde(bundleDir: string, root: string): Promise<GradescopeResults> {
  await run(process.execPath, [join(bundleDir, 'grader.mjs')], { env: { ...process.env, AUTOGRADER_DIR: root } });
  return JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
}

async function cliSheet(root: string): Promise<GradeSheet> {
  const file = join(root, 'submission', 'hand-in.json');
  const { stdout } = await run(process.execPath, ['src/grading/build/cli.ts', file, '--seed', SEED, '--settings', settingsFile, '--format', 'json']);
  return JSON.parse(stdout);
}

function unzipTo(zip: Uint8Array, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = unzipSync(zip);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return Object.keys(files).sort();
}

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

// the harness's results against the CLI's row: the same points, one test per check, the same verdicts
function assertSameAsCli(results: GradescopeResults, sheet: GradeSheet) {
  const row = sheet.rows[0];
  const checks = row.exercises.flatMap((e) => e.checks);
  const answered = row.checkpoints ?? [];
  assert.equal(results.score, row.points);
  assert.equal(results.tests.length, checks.length + answered.length);
  assert.deepEqual(
    results.tests.map((t) => t.status === 'passed'),
    [...checks.map((c) => c.passed), ...answered.map((c) => c.state === 'right')],
  );
  assert.equal(sum(results.tests.map((t) => t.max_score)), sheet.max);
  for (const t of results.tests.filter((t) => t.status === 'failed')) assert.ok(t.output.length > 0 && t.output !== 'failed', `${t.name} says why it failed`);
}

const bundleDir = join(tmp, 'bundle');
let files: string[];
before(async () => {
  const zip = join(tmp, 'gradescope.zip');
  await run(process.execPath, ['src/grading/build/gradescope.ts', '--lesson', lesson.id, '--seed', SEED, '--settings', settingsFile, '--out', zip]);
  files = unzipTo(readFileSync(zip), bundleDir);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('the zip holds the two scripts Gradescope runs, the harness, its thread and a README', () => {
  assert.deepEqual(files, ['README.md', 'grader.mjs', 'run_autograder', 'sealed-thread.mjs', 'setup.sh']);
  assert.match(readFileSync(join(bundleDir, 'setup.sh'), 'utf8'), /sha256sum -c/);
  assert.match(readFileSync(join(bundleDir, 'run_autograder'), 'utf8'), /node \/autograder\/source\/grader\.mjs/);
  assert.match(readFileSync(join(bundleDir, 'README.md'), 'utf8'), /never share it/);
  assert.ok(readFileSync(join(bundleDir, 'grader.mjs'), 'utf8').includes(JSON.stringify(SEED).slice(1, -1)), 'the seed is baked in');
  assert.ok(!readFileSync(join(bundleDir, 'sealed-thread.mjs'), 'utf8').includes(SEED), 'the thread has no seed');
});

test("the book's solutions get every point, as npm run grade gives them", async () => {
  const root = layout('solutions', { 'hand-in.json': await handIn() }, ON_TIME);
  const [results, sheet] = await Promise.all([autograde(bundleDir, root), cliSheet(root)]);
  assert.equal(results.score, 6);
  assert.ok(results.tests.every((t) => t.status === 'passed'));
  assert.ok(
    results.tests.some((t) => t.name.startsWith('Checkpoint: ') && t.score === 1),
    'the checkpoint is checked again in the bundle',
  );
  // the checks the page shows (and the checkpoint) are visible at once, the grading checks after the due date
  assert.equal(results.tests.filter((t) => t.visibility === 'visible').length, lesson.exercises.reduce((n, e) => n + defOf(e).checkNames.length, 0) + 1);
  assert.ok(results.tests.some((t) => t.visibility === 'after_due_date'));
  assertSameAsCli(results, sheet);
});

test('a wrong solution loses that exercise, its failing checks say why, as npm run grade says', async () => {
  const root = layout('wrong', { 'hand-in.json': await handIn(WRONG) }, ON_TIME);
  const [results, sheet] = await Promise.all([autograde(bundleDir, root), cliSheet(root)]);
  assert.equal(results.score, 3);
  assert.ok(results.tests.some((t) => t.status === 'failed'));
  assertSameAsCli(results, sheet);
});

test("Gradescope's submission time decides lateness, over the file's; a submitter the file does not name is flagged", async () => {
  const root = layout('late', { 'hand-in.json': await handIn() }, '2026-12-03T10:00:00.000-05:00', 'someone@else.edu');
  const [results, sheet] = await Promise.all([autograde(bundleDir, root), cliSheet(root)]);
  assert.equal(sheet.rows[0].points, 6, "by the file's own time it is on time");
  assert.equal(results.score, 4.8, 'two started days late: -20%');
  assert.equal(sum(results.tests.map((t) => t.score)), 6, 'the tests keep the points before the penalty');
  assert.match(results.output, /Late by 2 days: -20%/);
  assert.match(results.output, /Gradescope's submitter is someone@else\.edu/);
});

test('no hand-in, several, or one that is not a hand-in: a failing results.json that says what to upload', async () => {
  const cases = {
    none: [{}, /No hand-in file was found/],
    several: [{ 'a.json': '{}', 'b.json': '{}' }, /2 \.json files \(a\.json, b\.json\)/],
    broken: [{ 'hand-in.json': '{"format": "annotated-microgpt-submission", "ver' }, /could not be graded: the file is cut short/],
    'other lesson': [{ 'hand-in.json': JSON.stringify({ assignment: { lesson: 'transformer-block' } }) }, /is for the lesson "transformer-block"/],
  } as const;
  await Promise.all(
    Object.entries(cases).map(async ([name, [given, message]]) => {
      const results = await autograde(bundleDir, layout(name, given, ON_TIME));
      assert.equal(results.score, 0, name);
      assert.deepEqual(results.tests, [], name);
      assert.match(results.output, message);
      assert.match(results.output, /Upload the hand-in file/);
    }),
  );
});

test('grading checks on the seed run in the bundle, shown after the due date, with the verdicts grade() gives', async () => {
  const text = await handIn(WRONG);
  const results = await autograde(bundleDir, layout('hidden', { 'hand-in.json': text }, ON_TIME));
  const first = defOf(lesson.exercises[0]);
  const hidden = results.tests.filter((t) => t.visibility === 'after_due_date');
  const hiddenOfFirst = hidden.filter((t) => t.name.startsWith(`${first.title}: `));
  assert.ok(hiddenOfFirst.length > 0 && hiddenOfFirst.every((t) => t.status === 'failed' && t.output.length > 0), 'the wrong answer fails its grading checks');
  assert.ok(
    hidden.filter((t) => !hiddenOfFirst.includes(t)).every((t) => t.status === 'passed'),
    "the book's solutions pass theirs",
  );
  assert.doesNotMatch(results.output, /Total|failed/, 'the visible output gives nothing of the hidden verdicts away');
  const report = await grade({
    files: [{ name: 'hand-in.json', text }],
    lessons: [lesson],
    defs,
    settings: [settings],
    seed: SEED,
    run: (def, code, seed) => runSealedThread(sealedInput(def, code, seed), def.timeoutMs),
    checkpoints,
    runVariant: runVariantThread(),
  });
  assertSameAsCli(results, report.lessons[0].sheet);
});
