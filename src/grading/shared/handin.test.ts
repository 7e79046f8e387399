import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AssignFormValues, makeAssignment } from './assign-form.ts';
import { type Assignment, assignmentLink, describeDue, dueInstant, readAssignment, timeFromNow } from './assignment.ts';
import { sealedInput } from '../build/book-defs.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';
import { type ExerciseDef, type LessonRef, type RunSealed, grade, normalise } from './grade.ts';
import { parseSettings } from './settings-file.ts';
import { defaultSettings, type GradingSettings } from './settings.ts';
import { parseSubmission } from './read-submission.ts';
import { type SubmittedExercise, createSubmission } from './submission.ts';

const counted = [{ chapter: 'gpt', id: 'double', points: 2 }];
const assignment: Assignment = { lesson: 'doubling', className: 'Year 12 <b>B</b>', note: 'Bring questions & "ideas"', due: '2026-12-01', time: '17:30', timeZone: 'Europe/Paris', exercises: counted };
const lessons = [
  {
    id: 'doubling',
    exercises: [
      { chapter: 'gpt', id: 'double' },
      { chapter: 'gpt', id: 'halve' },
    ],
  },
];
const linkError = (search: string) => (readAssignment(search, lessons) as { error: string }).error;

test('an assignment link carries the lesson, class, note, due time and zone, and the counted exercises with points, as text', () => {
  const link = assignmentLink('https://course.example/assignment/', assignment);
  assert.equal(new URL(link).search, '?lesson=doubling&class=Year%2012%20%3Cb%3EB%3C/b%3E&due=2026-12-01&time=17:30&tz=Europe/Paris&ex=gpt/double&pts=2&note=Bring%20questions%20%26%20%22ideas%22');
  assert.deepEqual(readAssignment(new URL(link).search, lessons), { assignment });
  const both = {
    ...assignment,
    exercises: [
      { chapter: 'gpt', id: 'halve', points: 0.5 },
      { chapter: 'gpt', id: 'double', points: 0 },
    ],
  };
  assert.deepEqual(readAssignment(new URL(assignmentLink('https://x.example/a/', both)).search, lessons), { assignment: both });
  const long = readAssignment(`?lesson=doubling&due=2026-12-01&note=${'x'.repeat(5000)}`, lessons) as { assignment: { note: string } };
  assert.equal(long.assignment.note.length, 1000);
});

test('an old link (lesson, class, due, note only) means every exercise, 1 point each, due 23:59 UTC', () => {
  assert.deepEqual(readAssignment('?lesson=doubling&class=B&due=2026-12-01&note=Hi', lessons), {
    assignment: {
      lesson: 'doubling',
      className: 'B',
      note: 'Hi',
      due: '2026-12-01',
      time: '23:59',
      timeZone: 'UTC',
      exercises: [
        { chapter: 'gpt', id: 'double', points: 1 },
        { chapter: 'gpt', id: 'halve', points: 1 },
      ],
    },
  });
});

test('a bad link parameter is named, with its value', () => {
  assert.equal(linkError('?class=x&due=2026-12-01'), 'This link names no lesson. Ask your instructor for the full link.');
  assert.equal(linkError('?lesson=nope&due=2026-12-01'), 'This link names a lesson this site does not have ("nope"). Ask your instructor for a new link.');
  assert.match(linkError('?lesson=doubling&due=2026-02-30'), /due date is not a date \("2026-02-30"\)/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&time=24:00'), /due time is not a time of day \("24:00"\); it should look like 23:59/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&tz=Mars/Olympus'), /time zone is not one this browser knows \("Mars\/Olympus"\)/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&tz='), /time zone is not one this browser knows \(""\)/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&ex=gpt/nope'), /an exercise that is not in the lesson "doubling" \("gpt\/nope"\)/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&ex=gpt/double,gpt/double'), /names the exercise "gpt\/double" twice/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&ex='), /an empty exercise name in "ex"/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&ex=gpt/double&pts=1,2'), /gives 2 point values \("pts"\) for 1 exercise\./);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&pts=1'), /gives 1 point value \("pts"\) for 2 exercises\./);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&ex=gpt/double&pts=-1'), /points for "gpt\/double" are not a number from 0 to 1000 \("-1"\)/);
  assert.match(linkError('?lesson=doubling&due=2026-12-01&ex=gpt/double&pts=lots'), /\("lots"\)/);
  for (const search of ['?class=x', '?lesson=doubling&due=x', '?lesson=doubling&due=2026-12-01&tz=x']) assert.match(linkError(search), /Ask your instructor/);
});

