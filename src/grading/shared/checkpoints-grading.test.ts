// Checkpoints graded as a hostile student would attack them: a hand-in that claims `correct: true`
// for a wrong answer, one that raises its own points, one that hands in another student's variant
// answer, or says its variant was drawn for someone else. The grader checks every answer itself,
// against the sealed answers the chapter page holds, or by running the variant again for the
// identity it grades, and takes points from the instructor's settings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChapter } from '../../book/build/book.ts';
import { checkCheckpoints } from '../../checkpoints/build/check.ts';
import { allKinds, checkpoint } from '../../checkpoints/build/fixtures.ts';
import { runVariantThread } from '../build/book-defs.ts';
import type { CheckpointPageData } from '../../checkpoints/shared/data.ts';
import { answerKey, checkAnswer, judgeVariant, variantProgram, variantSeed } from '../../checkpoints/shared/answers.ts';
import { makeAssignment } from './assign-form.ts';
import { type Assignment, assignmentLink, readAssignment } from './assignment.ts';
import { feedbackLines, gradescopeResults, plainCsv } from './exports.ts';
import { type GradeReport, grade, type LessonRef } from './grade.ts';
import { parseSettings } from './settings-file.ts';
import { defaultSettings, type GradingSettings } from './settings.ts';
import { parseSubmission } from './read-submission.ts';
import { createSubmission, type SubmittedCheckpoint } from './submission.ts';

const file = 'content/chapters/checked.mdx';
// a question drawn for each reader: n from the seed, the answer n squared
const variantYaml = [
  'kind: numeric',
  'question: "What is your n squared?"',
  'variant: |',
  '  const n = 3 + (variantSeed % 7);',
  '  console.log(`n = ${n}`);',
  '  console.log(n * n);',
  'given: "\'your \' + lines[0]"',
  'answer: num(lines[1])',
  'tolerance: 0.5',
  'why: "n times n."',
  'mistakes:',
  '  - answer: "num(lines[0]) * 2"',
  '    why: "That is n doubled."',
];
const chapterText = allKinds + '\n' + checkpoint('your-square', ...variantYaml).join('\n');

let defs: CheckpointPageData[] = [];
const defsReady = (async () => {
  const report = await checkCheckpoints([parseChapter('checked', chapterText, file)], { cacheFile: null });
  assert.deepEqual(report.problems, []);
  defs = report.data;
})();

const lesson: LessonRef = {
  id: 'checked-lesson',
  title: 'Checked',
  exercises: [],
  checkpoints: [
    { chapter: 'checked', id: 'predict-size', points: 1 },
    { chapter: 'checked', id: 'numeric-bos', points: 1 },
    { chapter: 'checked', id: 'choice-size', points: 1 },
    { chapter: 'checked', id: 'line-bos', points: 1 },
    { chapter: 'checked', id: 'order-steps', points: 1 },
    { chapter: 'checked', id: 'your-square', points: 2 },
  ],
};
const settings: GradingSettings = { ...defaultSettings(lesson, '2099-12-01') };
const rightSquare = async (identity: string) => {
  const n = 3 + ((await variantSeed(identity, 'checked', 'your-square')) % 7);
  return String(n * n);
};

type Answers = Record<string, SubmittedCheckpoint['answer']>;
async function handIn(name: string, answers: Answers, { claim = false, points = 1, identity = null as string | null } = {}) {
  const email = `${name.toLowerCase()}@school.example`;
  const assignment: Assignment = {
    lesson: lesson.id,
    className: 'C',
    note: '',
    due: '2099-12-01',
    time: '23:59',
    timeZone: 'UTC',
    exercises: [],
    checkpoints: lesson.checkpoints!.map((c) => ({ chapter: c.chapter, id: c.id, points })),
  };
  const checkpoints = lesson.checkpoints!.map((c) => ({
    chapter: c.chapter,
    id: c.id,
    answer: answers[c.id] ?? null,
    correct: claim,
    answeredAt: '2026-12-01T10:00:00.000Z',
    tries: 1,
    identity: c.id === 'your-square' ? (identity ?? email) : null,
  }));
  const s = await createSubmission({ assignment, student: { name, email }, exportedAt: '2026-12-01T10:00:00.000Z', readings: [], exercises: [], checkpoints });
  return { name: `${name}.json`, text: JSON.stringify(s) };
}

