import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as engine from '../../../engine/src/index.ts';
import * as display from '../../runtime/display.ts';
import { runExercise } from '../../runtime/exercise.ts';
import { assignmentLink, daysLeft, readAssignment } from './assignment.ts';
import { type ExerciseDef, type LessonRef, grade, isLate, normalise, toCsv } from './grade.ts';
import { createSubmission, parseSubmission } from './submission.ts';

const assignment = { lesson: 'doubling', className: 'Year 12 <b>B</b>', due: '2026-12-01', note: 'Bring questions & "ideas"' };

test('an assignment link carries the lesson, class, due date and note as text, and nothing else', () => {
  const link = assignmentLink('https://course.example/assignment/', assignment);
  assert.equal(new URL(link).pathname, '/assignment/');
  assert.deepEqual(readAssignment(new URL(link).search, ['doubling']), { assignment });
  assert.deepEqual(readAssignment('?class=x&due=2026-12-01', ['doubling']), { error: 'This link names no lesson. Ask your instructor for the full link.' });
  assert.match((readAssignment('?lesson=nope&due=2026-12-01', ['doubling']) as { error: string }).error, /a lesson this site does not have \("nope"\)/);
  assert.match((readAssignment('?lesson=doubling&due=2026-02-30', ['doubling']) as { error: string }).error, /due date is not a date \("2026-02-30"\)/);
  const long = readAssignment(`?lesson=doubling&due=2026-12-01&note=${'x'.repeat(5000)}`, ['doubling']) as { assignment: { note: string } };
  assert.equal(long.assignment.note.length, 1000);
  assert.equal(daysLeft('2026-12-01', new Date(2026, 10, 25, 18)), 6);
  assert.equal(daysLeft('2026-11-24', new Date(2026, 10, 25, 1)), -1);
});

const hand = (student: string, code: string | null, passed: boolean, exportedAt = '2026-11-30T10:00:00.000Z') =>
  createSubmission({ assignment, student, exportedAt, readings: [{ chapter: 'gpt', section: null, read: true }], exercises: [{ chapter: 'gpt', id: 'double', code, passed, passedAt: passed ? '2026-11-29T10:00:00.000Z' : null }] });

test('a hand-in file round-trips, and a changed, cut or foreign file is refused with its own message', async () => {
  const text = JSON.stringify(await hand('Ada', 'const double = (x: number) => 2 * x;', true));
  assert.equal((await parseSubmission(text)).student, 'Ada');
  await assert.rejects(parseSubmission(text.replace('2 * x', '3 * x')), { message: 'the file was changed after it was exported (its checksum does not match)' });
  await assert.rejects(parseSubmission(text.slice(0, text.length / 2)), { message: 'the file is cut short (truncated): its JSON ends early' });
  await assert.rejects(parseSubmission('PK\u0003\u0004 zip'), { message: 'not a hand-in file: it is not JSON' });
  await assert.rejects(parseSubmission('{"format":"annotated-microgpt-progress","version":1}'), { message: 'not a hand-in file: "format" is not "annotated-microgpt-submission"' });
  await assert.rejects(parseSubmission(text.replace('"student":"Ada"', '"student":""')), { message: "the student's name is missing" });
  await assert.rejects(parseSubmission(text.replace(/"exercises":\[.*?\]/, '"exercises":[{"id":3}]')), { message: 'the "exercises" field is missing or malformed' });
});

const def: ExerciseDef = {
  chapter: 'gpt',
  id: 'double',
  title: 'Double',
  setup: '',
  checks: "import { check, expectEqual } from '@microgpt/check';\ncheck('double(2) is 4', () => expectEqual(double(2), 4));\ncheck('double(-1) is -2', () => expectEqual(double(-1), -2));",
  checkNames: ['double(2) is 4', 'double(-1) is -2'],
  timeoutMs: 2000,
};
const lesson: LessonRef = { id: 'doubling', title: 'Doubling', exercises: [{ chapter: 'gpt', id: 'double' }] };
const run = (d: ExerciseDef, code: string) => runExercise({ code, setup: d.setup || undefined, checks: d.checks }, { '@microgpt/engine': engine, '@microgpt/display': display });

