import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canvasCsv, csvCell, feedbackLines, gradescopeResults, moodleCsv, moodleWarnings, plainCsv, sheetJson } from './exports.ts';
import type { ExerciseScore, GradedRow, GradeSheet } from './sheet.ts';

const softmax: ExerciseScore = {
  key: 'gpt/softmax-max',
  title: 'Softmax, stably',
  points: 1,
  max: 1,
  state: 'passed',
  checks: [
    { name: 'sums to 1', passed: true, message: null, hidden: false },
    { name: 'seeded inputs', passed: true, message: null, hidden: true },
  ],
  flags: [],
};
const backward: ExerciseScore = {
  key: 'autograd/write-backward',
  title: 'Write backward',
  points: 1,
  max: 3,
  state: 'partial',
  checks: [
    { name: 'adds with +=', passed: true, message: null, hidden: false },
    { name: 'chain rule', passed: false, message: 'expected 6, got 5', hidden: false },
    { name: 'seeded graph', passed: false, message: 'expected 0.25 for x.grad', hidden: true },
  ],
  flags: ['solution shown'],
};
const ada: GradedRow = {
  identity: { name: 'Lovelace, "Ada"', email: 'ada@example.edu', login: 'alovelace', lmsUserId: '1234', lmsName: 'lovelaceada', from: 'lms' },
  file: 'ada.json',
  handedInAt: '2026-12-01T10:00:00.000Z',
  timeFrom: 'platform',
  late: null,
  points: 2,
  max: 4,
  exercises: [softmax, backward],
  flags: [],
};
const mallory: GradedRow = {
  identity: { name: '=cmd|" /C calc"!A0', email: null, login: null, lmsUserId: null, lmsName: null, from: 'file' },
  file: 'mallory.json',
  handedInAt: null,
  timeFrom: 'file',
  late: { days: 2, penaltyPercent: 20 },
  points: -0,
  max: 4,
  exercises: [
    { ...softmax, points: 0, state: 'failed', checks: softmax.checks.map((c) => ({ ...c, passed: false })) },
    { ...backward, points: 0, state: 'missing', checks: [], flags: [] },
  ],
  flags: ['identity from the file only'],
};
const sheet: GradeSheet = { lesson: { id: 'transformer-block', title: 'The transformer block' }, assignment: { name: 'Lesson 3', lmsAssignmentId: '987' }, max: 4, rows: [ada, mallory], replaced: [] };

const lines = (text: string) => {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!text.startsWith('\uFEFF'), 'no BOM');
  return text.slice(0, -2).split('\r\n');
};

test('a CSV cell is quoted only when it must be, and a formula is disarmed but a number is not', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('Lovelace, Ada'), '"Lovelace, Ada"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(csvCell(f).replace(/^"/, '')[0], "'", JSON.stringify(f));
  assert.equal(csvCell('\rx'), `"'\rx"`);
  assert.equal(csvCell(-0), '0');
  assert.equal(csvCell(-2.5), '-2.5');
  assert.equal(csvCell(1 / 3), '0.33');
  assert.equal(csvCell(null), '');
});

test('Canvas: the header, a Points Possible row, and one row per student matched by ID and login', () => {
  // canvas-lms gradebook_importer.rb / gradebook_exporter.rb: Student, ID, SIS User ID, SIS Login ID, Section, "<assignment> (<id>)"
  const [header, possible, first, second, ...rest] = lines(canvasCsv(sheet));
  assert.equal(header, 'Student,ID,SIS User ID,SIS Login ID,Section,Lesson 3 (987)');
  assert.equal(possible, 'Points Possible,,,,,4');
  assert.equal(first, '"Lovelace, ""Ada""",1234,,alovelace,,2');
  assert.equal(second, `"'=cmd|"" /C calc""!A0",,,,,0`);
  assert.deepEqual(rest, []);
  const noLogin = { ...ada, identity: { ...ada.identity, login: null } };
  const newAssignment = canvasCsv({ ...sheet, assignment: { name: 'Lesson 3', lmsAssignmentId: null }, rows: [noLogin] });
  assert.deepEqual(lines(newAssignment), ['Student,ID,SIS User ID,SIS Login ID,Section,Lesson 3', 'Points Possible,,,,,4', '"Lovelace, ""Ada""",1234,,ada@example.edu,,2']);
});