const noExercises = () => Promise.reject(new Error('no exercise should run'));
async function gradeFiles(files: { name: string; text: string }[], withSettings = true, from: 'moodle' | null = null): Promise<GradeReport> {
  await defsReady;
  return grade({ files, from, lessons: [lesson], defs: [], settings: withSettings ? [settings] : [], seed: null, run: noExercises, checkpoints: defs, runVariant: runVariantThread() });
}
const rowOf = (report: GradeReport, name: string) => report.lessons[0].sheet.rows.find((r) => r.identity.name === name)!;
const scores = (report: GradeReport, name: string) => Object.fromEntries(rowOf(report, name).checkpoints!.map((c) => [c.key.split('/')[1], c.points]));

// the steps of order-steps in the right order; the page shows them shuffled
const rightAnswers = async (identity: string): Promise<Answers> => ({
  'predict-size': ' 5 ',
  'numeric-bos': '4.2',
  'choice-size': '0',
  'line-bos': '17',
  'order-steps': ['one', 'two', 'three'],
  'your-square': await rightSquare(identity),
});

test('the attack first: a hand-in claiming every wrong answer right, with its own points raised to 100, gets nothing', async () => {
  const wrong: Answers = { 'predict-size': '4', 'numeric-bos': '3', 'choice-size': '1', 'line-bos': '8', 'order-steps': ['two', 'one', 'three'], 'your-square': '1' };
  const report = await gradeFiles([await handIn('Mallory', wrong, { claim: true, points: 100 })]);
  const row = rowOf(report, 'Mallory');
  assert.equal(row.points, 0);
  assert.equal(row.max, 7, "the instructor's points, not the file's");
  assert.ok(row.checkpoints!.every((c) => c.state === 'wrong' && c.flags.includes("the student's page had shown right")));
  // answers that are no answer at all: a choice that is not there, a line not shown, a number that is text
  const junk: Answers = { 'predict-size': '', 'numeric-bos': 'four', 'choice-size': '99', 'line-bos': '1', 'order-steps': 'one two three', 'your-square': ['49'] };
  const junkRow = rowOf(await gradeFiles([await handIn('Junk', junk, { claim: true })]), 'Junk');
  assert.equal(junkRow.points, 0);
});

test('right answers get their points, wrong ones none, and an unanswered one is missing', async () => {
  const ada = await rightAnswers('ada@school.example');
  const report = await gradeFiles([await handIn('Ada', ada), await handIn('Bob', { ...ada, 'choice-size': '1', 'your-square': undefined as never })]);
  assert.deepEqual(scores(report, 'Ada'), { 'predict-size': 1, 'numeric-bos': 1, 'choice-size': 1, 'line-bos': 1, 'order-steps': 1, 'your-square': 2 });
  assert.equal(rowOf(report, 'Ada').points, 7);
  const bob = rowOf(report, 'Bob');
  assert.deepEqual(
    bob.checkpoints!.map((c) => [c.key, c.state]),
    [
      ['checked/predict-size', 'right'],
      ['checked/numeric-bos', 'right'],
      ['checked/choice-size', 'wrong'],
      ['checked/line-bos', 'right'],
      ['checked/order-steps', 'right'],
      ['checked/your-square', 'missing'],
    ],
  );
  assert.equal(bob.checkpoints![2].answer, '4', 'a choice is shown by its text');
  // the exports carry the checkpoints
  const sheet = report.lessons[0].sheet;
  assert.match(plainCsv(sheet).split('\r\n')[0], /Checkpoint checked\/predict-size,.*Checkpoint checked\/your-square,Late days/);
  assert.ok(feedbackLines(bob).includes('Checkpoint: How big?: 0/1 (wrong)'));
  assert.ok(!feedbackLines(bob).join('\n').includes('the answer for'), "the student's feedback never holds the right answer");
  const tests = gradescopeResults(bob, sheet).tests;
  assert.deepEqual(tests.map((t) => [t.name, t.score, t.max_score, t.status]).slice(2, 3), [['Checkpoint: How big?', 0, 1, 'failed']]);
  assert.equal(gradescopeResults(rowOf(report, 'Ada'), sheet).score, 7);
});

