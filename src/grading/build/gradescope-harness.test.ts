// The Gradescope harness and README on their own, without building the bundle: what Gradescope shows
// as text holds nothing from a student's file that a terminal or a log would act on, and the README
// states the points grade() gives, checkpoints included.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { defaultSettings, type GradingSettings } from '../shared/settings.ts';
import { createSubmission } from '../shared/submission.ts';
import { exerciseDefs, lessonRefs } from './book-defs.ts';
import { main } from './gradescope-harness.ts';
import { bundleReadme } from './gradescope-scripts.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gradescope-harness-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const lesson = lessonRefs().find((l) => (l.checkpoints ?? []).length > 0)!;
// eslint-disable-next-line no-control-regex -- the characters no output may hold
const UNSAFE = /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

test("results.json's text holds no escape, control or bidi character from the student's file", async () => {
  const root = join(tmp, 'evil');
  mkdirSync(join(root, 'submission'), { recursive: true });
  const assignment = { lesson: lesson.id, className: '', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: [] };
  // nothing handed in, so nothing runs: the name is what reaches the text
  const exercises = lesson.exercises.map((e) => ({ ...e, code: null, passed: false, passedAt: null, attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' }));
  const s = await createSubmission({ assignment, student: { name: 'Eve\x1b[2J\x1b]0;owned\x07 \u202eevE', email: 'eve@school.edu' }, exportedAt: '2026-12-01T10:00:00.000Z', readings: [], exercises });
  writeFileSync(join(root, 'submission', 'hand-in.json'), JSON.stringify(s));
  const defs = exerciseDefs().filter((d) => lesson.exercises.some((e) => e.chapter === d.chapter && e.id === d.id));
  await main(
    { lesson, defs, checkpoints: [], settings: null, seed: 's', builtAt: '' },
    { submission: join(root, 'submission'), metadata: join(root, 'none.json'), results: join(root, 'results', 'results.json') },
  );
  const results = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
  assert.match(results.output, /^A .*: Eve evE\n/);
  for (const text of [results.output, ...results.tests.flatMap((t: { name: string; output: string }) => [t.name, t.output])]) assert.doesNotMatch(text, UNSAFE);
  // a file name of the student's choosing, in the message that says what to upload
  writeFileSync(join(root, 'submission', 'x\x1b[2K\u202e.json'), '{}');
  await main(
    { lesson, defs, checkpoints: [], settings: null, seed: 's', builtAt: '' },
    { submission: join(root, 'submission'), metadata: join(root, 'none.json'), results: join(root, 'results', 'results.json') },
  );
  const refused = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
  assert.match(refused.output, /^Your submission has 2 \.json files \(hand-in\.json, x\.json\)/);
});

test("the README's points count the checkpoints, with settings or without", () => {
  const exercises = lesson.exercises.map((e) => e.id);
  const lessonPoints = lesson.exercises.length + lesson.checkpoints!.reduce((t, c) => t + c.points, 0);
  const without = bundleReadme({ lesson, settings: null, nodeVersion: 'v24.0.0', exercises });
  assert.match(without, new RegExp(`Points: ${lessonPoints} in all\\.`));
  assert.match(without, new RegExp(`total points to ${lessonPoints}\\.`));
  const settings: GradingSettings = {
    ...defaultSettings(lesson, '2026-12-01'),
    exercises: lesson.exercises.map((e) => ({ ...e, points: 3 })),
    checkpoints: [{ ...lesson.checkpoints![0], points: 4 }],
  };
  const given = bundleReadme({ lesson, settings, nodeVersion: 'v24.0.0', exercises });
  assert.match(given, new RegExp(`Points: ${3 * lesson.exercises.length + 4} in all\\.`));
  assert.match(given, new RegExp(`- 1 checkpoint question \\(${lesson.checkpoints![0].chapter}/${lesson.checkpoints![0].id}\\)`));
});

test("Gradescope's metadata: what is missing or malformed reads as unknown, and a file that is no JSON object as none", async () => {
  const { readMetadata } = await import('./gradescope-metadata.ts');
  const read = (text: string) => {
    const file = join(tmp, 'metadata.json');
    writeFileSync(file, text);
    return readMetadata(file);
  };
  const good = { created_at: '2026-12-01T10:00:00.000000-05:00', assignment: { due_date: '2026-12-01T23:59:00.000000+00:00' }, users: [{ name: 'Ada', email: 'ada@school.edu', id: 7 }] };
  assert.deepEqual(read(JSON.stringify(good)), { createdAt: good.created_at, dueDate: good.assignment.due_date, users: [{ name: 'Ada', email: 'ada@school.edu' }] });
  assert.deepEqual(read(JSON.stringify({ created_at: 'yesterday', assignment: 'none', users: [{ name: 3, email: 'b@c.d' }, { email: 5 }, null] })), {
    createdAt: null,
    dueDate: null,
    users: [{ name: '3', email: 'b@c.d' }],
  });
  assert.equal(read('[1, 2]'), null);
  assert.equal(read('{ cut'), null);
  assert.equal(readMetadata(join(tmp, 'absent.json')), null);
});