test('Moodle: email and ID number to map the student, the grade, and the feedback (rows without an email left out)', () => {
  // Moodle grade/import/csv: columns named as its own export names them ("Email address", "ID number", "<item> (Real)", "<item> (Feedback)")
  const text = moodleCsv(sheet);
  assert.ok(text.startsWith('Full name,Email address,ID number,Lesson 3 (Real),Lesson 3 (Feedback)\r\n'));
  const body = text.split('\r\n')[1];
  assert.ok(body.startsWith('"Lovelace, ""Ada""",ada@example.edu,alovelace,2,"'), body);
  assert.ok(!text.includes('calc'), 'the row without an email is not there');
  const feedback = feedbackLines(ada);
  assert.deepEqual(feedback, ['Softmax, stably: 1/1 (passed)', 'Write backward: 1/3 (partial) failed: chain rule (expected 6, got 5), 1 hidden check [solution shown]', 'Total: 2/4']);
  assert.ok(!feedback.join().includes('0.25'), 'a hidden check keeps its message to itself');
  assert.deepEqual(feedbackLines(mallory).slice(-3), ['Late by 2 days: -20%', 'Flags: identity from the file only', 'Total: 0/4']);
});

test('Moodle: every row left out is named, with why; so is an email on several rows, and emails nobody vouches for', () => {
  const typo = { ...ada, file: 'typo.json', identity: { ...ada.identity, name: 'Typo', email: 'ada@uni\nexample' } };
  const login = { ...ada, file: 'login.json', identity: { ...ada.identity, name: 'Login Only', email: null, login: 'lo123' } };
  const bob = { ...ada, file: 'bob.json', identity: { ...ada.identity, name: 'Bob', email: 'bob@example.edu' } };
  const bobToo = { ...ada, file: 'bob2.json', identity: { ...ada.identity, name: 'Not Bob', email: ' BOB@example.edu' } };
  const attack = { ...sheet, rows: [ada, typo, login, bob, bobToo, mallory] };
  const text = moodleCsv(attack);
  assert.deepEqual(
    lines(text).map((l) => l.slice(0, 12)),
    ['Full name,Em', '"Lovelace, "'],
    'the header and Ada only',
  );
  assert.deepEqual(moodleWarnings(attack), [
    'left out Typo (typo.json): "ada@uni\nexample" is not an email address Moodle could match; enter the grade by hand',
    'left out Login Only (login.json): the file gives no email address (only the login "lo123"); enter the grade by hand',
    'left out =cmd|" /C calc"!A0 (mallory.json): the file gives no email address; enter the grade by hand',
    "left out Bob (bob.json) and Not Bob (bob2.json): the same email bob@example.edu on 2 rows, and Moodle would give one student the last row's grade; decide whose it is and enter it by hand",
    "the email address is as the student typed it (Moodle's download does not give it): Moodle's import stops at an email it does not know, so check it against the course's participants",
  ]);
  assert.match(moodleWarnings({ ...sheet, rows: [ada, bob] }).at(-1)!, /^all 2 email addresses are as the students typed them/);
});

test('plain CSV: email, name, points, max, each exercise, lateness and flags; numbers stay numbers', () => {
  const [header, first, second] = lines(plainCsv(sheet));
  assert.equal(header, 'Email,Name,Points,Max,"Softmax, stably (gpt/softmax-max)",Write backward (autograd/write-backward),Late days,Late penalty %,Flags');
  assert.equal(first, 'ada@example.edu,"Lovelace, ""Ada""",2,4,1,1,0,0,Write backward: solution shown');
  assert.equal(second, `,"'=cmd|"" /C calc""!A0",0,4,0,0,2,20,identity from the file only`);
});