test("the due time is read in the link's time zone, with the reader's own beside it when it differs", () => {
  const due = { due: '2026-12-01', time: '17:30', timeZone: 'Europe/Paris' };
  assert.equal(dueInstant(due), Date.parse('2026-12-01T16:30:00Z'));
  const now = Date.parse('2026-11-28T16:30:00Z');
  const there = describeDue(due, 'America/New_York', now, 'en-GB');
  // the exact wording is the browser's (ICU's) own
  assert.match(there.inZone, /^Tuesday,? 1 December 2026( at|,) 17:30 \(Europe\/Paris\)$/);
  assert.match(there.local!, /^Tuesday,? 1 December 2026( at|,) 11:30 \(America\/New_York\)$/);
  assert.equal(there.fromNow, 'in 3 days');
  assert.equal(there.overdue, false);
  assert.equal(describeDue(due, 'Europe/Paris', now, 'en-GB').local, null);
  assert.equal(describeDue(due, 'UTC', Date.parse('2026-12-01T18:00:00Z'), 'en-GB').fromNow, '1 hour ago');
  assert.equal(describeDue(due, 'UTC', Date.parse('2026-12-01T18:00:00Z')).overdue, true);
  assert.equal(timeFromNow(90_000), 'in 2 minutes');
  assert.equal(timeFromNow(-3 * 86_400_000), '3 days ago');
});

const formLessons = [
  {
    id: 'doubling',
    title: 'Doubling',
    exercises: [
      { chapter: 'gpt', id: 'double', title: 'Double' },
      { chapter: 'gpt', id: 'halve', title: 'Halve' },
    ],
  },
];
const form: AssignFormValues = {
  lesson: 'doubling',
  className: ' CS 101 ',
  note: '',
  dueDate: '2026-12-01',
  dueTime: '17:30',
  timeZone: 'europe/paris',
  exercises: [
    { key: 'gpt/double', counted: true, points: '2' },
    { key: 'gpt/halve', counted: false, points: '1' },
  ],
  lateRule: 'penalty',
  percentPerDay: '10',
  maxDays: '3',
  lmsName: '',
  lmsId: ' 4711 ',
};

test('/assign/ makes a link and a grading settings file that settings.ts reads back', () => {
  const made = makeAssignment(form, formLessons, 'https://course.example/assignment/');
  assert.ok('link' in made);
  assert.equal(made.settingsFileName, 'doubling-grading.json');
  assert.deepEqual(made.settings, {
    format: 'annotated-microgpt-grading',
    version: 1,
    lesson: 'doubling',
    className: 'CS 101',
    exercises: [{ chapter: 'gpt', id: 'double', points: 2 }],
    due: { date: '2026-12-01', time: '17:30', timeZone: 'Europe/Paris' },
    late: { rule: 'penalty', percentPerDay: 10, maxDays: 3 },
    lmsAssignment: { name: 'Doubling', id: '4711' },
  });
  assert.deepEqual(parseSettings(JSON.stringify(made.settings)), made.settings);
  // the link holds what the student sees, and agrees with the settings; never the late rule or the LMS
  const read = readAssignment(new URL(made.link).search, formLessons) as { assignment: Assignment };
  assert.deepEqual(read.assignment, { lesson: 'doubling', className: 'CS 101', note: '', due: '2026-12-01', time: '17:30', timeZone: 'Europe/Paris', exercises: made.settings!.exercises });
  assert.doesNotMatch(made.link, /4711|penalty|late/);
  const none = makeAssignment({ ...form, lateRule: 'none', percentPerDay: 'x', lmsName: ' Week 3 ', lmsId: '' }, formLessons, 'https://course.example/assignment/') as { settings: GradingSettings };
  assert.deepEqual(
    [none.settings.late, none.settings.lmsAssignment],
    [
      { rule: 'none', percentPerDay: 0, maxDays: 0 },
      { name: 'Week 3', id: null },
    ],
  );
  const empty = makeAssignment({ ...form, lesson: 'reading', exercises: [] }, [{ id: 'reading', title: 'Reading', exercises: [] }], 'https://course.example/assignment/');
  assert.equal((empty as { settings: null }).settings, null);
});