test('grading re-runs every check, flags late hand-ins, groups equal solutions, and reports bad files on their own', async () => {
  const files = [
    { name: 'ada.json', text: JSON.stringify(await hand('Ada', 'const double = (x: number) => 2 * x; // mine', true)) },
    { name: 'bob.json', text: JSON.stringify(await hand('Bob', 'const double = (x: number) =>  2*x;', true, '2026-12-03T09:00:00.000Z')) },
    // claims a pass the code does not earn: the grader believes the checks, not the file
    { name: 'cy.json', text: JSON.stringify(await hand('Cy', 'const double = (x: number) => x + 2;', true)) },
    { name: 'dee.json', text: JSON.stringify(await hand('Dee', null, false)) },
    { name: 'broken.json', text: '{"format": "annotated-microgpt-submission", "version": 1, "assign' },
  ];
  const report = await grade(files, [lesson], [def], run);
  assert.deepEqual(report.errors, [{ file: 'broken.json', message: 'the file is cut short (truncated): its JSON ends early' }]);
  const [table] = report.lessons;
  assert.deepEqual(
    table.rows.map((r) => [r.student, r.marks[0].state, r.late, r.passed]),
    [['Ada', 'passed', false, 1], ['Bob', 'passed', true, 1], ['Cy', 'failed', false, 0], ['Dee', 'missing', false, 0]],
  );
  assert.equal(table.rows[2].marks[0].message, 'double(-1) is -2: expected -2, got 1');
  assert.equal(table.rows[2].marks[0].claimed, true);
  assert.deepEqual(table.groups[0].solutions.map((s) => s.students), [['Ada', 'Bob'], ['Cy']]);
  const csv = toCsv(table);
  assert.equal(csv.split('\r\n')[0], 'student,file,exported at,late,Double (gpt/double),passed,of');
  assert.equal(csv.split('\r\n')[2], 'Bob,bob.json,2026-12-03T09:00:00.000Z,late,passed,1,1');
});

test('a file for another lesson, or listing an exercise the lesson does not have, is refused', async () => {
  const other = await createSubmission({ assignment: { ...assignment, lesson: 'elsewhere' }, student: 'Eve', exportedAt: '2026-11-30T10:00:00.000Z', readings: [], exercises: [] });
  const stray = await createSubmission({ assignment, student: 'Fay', exportedAt: '2026-11-30T10:00:00.000Z', readings: [], exercises: [{ chapter: 'gpt', id: 'other', code: 'x', passed: true, passedAt: null }] });
  const report = await grade([{ name: 'eve.json', text: JSON.stringify(other) }, { name: 'fay.json', text: JSON.stringify(stray) }], [lesson], [def], run);
  assert.deepEqual(report.errors.map((e) => e.message), [
    'it is for a lesson this site does not have ("elsewhere")',
    'it lists an exercise that is not in the lesson "doubling" (gpt/other)',
  ]);
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

test('normalise ignores comments and spacing only; a hand-in is late after the due day ends everywhere', () => {
  assert.equal(normalise('const a = 1; // one\n/* two */ const b=a  +  1;'), normalise('const a=1;\nconst b = a + 1;'));
  assert.notEqual(normalise('return a + 1;'), normalise('return a - 1;'));
  assert.equal(isLate('2026-12-02T11:59:00Z', '2026-12-01'), false); // still Dec 1 at UTC-12
  assert.equal(isLate('2026-12-02T12:00:01Z', '2026-12-01'), true);
  const injected = toCsv({ lesson, exercises: [def], rows: [{ file: 'x', student: '=HYPERLINK("evil")', exportedAt: 't', late: false, marks: [], passed: 0 }], groups: [] });
  assert.match(injected, /\r\n"'=HYPERLINK\(""evil""\)",x,/);
});
