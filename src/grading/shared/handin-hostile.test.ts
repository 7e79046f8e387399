// Hand-in files as a hostile student would shape them: fields the format does not have (which the
// checksum does not cover, so recomputing it is not even needed), an exercise or checkpoint listed
// twice, and every field of a good file swapped for a value of another shape, all in one batch.
// Each is refused with its own message naming the field, and never stops the rest of the batch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Assignment } from './assignment.ts';
import { type ExerciseDef, grade, type LessonRef, type RunSealed } from './grade.ts';
import { parseSubmission } from './read-submission.ts';
import { checksummedV1, createSubmission, sha256, type Submission } from './submission.ts';

const assignment: Assignment = { lesson: 'doubling', className: 'B', note: '', due: '2026-12-01', time: '17:30', timeZone: 'Europe/Paris', exercises: [{ chapter: 'gpt', id: 'double', points: 2 }] };
const exercise = {
  chapter: 'gpt',
  id: 'double',
  code: 'const double = (x: number) => 2 * x;',
  passed: true,
  passedAt: '2026-11-29T10:00:00.000Z',
  attempts: 3,
  hintsOpened: 1,
  solutionShownAt: null,
  version: 'b7e2',
};
const checkpoint = { chapter: 'gpt', id: 'q', answer: '4', correct: true, answeredAt: '2026-11-29T10:00:00.000Z', tries: 1, identity: null };
const fields = (): Omit<Submission, 'checksum' | 'format' | 'version'> => ({
  assignment: { ...assignment, checkpoints: [{ chapter: 'gpt', id: 'q', points: 1 }] },
  student: { name: 'Ada', email: 'ada@uni.example' },
  exportedAt: '2026-11-30T10:00:00.000Z',
  readings: [{ chapter: 'gpt', section: null, read: true }],
  exercises: [{ ...exercise }],
  checkpoints: [{ ...checkpoint }],
});
// a file as the site would write it from these fields, checksum recomputed
const signed = async (f: object) => JSON.stringify(await createSubmission(f as Omit<Submission, 'checksum' | 'format' | 'version'>));
const refusal = async (text: string) => {
  try {
    await parseSubmission(text);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

test('a field the hand-in format does not have is refused, named with its place, even with the checksum recomputed', async () => {
  const f = fields();
  assert.equal(await refusal(await signed({ ...f, grade: 100 })), 'the file has a field "grade" that hand-in files do not have');
  assert.equal(await refusal(await signed({ ...f, exercises: [{ ...exercise, points: 9 }] })), 'exercises[0]: has a field "points" that hand-in files do not have');
  assert.equal(await refusal(await signed({ ...f, assignment: { ...f.assignment, late: false } })), 'assignment: has a field "late" that hand-in files do not have');
  assert.equal(await refusal(await signed({ ...f, student: { ...f.student, login: 'root' } })), 'student: has a field "login" that hand-in files do not have');
  assert.equal(await refusal(await signed({ ...f, checkpoints: [{ ...checkpoint, points: 5 }] })), 'checkpoints[0]: has a field "points" that hand-in files do not have');
  assert.equal(await refusal(await signed({ ...f, readings: [{ chapter: 'gpt', section: null, read: true, minutes: 90 }] })), 'readings[0]: has a field "minutes" that hand-in files do not have');
});

test('an exercise or a checkpoint listed twice is refused: only one answer can be graded', async () => {
  const f = fields();
  const cheat = { ...exercise, code: 'const double = (x: number) => x + x;', passed: false };
  assert.equal(await refusal(await signed({ ...f, exercises: [{ ...exercise }, cheat] })), 'exercises[1]: "gpt/double" is listed twice');
  assert.equal(await refusal(await signed({ ...f, checkpoints: [{ ...checkpoint }, { ...checkpoint, answer: '5' }] })), 'checkpoints[1]: "gpt/q" is listed twice');
  assert.equal(
    await refusal(await signed({ ...f, assignment: { ...assignment, exercises: [...assignment.exercises, ...assignment.exercises] } })),
    'assignment.exercises[1]: "gpt/double" is listed twice',
  );
});

test('a version 1 file with a field version 1 files never had is refused', async () => {
  const v1 = {
    format: 'annotated-microgpt-submission',
    version: 1,
    assignment: { lesson: 'doubling', className: 'B', due: '2026-12-01', note: '' },
    student: 'Ada',
    exportedAt: '2026-11-30T10:00:00.000Z',
    readings: [],
    exercises: [{ chapter: 'gpt', id: 'double', code: null, passed: false, passedAt: null }],
    checksum: '',
  };
  // signed as the site signed version 1 files (the checksum is not what is tested here)
  const sign = async (d: typeof v1 & Record<string, unknown>) => JSON.stringify({ ...d, checksum: await sha256(checksummedV1(d, d.assignment)) });
  assert.equal(await refusal(await sign(v1)), 'accepted');
  assert.equal(await refusal(await sign({ ...v1, identity: 'someone@else' })), 'the file has a field "identity" that hand-in files do not have');
  assert.equal(await refusal(await sign({ ...v1, assignment: { ...v1.assignment, time: '23:59' } as typeof v1.assignment })), 'assignment: has a field "time" that hand-in files do not have');
});

// every value of a good file, one at a time, swapped for a value of another shape
const hostileValues: unknown[] = [undefined, null, '', ' ', 'x', -1, 1.5, 1e308, true, [], {}, [null], { __proto__: null, polluted: true }];
function* mutations(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: unknown }> {
  for (const v of hostileValues) yield { path, value: v };
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* mutations(v, [...path, Array.isArray(value) ? Number(k) : k]);
}
const setAt = (root: Record<string, unknown>, path: (string | number)[], value: unknown) => {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
};

test('every field of a good file swapped for another shape, in one batch: each refused with a message naming its field, or graded; the batch always finishes', async () => {
  const f = fields();
  const files: { name: string; text: string }[] = [];
  for (const { path, value } of mutations(f)) {
    if (path.length === 0) continue;
    let text: string;
    try {
      text = await signed(setAt(f, path, value));
    } catch {
      // the site's own writer could not sign it: hand it in unsigned
      text = JSON.stringify({ format: 'annotated-microgpt-submission', version: 2, ...setAt(f, path, value), checksum: 'x' });
    }
    files.push({ name: `${path.join('.')}=${JSON.stringify(value) ?? 'missing'}.json`, text });
  }
  assert.ok(files.length > 400, `${files.length} files`);
  const lesson: LessonRef = { id: 'doubling', title: 'Doubling', exercises: [{ chapter: 'gpt', id: 'double' }], checkpoints: [{ chapter: 'gpt', id: 'q', points: 1 }] };
  const def = { chapter: 'gpt', id: 'double', title: 'Double', checkNames: ['ok'], timeoutMs: 1000, version: '' } as ExerciseDef;
  const run: RunSealed = async () => ({ passed: true, checks: [{ name: 'ok', passed: true, message: '' }], hidden: [], error: null });
  const report = await grade({ files, lessons: [lesson], defs: [def], settings: [], seed: null, run });
  const refused = new Map(report.errors.map((e) => [e.file, e.message]));
  for (const file of files) {
    const message = await refusal(file.text);
    if (message === 'accepted') {
      assert.ok(!refused.has(file.name) || /lesson/.test(refused.get(file.name)!), `${file.name} was read, then refused: ${refused.get(file.name)}`);
      continue;
    }
    assert.equal(refused.get(file.name), message, file.name);
    // a shape problem names its field; the file-wide problems have their own messages
    assert.match(message, /^(the file has a field "|[a-z][\w.[\]]*: |not a hand-in file: |hand-in file version |the file was changed after it was exported)/, `${file.name}: ${message}`);
  }
});

test('a file whose text could not be read at all is refused on its own; the rest of the batch is graded', async () => {
  const lesson: LessonRef = { id: 'doubling', title: 'Doubling', exercises: [{ chapter: 'gpt', id: 'double' }] };
  const def = { chapter: 'gpt', id: 'double', title: 'Double', checkNames: ['ok'], timeoutMs: 1000, version: '' } as ExerciseDef;
  const run: RunSealed = async () => ({ passed: true, checks: [{ name: 'ok', passed: true, message: '' }], hidden: [], error: null });
  const { checkpoints: _, ...f } = fields();
  const files = [
    { name: 'unread.json', text: undefined as unknown as string },
    { name: 'ada.json', text: await signed({ ...f, assignment }) },
  ];
  const report = await grade({ files, lessons: [lesson], defs: [def], settings: [], seed: null, run });
  assert.deepEqual(report.errors, [{ file: 'unread.json', message: 'not a hand-in file: it is not JSON' }]);
  assert.deepEqual(
    report.lessons[0].sheet.rows.map((r) => r.file),
    ['ada.json'],
  );
});