test('/assign/ names every bad field, and makes nothing', () => {
  const made = makeAssignment(
    { ...form, dueDate: '', dueTime: '25:00', timeZone: 'Mars/Olympus', exercises: [{ key: 'gpt/double', counted: true, points: '-2' }], percentPerDay: '150', maxDays: '1.5' },
    formLessons,
    'https://course.example/assignment/',
  );
  assert.deepEqual(made, {
    problems: [
      { field: 'dueDate', message: 'Due date: choose a date.' },
      { field: 'dueTime', message: 'Due time: "25:00" is not a time of day; write it as HH:MM, 24-hour (e.g. 23:59).' },
      { field: 'timeZone', message: 'Time zone: "Mars/Olympus" is not a time zone this browser knows; use a name such as Europe/Paris, America/New_York or UTC.' },
      { field: 'points:gpt/double', message: 'Points for "Double": "-2" is not a number from 0 to 1000.' },
      { field: 'percentPerDay', message: 'Penalty per day: "150" is not a percentage from 0 to 100.' },
      { field: 'maxDays', message: 'Days accepted late: "1.5" is not a whole number of days (0 for no limit).' },
    ],
  });
  const unticked = makeAssignment({ ...form, exercises: form.exercises.map((e) => ({ ...e, counted: false })) }, formLessons, 'https://course.example/assignment/');
  assert.deepEqual(unticked, { problems: [{ field: 'exercises', message: 'Exercises: tick at least one exercise to count.' }] });
});

const exercise = (code: string | null, passed: boolean): SubmittedExercise => ({
  chapter: 'gpt',
  id: 'double',
  code,
  passed,
  passedAt: passed ? '2026-11-29T10:00:00.000Z' : null,
  attempts: 3,
  hintsOpened: 1,
  solutionShownAt: null,
  version: 'b7e2',
});
const hand = (student: string, code: string | null, passed: boolean, exportedAt = '2026-11-30T10:00:00.000Z') =>
  createSubmission({
    assignment,
    student: { name: student, email: `${student.toLowerCase()}@uni.example` },
    exportedAt,
    readings: [{ chapter: 'gpt', section: null, read: true }],
    exercises: [exercise(code, passed)],
  });

test('a hand-in file (version 2) round-trips, and a changed, cut or foreign file is refused with its own message', async () => {
  const made = await hand('Ada', 'const double = (x: number) => 2 * x;', true);
  const text = JSON.stringify(made);
  assert.deepEqual(await parseSubmission(text), { ...made, legacy: false });
  assert.deepEqual((await parseSubmission(JSON.stringify(made, null, 2))).student, { name: 'Ada', email: 'ada@uni.example' });
  await assert.rejects(parseSubmission(text.replace('2 * x', '3 * x')), { message: 'the file was changed after it was exported (its checksum does not match)' });
  await assert.rejects(parseSubmission(text.replace('"attempts":3', '"attempts":1')), { message: 'the file was changed after it was exported (its checksum does not match)' });
  await assert.rejects(parseSubmission(text.replace('"points":2', '"points":5')), { message: 'the file was changed after it was exported (its checksum does not match)' });
  await assert.rejects(parseSubmission(text.slice(0, text.length / 2)), { message: 'the file is cut short (truncated): its JSON ends early' });
  await assert.rejects(parseSubmission('PK\u0003\u0004 zip'), { message: 'not a hand-in file: it is not JSON' });
  await assert.rejects(parseSubmission('{"format":"annotated-microgpt-progress","version":1}'), { message: 'not a hand-in file: "format" is not "annotated-microgpt-submission"' });
  await assert.rejects(parseSubmission(text.replace('"version":2', '"version":3')), { message: 'hand-in file version 3 is not one this site reads (1 or 2)' });
  await assert.rejects(parseSubmission(text.replace('"name":"Ada"', '"name":" "')), { message: "student.name: the student's name is missing" });
  await assert.rejects(parseSubmission(text.replace('"email":"ada@uni.example"', '"email":""')), { message: "student.email: the student's email or login is missing" });
  await assert.rejects(parseSubmission(text.replace('"timeZone":"Europe/Paris"', '"timeZone":"Paris"')), { message: 'assignment.timeZone: needs a time zone such as Europe/Paris' });
  await assert.rejects(parseSubmission(text.replace('"hintsOpened":1', '"hintsOpened":-1')), { message: 'exercises[0].hintsOpened: needs a whole number, 0 or more' });
  await assert.rejects(parseSubmission(text.replace(/"exercises":\[\{"chapter":"gpt","id":"double","code".*?\}\]/, '"exercises":[{"id":3}]')), {
    message: 'exercises[0].chapter: is missing',
  });
});