test("a variant is recomputed for the grader's identity: A's answer handed in by B fails, and B saying it was drawn for A changes nothing", async () => {
  const a = 'ada@school.example';
  let b = 'bob@school.example';
  // find a second student whose n differs from Ada's, as most do
  for (let k = 0; (await rightSquare(b)) === (await rightSquare(a)); k++) b = `bob${k}@school.example`;
  const adaAnswer = await rightSquare(a);
  const bobName = b.split('@')[0].replace(/^b/, 'B');
  const report = await gradeFiles([await handIn('Ada', { 'your-square': adaAnswer }), await handIn(bobName, { 'your-square': adaAnswer }, { claim: true, identity: a })]);
  const ada = rowOf(report, 'Ada').checkpoints!.find((c) => c.variant)!;
  const bob = rowOf(report, bobName).checkpoints!.find((c) => c.variant)!;
  assert.deepEqual([ada.state, ada.points], ['right', 2]);
  assert.deepEqual([bob.state, bob.points], ['wrong', 0]);
  assert.match(bob.note, new RegExp(`wrong for ${b} \\(the answer for them is ${await rightSquare(b)}\\)`));
  assert.ok(bob.flags.includes(`answered for ${a}, graded for ${b}`));
  assert.ok(bob.flags.includes("the student's page had shown right"));
  // and Bob's own answer is right for Bob
  const own = await gradeFiles([await handIn(bobName, { 'your-square': await rightSquare(b) })]);
  assert.equal(rowOf(own, bobName).checkpoints!.find((c) => c.variant)!.state, 'right');
});

test('two hand-ins under one email or login are flagged: the later replaces the other, or, under two LMS users, both share variants', async () => {
  const one = await handIn('Ada', { 'your-square': await rightSquare('ada@school.example') });
  const copy = JSON.parse(one.text);
  const twin = await createSubmission({ ...copy, student: { name: 'Not Ada', email: 'ADA@school.example ' }, checksum: undefined } as never);
  const report = await gradeFiles([one, { name: 'twin.json', text: JSON.stringify(twin) }]);
  const { rows, replaced } = report.lessons[0].sheet;
  assert.deepEqual(
    rows.map((r) => r.identity.name),
    ['Not Ada'],
  );
  assert.ok(rowOf(report, 'Not Ada').flags.includes("replaced the hand-in of Ada (Ada.json) under the same email ada@school.example, later by the files' own export times"));
  assert.deepEqual(
    replaced.map((r) => [r.identity.name, r.points]),
    [['Ada', 2]],
  );
  // a Moodle download: two participants, one email, one row each
  const moodle = await gradeFiles(
    [
      { ...one, name: 'Ada_1_assignsubmission_file_a.json' },
      { name: 'Not Ada_2_assignsubmission_file_a.json', text: JSON.stringify(twin) },
    ],
    true,
    'moodle',
  );
  assert.ok(rowOf(moodle, 'Not Ada').flags.includes('same email or login (ada@school.example) as Ada (Moodle participant 1): the same variants'));
  assert.ok(rowOf(moodle, 'Ada').flags.includes('same email or login (ada@school.example) as Not Ada (Moodle participant 2): the same variants'));
});

test('the same judging in the page and on the grader: the key of each kind of answer, and a variant judged from its output', async () => {
  await defsReady;
  const d = (id: string) => defs.find((x) => x.id === id)!;
  assert.equal(answerKey(d('choice-size'), '1'), 'choice:1');
  assert.equal(answerKey(d('choice-size'), '2'), null);
  assert.equal(answerKey(d('line-bos'), '17'), 'line:17');
  assert.equal(answerKey(d('numeric-bos'), 'x'), null);
  assert.equal(answerKey(d('order-steps'), 'one'), null);
  const square = d('your-square');
  assert.deepEqual(square.sealed, [], 'nothing sealed for a variant: the page computes it');
  assert.equal(judgeVariant(square, 'n = 5\n25', '25.4').correct, true);
  assert.deepEqual(judgeVariant(square, 'n = 5\n25', '10'), { correct: false, why: 'That is n doubled.', answer: '25' });
  // no identity: no variant to check against
  assert.equal((await checkAnswer(square, '25', null, runVariantThread())).correct, false);
  assert.match(variantProgram('x', 7), /^const variantSeed = 7;\nx$/);
  assert.notEqual(await variantSeed('ada@x', 'c', 'q'), await variantSeed('ada@x', 'c', 'r'), 'each question its own seed');
  assert.equal(await variantSeed(' ADA@x ', 'c', 'q'), await variantSeed('ada@x', 'c', 'q'), 'case and spaces ignored');
});