test('the sheet as JSON reads back the same', () => {
  assert.deepEqual(JSON.parse(sheetJson(sheet)), JSON.parse(JSON.stringify(sheet)));
});

// Gradescope autograder specification, "Output format": the fields results.json may have
const TOP_LEVEL = ['score', 'execution_time', 'output', 'output_format', 'test_output_format', 'test_name_format', 'visibility', 'stdout_visibility', 'extra_data', 'tests', 'leaderboard'];
const TEST_FIELDS = ['score', 'max_score', 'status', 'name', 'name_format', 'number', 'output', 'output_format', 'tags', 'visibility', 'extra_data'];
const VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];
const FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'];

function assertResultsJson(results: Record<string, unknown>) {
  for (const key of Object.keys(results)) assert.ok(TOP_LEVEL.includes(key), `top-level field ${key}`);
  assert.equal(typeof results.score, 'number');
  assert.ok(VISIBILITY.includes(results.visibility as string));
  assert.ok(FORMATS.includes(results.output_format as string));
  for (const t of results.tests as Record<string, unknown>[]) {
    for (const key of Object.keys(t)) assert.ok(TEST_FIELDS.includes(key), `test field ${key}`);
    assert.equal(typeof t.name, 'string');
    assert.ok(typeof t.score === 'number' && typeof t.max_score === 'number' && t.score <= t.max_score, JSON.stringify(t));
    assert.ok(t.status === 'passed' || t.status === 'failed');
    assert.ok(VISIBILITY.includes(t.visibility as string));
  }
}

test('Gradescope: one test per check, points split among them, hidden checks shown after the due date', () => {
  const results = gradescopeResults(ada, sheet);
  assertResultsJson(JSON.parse(JSON.stringify(results)));
  assert.equal(results.score, 2);
  assert.deepEqual(
    results.tests.map((t) => [t.number, t.name, t.score, t.max_score, t.status, t.visibility]),
    [
      ['1.1', 'Softmax, stably: sums to 1', 0.5, 0.5, 'passed', 'visible'],
      ['1.2', 'Softmax, stably: seeded inputs', 0.5, 0.5, 'passed', 'after_due_date'],
      ['2.1', 'Write backward: adds with +=', 1, 1, 'passed', 'visible'],
      ['2.2', 'Write backward: chain rule', 0, 1, 'failed', 'visible'],
      ['2.3', 'Write backward: seeded graph', 0, 1, 'failed', 'after_due_date'],
    ],
  );
  assert.equal(results.tests[3].output, 'expected 6, got 5');
  assert.match(results.output, /^The transformer block: Lovelace, "Ada"\n/);
  // shown at once, so it gives away neither the hidden checks' verdicts nor the total they go into
  assert.doesNotMatch(results.output, /Total|seeded|hidden|\d+\/\d+/);
});

test('Gradescope: a missing exercise is one failed test, and the late penalty is in the top-level score', () => {
  const results = gradescopeResults(mallory, sheet);
  assertResultsJson(JSON.parse(JSON.stringify(results)));
  assert.equal(Object.is(results.score, -0) ? 'negative zero' : results.score, 0);
  const missing = results.tests.at(-1)!;
  assert.deepEqual([missing.name, missing.score, missing.max_score, missing.status, missing.output], ['Write backward', 0, 3, 'failed', 'not handed in']);
  assert.match(results.output, /Late by 2 days: -20%/);
  const thirds = gradescopeResults({ ...ada, exercises: [{ ...backward, points: 1, max: 1, checks: backward.checks.map((c) => ({ ...c, passed: true })) }] }, sheet);
  assert.deepEqual(
    thirds.tests.map((t) => t.max_score),
    [0.33, 0.33, 0.34],
  );
  assert.equal(
    thirds.tests.reduce((s, t) => s + t.score, 0),
    1,
  );
});