test('a version 1 hand-in file is still read, as version 2 marked legacy', async () => {
  // as the site wrote them before version 2, checksum and all
  const v1 = {
    format: 'annotated-microgpt-submission',
    version: 1,
    assignment: { lesson: 'doubling', className: 'B', due: '2026-12-01', note: '' },
    student: 'Ada',
    exportedAt: '2026-11-30T10:00:00.000Z',
    readings: [{ chapter: 'gpt', section: null, read: true }],
    exercises: [{ chapter: 'gpt', id: 'double', code: 'const double = (x: number) => 2 * x;', passed: true, passedAt: '2026-11-29T10:00:00.000Z' }],
    checksum: '',
  };
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify(['annotated-microgpt-submission', 1, 'doubling', 'B', '2026-12-01', '', 'Ada', v1.exportedAt, v1.readings, v1.exercises])),
  );
  v1.checksum = Buffer.from(digest).toString('hex');
  const read = await parseSubmission(JSON.stringify(v1));
  assert.equal(read.legacy, true);
  assert.equal(read.version, 2);
  assert.deepEqual(read.student, { name: 'Ada', email: null });
  assert.deepEqual(read.assignment, { lesson: 'doubling', className: 'B', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: [{ chapter: 'gpt', id: 'double', points: 1 }] });
  assert.deepEqual(read.exercises, [{ ...v1.exercises[0], attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' }]);
  await assert.rejects(parseSubmission(JSON.stringify({ ...v1, student: 'Bob' })), { message: 'the file was changed after it was exported (its checksum does not match)' });
});

const def: ExerciseDef = {
  chapter: 'gpt',
  id: 'double',
  title: 'Double',
  setup: '',
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('double(2) is 4', () => expectEqual(double(2), 4));\ncheck('double(-1) is -2', () => expectEqual(double(-1), -2));",
  checkNames: ['double(2) is 4', 'double(-1) is -2'],
  provides: ['double'],
  withhold: [],
  grading: '',
  solution: 'const double = (x: number) => 2 * x;',
  timeoutMs: 5000,
  version: '',
};
const lesson: LessonRef = { id: 'doubling', title: 'Doubling', exercises: [{ chapter: 'gpt', id: 'double' }] };
const run: RunSealed = (d, code, seed) => runSealedThread(sealedInput(d, code, seed), d.timeoutMs);
const settings: GradingSettings = { ...defaultSettings(lesson, '2026-12-01'), late: { rule: 'penalty', percentPerDay: 50, maxDays: 0 } };

test('grading re-runs every check, flags late hand-ins, groups equal solutions, and reports bad files on their own', async () => {
  const files = [
    { name: 'ada.json', text: JSON.stringify(await hand('Ada', 'const double = (x: number) => 2 * x; // mine', true)) },
    { name: 'bob.json', text: JSON.stringify(await hand('Bob', 'const double = (x: number) =>  2*x;', true, '2026-12-03T09:00:00.000Z')) },
    // claims a pass the code does not earn: the grader believes the checks, not the file
    { name: 'cy.json', text: JSON.stringify(await hand('Cy', 'const double = (x: number) => x + 2;', true)) },
    { name: 'dee.json', text: JSON.stringify(await hand('Dee', null, false)) },
    { name: 'broken.json', text: '{"format": "annotated-microgpt-submission", "version": 1, "assign' },
  ];
  const report = await grade({ files, lessons: [lesson], defs: [def], settings: [settings], seed: 'seed', run });
  assert.deepEqual(report.errors, [{ file: 'broken.json', message: 'the file is cut short (truncated): its JSON ends early' }]);
  const [{ sheet, groups }] = report.lessons;
  assert.deepEqual(
    sheet.rows.map((r) => [r.identity.name, r.exercises[0].state, r.late?.days ?? 0, r.points]),
    [
      ['Ada', 'passed', 0, 1],
      ['Bob', 'passed', 2, 0],
      ['Cy', 'partial', 0, 0.5],
      ['Dee', 'missing', 0, 0],
    ],
  );
  const cy = sheet.rows[2].exercises[0];
  assert.deepEqual(
    cy.checks.find((c) => !c.passed),
    { name: 'double(-1) is -2', passed: false, message: 'expected -2, got 1', hidden: false },
  );
  assert.ok(cy.flags.includes("the student's page had shown a pass"));
  assert.ok(sheet.rows[0].exercises[0].flags.includes("same as the book's solution"), "Ada's is the book's, once the comment is gone");
  assert.deepEqual(
    groups[0].solutions.map((s) => [s.students, s.isBookSolution]),
    [
      [['Ada', 'Bob'], true],
      [['Cy'], false],
    ],
  );
});

test('a file for another lesson, or listing an exercise the lesson does not have, is refused', async () => {
  const other = await createSubmission({
    assignment: { ...assignment, lesson: 'elsewhere' },
    student: { name: 'Eve', email: 'eve' },
    exportedAt: '2026-11-30T10:00:00.000Z',
    readings: [],
    exercises: [],
  });
  const stray = await createSubmission({
    assignment,
    student: { name: 'Fay', email: 'fay' },
    exportedAt: '2026-11-30T10:00:00.000Z',
    readings: [],
    exercises: [{ ...exercise('x', true), id: 'other' }],
  });
  const report = await grade({
    files: [
      { name: 'eve.json', text: JSON.stringify(other) },
      { name: 'fay.json', text: JSON.stringify(stray) },
    ],
    lessons: [lesson],
    defs: [def],
    settings: [],
    seed: null,
    run,
  });
  assert.deepEqual(
    report.errors.map((e) => e.message),
    ['it is for a lesson this site does not have ("elsewhere")', 'it lists an exercise that is not in the lesson "doubling" (gpt/other)'],
  );
});

test('normalise keeps strings exact: a // or /* inside a string is not a comment', () => {
  assert.equal(normalise("const url = 'a // b';"), "const url = 'a // b' ;");
  assert.equal(normalise('const s = "x /* y */ z"; // note'), 'const s = "x /* y */ z" ;');
  assert.equal(normalise('const t = `a // ${b} //c`;'), normalise('const t = `a // ${ b } //c`; // trailing'));
  assert.notEqual(normalise("log('a // b');"), normalise("log('a');"));
});

test('normalise ignores comments, blank lines and spacing, typed code included', () => {
  const spaced = 'function f(x: number): number {\n  // double it\n  return x * 2; /* twice */\n}\n\n';
  assert.equal(normalise(spaced), normalise('function f(x:number):number{return x*2;}'));
  assert.equal(normalise('/** doc */\nconst a = [1, 2];'), normalise('const a=[1,2];'));
  assert.equal(normalise('const r = /a\\/b/g; // regex'), 'const r = /a\\/b/g ;');
});

test('normalise tells different strings and different code apart', () => {
  assert.notEqual(normalise("const s = 'a b';"), normalise("const s = 'a  b';"));
  assert.notEqual(normalise("const s = 'a';"), normalise('const s = "a";'));
  assert.notEqual(normalise('const s = `x`;'), normalise('const s = ` x `;'));
  assert.notEqual(normalise('const a = b - -c;'), normalise('const a = b--c;'));
});

test('normalise compares code that does not parse as it was sent', () => {
  assert.equal(normalise('const a = ('), 'const a = (');
  assert.notEqual(normalise('const a = ('), normalise('const a =('));
});

test('normalise ignores comments and spacing only', () => {
  assert.equal(normalise('const a = 1; // one\n/* two */ const b=a  +  1;'), normalise('const a=1;\nconst b = a + 1;'));
  assert.notEqual(normalise('return a + 1;'), normalise('return a - 1;'));
});