test('an assignment link carries the checkpoints that count with their points; an old link counts none', () => {
  const lessons = [{ id: lesson.id, exercises: [], checkpoints: lesson.checkpoints! }];
  const a: Assignment = {
    lesson: lesson.id,
    className: '',
    note: '',
    due: '2026-12-01',
    time: '23:59',
    timeZone: 'UTC',
    exercises: [],
    checkpoints: [
      { chapter: 'checked', id: 'your-square', points: 2 },
      { chapter: 'checked', id: 'line-bos', points: 0.5 },
    ],
  };
  const link = assignmentLink('https://x.example/assignment/', a);
  assert.match(link, /&cp=checked\/your-square,checked\/line-bos&cpts=2,0\.5$/);
  assert.deepEqual(readAssignment(new URL(link).search, lessons), { assignment: a });
  const old = readAssignment('?lesson=checked-lesson&due=2026-12-01', lessons) as { assignment: Assignment };
  assert.equal(old.assignment.checkpoints, undefined);
  const error = (search: string) => (readAssignment(search, lessons) as { error: string }).error;
  assert.match(error('?lesson=checked-lesson&due=2026-12-01&cp=checked/nope&cpts=1'), /a checkpoint that is not in the lesson "checked-lesson" \("checked\/nope"\)/);
  assert.match(error('?lesson=checked-lesson&due=2026-12-01&cp=checked/line-bos,checked/line-bos&cpts=1,1'), /the checkpoint "checked\/line-bos" twice/);
  assert.match(error('?lesson=checked-lesson&due=2026-12-01&cp=checked/line-bos&cpts=1,2'), /gives 2 point values \("cpts"\) for 1 checkpoint\./);
  assert.match(error('?lesson=checked-lesson&due=2026-12-01&cp=checked/line-bos&cpts=-1'), /points for the checkpoint "checked\/line-bos" are not a number/);
});

test('/assign/ puts the ticked checkpoints in the link and the settings file; settings files without them count none', () => {
  const formLessons = [{ id: lesson.id, title: 'Checked', exercises: [], checkpoints: lesson.checkpoints!.map((c) => ({ ...c, title: c.id })) }];
  const values = {
    lesson: lesson.id,
    className: '',
    note: '',
    dueDate: '2026-12-01',
    dueTime: '23:59',
    timeZone: 'UTC',
    exercises: [],
    lateRule: 'none',
    percentPerDay: '0',
    maxDays: '0',
    lmsName: '',
    lmsId: '',
  };
  const made = makeAssignment(
    {
      ...values,
      checkpoints: [
        { key: 'checked/your-square', counted: true, points: '3' },
        { key: 'checked/line-bos', counted: false, points: '1' },
      ],
    },
    formLessons,
    'https://x.example/assignment/',
  );
  assert.ok('link' in made);
  assert.deepEqual(made.settings!.checkpoints, [{ chapter: 'checked', id: 'your-square', points: 3 }]);
  assert.deepEqual(parseSettings(JSON.stringify(made.settings)).checkpoints, [{ chapter: 'checked', id: 'your-square', points: 3 }]);
  assert.match(made.link, /cp=checked\/your-square&cpts=3/);
  const none = makeAssignment({ ...values, checkpoints: [] }, formLessons, 'https://x.example/assignment/');
  assert.deepEqual('problems' in none && none.problems.map((p) => p.field), ['exercises']);
  const bad = makeAssignment({ ...values, checkpoints: [{ key: 'checked/line-bos', counted: true, points: 'lots' }] }, formLessons, 'https://x.example/assignment/');
  assert.deepEqual('problems' in bad && bad.problems.map((p) => p.field), ['checkpoint-points:checked/line-bos']);
  assert.throws(() => parseSettings(JSON.stringify({ ...made.settings, checkpoints: [{ chapter: 'checked', id: 'x', points: -2 }] })), /checkpoints\[0\]\.points: needs a number of points/);
});

test('a hand-in file with checkpoints is checksummed with them; one without them still reads', async () => {
  const { text } = await handIn('Ada', { 'line-bos': '17' });
  assert.equal((await parseSubmission(text)).checkpoints!.find((c) => c.id === 'line-bos')!.answer, '17');
  const edited = JSON.parse(text);
  edited.checkpoints[3].answer = '18';
  await assert.rejects(parseSubmission(JSON.stringify(edited)), /checksum does not match/);
  const malformed = JSON.parse(text);
  malformed.checkpoints[0].answer = 5;
  await assert.rejects(parseSubmission(JSON.stringify(malformed)), /: checkpoints\[0\]\.answer: needs text, or a list of texts$/);
  const before = await createSubmission({
    assignment: { lesson: lesson.id, className: '', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: [] },
    student: { name: 'Old', email: 'old@x' },
    exportedAt: '2026-12-01T10:00:00.000Z',
    readings: [],
    exercises: [],
  });
  assert.equal((await parseSubmission(JSON.stringify(before))).checkpoints, undefined);
  // graded without settings, the lesson's own points count, and an old file's checkpoints are missing
  const report = await gradeFiles([{ name: 'old.json', text: JSON.stringify(before) }], false);
  assert.deepEqual([rowOf(report, 'Old').points, rowOf(report, 'Old').max], [0, 7]);
});
