// Identity and time attacked as a student can attack them: every hand-in here is made with the site's
// own code (createSubmission recomputes the checksum), so it parses as genuine. The grader must take
// who and when from the instructor's side where it has it (an LMS download the instructor names, a
// platform's submission time), and flag every verdict that rests on the file's own word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sealedInput } from '../build/book-defs.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';
import { limit } from '../../shared/limit.ts';
import type { Assignment } from './assignment.ts';
import { type ExerciseDef, type GradeInput, grade, type LessonRef } from './grade.ts';
import { defaultSettings, type GradingSettings } from './settings.ts';
import { createSubmission } from './submission.ts';

const def: ExerciseDef = {
  chapter: 'gpt',
  id: 'double',
  title: 'Double',
  setup: '',
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('double(2) is 4', () => expectEqual(double(2), 4));",
  checkNames: ['double(2) is 4'],
  provides: ['double'],
  withhold: [],
  grading: '',
  solution: 'const double = (x: number) => 2 * x;',
  timeoutMs: 5000,
  version: '',
};
const lesson: LessonRef = { id: 'doubling', title: 'Doubling', exercises: [{ chapter: 'gpt', id: 'double' }] };
// due 2026-12-01 23:59 UTC; 10% a started day late
const settings: GradingSettings = { ...defaultSettings(lesson, '2026-12-01'), late: { rule: 'penalty', percentPerDay: 10, maxDays: 0 } };
const assignment: Assignment = { lesson: lesson.id, className: 'C', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: [{ chapter: 'gpt', id: 'double', points: 1 }] };
const ON_TIME = '2026-12-01T10:00:00.000Z';
const LATE = '2026-12-03T10:00:00.000Z';
const MINE = 'function double(x: number): number {\n  return x + x;\n}';

async function handIn(name: string, email: string, exportedAt = ON_TIME, code: string | null = MINE): Promise<string> {
  const exercise = { chapter: 'gpt', id: 'double', code, passed: code !== null, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: '' };
  return JSON.stringify(await createSubmission({ assignment, student: { name, email }, exportedAt, readings: [], exercises: [exercise] }));
}

const slot = limit(2);
const gradeFiles = (files: GradeInput['files'], from?: GradeInput['from']) =>
  grade({ files, from, lessons: [lesson], defs: [def], settings: [settings], seed: null, run: (d, code, seed) => slot(() => runSealedThread(sealedInput(d, code, seed), d.timeoutMs)) });
const rowsOf = async (files: GradeInput['files'], from?: GradeInput['from']) => (await gradeFiles(files, from)).lessons[0].sheet;

test("file only: a backdated export time makes a late hand-in on time, and the row says the time is the file's own", async () => {
  const { rows } = await rowsOf([{ name: 'ada.json', text: await handIn('Ada', 'ada@uni.example', ON_TIME) }]);
  assert.equal(rows[0].late, null);
  assert.equal(rows[0].timeFrom, 'file');
  assert.ok(rows[0].flags.includes("on time by the file's own export time"), rows[0].flags.join('; '));
  const late = await rowsOf([{ name: 'bob.json', text: await handIn('Bob', 'bob@uni.example', LATE) }]);
  assert.ok(late.rows[0].flags.includes("late by the file's own export time"));
});

test('file only: a file named like a Canvas download is not read as one: no Canvas id, and late by its own time', async () => {
  const { rows } = await rowsOf([{ name: 'zz_12345_1_x.json', text: await handIn('Mallory', 'mallory@uni.example', LATE) }]);
  assert.deepEqual([rows[0].identity.lmsUserId, rows[0].identity.from], [null, 'file']);
  assert.deepEqual(rows[0].late, { days: 2, penaltyPercent: 20 });
  assert.ok(rows[0].flags.includes('identity from the file only'));
});

test('Canvas download (the instructor says so): the file names give the user and the late mark', async () => {
  const { rows } = await rowsOf(
    [
      { name: 'lovelaceada_12345_1_doubling-ada.json', text: await handIn('Ada Lovelace', 'ada@uni.example', ON_TIME) },
      { name: 'babbagecharles_LATE_777_2_doubling-charles.json', text: await handIn('Charles Babbage', 'cb@uni.example', ON_TIME) },
      { name: 'hopper_LATE_888_3_x.json', text: await handIn('Grace Hopper', 'grace@uni.example', LATE) },
      { name: 'sent-by-mail.json', text: await handIn('Dee', 'dee@uni.example', ON_TIME) },
    ],
    'canvas',
  );
  const row = (name: string) => rows.find((r) => r.identity.name === name)!;
  assert.deepEqual([row('Ada Lovelace').identity.lmsUserId, row('Ada Lovelace').identity.lmsName, row('Ada Lovelace').identity.from], ['12345', 'lovelaceada', 'lms']);
  assert.equal(row('Ada Lovelace').late, null);
  assert.ok(!row('Ada Lovelace').flags.some((f) => /file's own|name in the file/.test(f)), row('Ada Lovelace').flags.join('; '));
  // Canvas says late, the file says on time: late, by how much Canvas's name does not say
  assert.deepEqual(row('Charles Babbage').late, { days: 1, penaltyPercent: 10 });
  assert.ok(row('Charles Babbage').flags.includes("late by Canvas's mark; how late, unknown: counted as 1 day"));
  assert.ok(row('Grace Hopper').flags.includes("late by Canvas's mark; 2 days by the file's own export time"));
  assert.ok(row('Grace Hopper').flags.includes('the name in the file ("Grace Hopper") is not Canvas\'s ("hopper")'));
  assert.deepEqual([row('Dee').identity.from, row('Dee').identity.lmsUserId], ['file', null]);
  assert.ok(row('Dee').flags.includes('not named as a Canvas download: identity and time from the file'));
});

test("a hand-in under a classmate's email and a later time says whose row it replaced, and the replaced one stays visible", async () => {
  const sheet = await rowsOf([
    { name: 'ada.json', text: await handIn('Ada Lovelace', 'ada@uni.example', ON_TIME, 'const double = (x: number) => 2 * x;') },
    { name: 'mallory.json', text: await handIn('Mallory', 'ADA@uni.example ', '2026-12-01T11:00:00.000Z', null) },
  ]);
  assert.equal(sheet.rows.length, 1);
  const [row] = sheet.rows;
  assert.equal(row.identity.name, 'Mallory');
  assert.ok(row.flags.includes("replaced the hand-in of Ada Lovelace (ada.json) under the same email ada@uni.example, later by the files' own export times"), row.flags.join('; '));
  assert.ok(!row.flags.some((f) => f.startsWith('latest of')), 'not a student handing in twice');
  assert.equal(sheet.replaced.length, 1);
  const [ada] = sheet.replaced;
  assert.deepEqual([ada.identity.name, ada.file, ada.points, ada.replacedBy], ['Ada Lovelace', 'ada.json', 1, { name: 'Mallory', file: 'mallory.json' }]);
  assert.ok(ada.flags.includes("replaced by Mallory (mallory.json), a later hand-in by the files' own export times under the same email ada@uni.example"));
  // the same student twice is still the latest of two, by the files' own times
  const twice = await rowsOf([
    { name: 'a1.json', text: await handIn('Ada Lovelace', 'ada@uni.example', ON_TIME) },
    { name: 'a2.json', text: await handIn('ada  lovelace', 'ada@uni.example', '2026-12-01T12:00:00.000Z') },
  ]);
  assert.deepEqual([twice.rows.length, twice.replaced.length, twice.rows[0].file], [1, 0, 'a2.json']);
  assert.ok(twice.rows[0].flags.includes("latest of 2 hand-ins, by the files' own export times"));
});

test("Moodle download: another student's email under a different participant flags both rows", async () => {
  const { rows } = await rowsOf(
    [
      { name: 'Ada Lovelace_101_assignsubmission_file_ada.json', text: await handIn('Ada Lovelace', 'ada@uni.example') },
      { name: 'Mallory Evil_102_assignsubmission_file_m.json', text: await handIn('Mallory Evil', 'ada@uni.example', ON_TIME, null) },
    ],
    'moodle',
  );
  assert.equal(rows.length, 2);
  const [ada, mallory] = ['Ada Lovelace', 'Mallory Evil'].map((n) => rows.find((r) => r.identity.name === n)!);
  assert.deepEqual([ada.identity.lmsUserId, mallory.identity.lmsUserId], ['101', '102']);
  assert.ok(ada.flags.includes('same email or login (ada@uni.example) as Mallory Evil (Moodle participant 102)'), ada.flags.join('; '));
  assert.ok(mallory.flags.includes('same email or login (ada@uni.example) as Ada Lovelace (Moodle participant 101)'));
  // Moodle's names say nothing of time: every row's lateness is the file's own word
  assert.ok(ada.flags.includes("on time by the file's own export time"));
});

test("a classmate's file re-uploaded under one's own Canvas account is flagged: another name, the same file", async () => {
  const adas = await handIn('Ada Lovelace', 'ada@uni.example');
  const { rows } = await rowsOf(
    [
      { name: 'lovelaceada_100_1_ada.json', text: adas },
      { name: 'evilmallory_200_2_ada.json', text: adas },
    ],
    'canvas',
  );
  const mallory = rows.find((r) => r.identity.lmsUserId === '200')!;
  assert.ok(mallory.flags.includes('the name in the file ("Ada Lovelace") is not Canvas\'s ("evilmallory")'), mallory.flags.join('; '));
  assert.ok(mallory.flags.includes('the same file as Ada Lovelace (Canvas user 100): identical checksum'));
  assert.ok(mallory.flags.includes('same email or login (ada@uni.example) as Ada Lovelace (Canvas user 100)'));
});

test('the same code handed in by two students, each file signed with their own name, is flagged', async () => {
  const { rows } = await rowsOf([
    { name: 'ada.json', text: await handIn('Ada', 'ada@uni.example', ON_TIME, MINE) },
    { name: 'bob.json', text: await handIn('Bob', 'bob@uni.example', ON_TIME, `// my own work\n${MINE.replace('x + x', 'x+x')}`) },
    { name: 'cy.json', text: await handIn('Cy', 'cy@uni.example', ON_TIME, 'const double = (y: number) => y * 2;') },
  ]);
  const [ada, bob, cy] = ['Ada', 'Bob', 'Cy'].map((n) => rows.find((r) => r.identity.name === n)!);
  assert.ok(ada.flags.includes('the same code as Bob (bob@uni.example) in every exercise'), ada.flags.join('; '));
  assert.ok(bob.flags.includes('the same code as Ada (ada@uni.example) in every exercise'));
  assert.ok(!cy.flags.some((f) => f.startsWith('the same code')));
});
