// A hand-in file: the assignment, the student as the LMS knows them, each counted exercise's code
// with what happened in the student's browser (the result they saw, how often they pressed Check,
// the hints they opened, when they showed the solution), and when it was exported.
//
// Its checksum is SHA-256 over every other field. It catches a file damaged in transit or edited by
// hand after export. It does not stop a student who edits the file and recomputes the checksum with
// this site's own code, and it proves nothing about who wrote the code or when. The instructor's
// page refuses a file that is not JSON, is cut short, has missing, wrong, unknown or repeated fields
// (submission-schema.ts, naming the field), or whose checksum does not match, each with a message of
// its own. Version 1 files (before identity and activity
// were recorded) are still read, marked `legacy`.
import type { Assignment, CountedExercise } from './assignment.ts';
import { describeIssue } from '../../shared/schema.ts';
import { submissionV1, submissionV2 } from './submission-schema.ts';

export interface SubmittedExercise {
  chapter: string;
  id: string;
  code: string | null; // null: never attempted
  passed: boolean; // as the student's page reported it; the grader re-runs the checks anyway
  passedAt: string | null; // when the checks first passed in the student's browser
  attempts: number; // times Check was pressed
  hintsOpened: number; // hints shown
  solutionShownAt: string | null; // when the student confirmed showing the solution (first time)
  version: string; // the exercise's book version in the student's browser ('' when unknown)
}

// a counted checkpoint as handed in: the answer itself, which the grader checks again; what the
// student's page said of it is kept for the record and never trusted
export interface SubmittedCheckpoint {
  chapter: string;
  id: string;
  answer: string | string[] | null; // typed text, a choice's index, a line number, the steps in order; null: never answered
  correct: boolean; // as the student's page reported it; the grader checks the answer anyway
  answeredAt: string | null; // when last checked
  tries: number; // answers checked
  identity: string | null; // a question drawn for each reader: the email or login it was drawn for (the grader uses its own)
}

export interface Submission {
  format: 'annotated-microgpt-submission';
  version: 2;
  assignment: Assignment;
  student: { name: string; email: string | null }; // email or login as typed; null only in legacy files
  exportedAt: string; // ISO time
  readings: { chapter: string; section: string | null; read: boolean }[];
  exercises: SubmittedExercise[];
  checkpoints?: SubmittedCheckpoint[]; // absent in files made before checkpoints could be handed in
  checksum: string;
}

// what parseSubmission returns: always the version 2 shape; legacy when the file was version 1
export interface ParsedSubmission extends Submission {
  legacy: boolean;
}

export class SubmissionError extends Error {
  name = 'SubmissionError';
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// what the checksum covers: every field but itself, in a fixed order (key order in the file is free);
// the checkpoints only when the file has them, so files made before them still check
function checksummed(s: Omit<Submission, 'checksum'>): string {
  const a = s.assignment;
  const checkpoints =
    s.checkpoints === undefined && a.checkpoints === undefined
      ? []
      : [[(a.checkpoints ?? []).map((c) => [c.chapter, c.id, c.points]), (s.checkpoints ?? []).map((c) => [c.chapter, c.id, c.answer, c.correct, c.answeredAt, c.tries, c.identity])]];
  return JSON.stringify([
    s.format,
    s.version,
    [a.lesson, a.className, a.note, a.due, a.time, a.timeZone, a.exercises.map((e) => [e.chapter, e.id, e.points])],
    [s.student.name, s.student.email],
    s.exportedAt,
    s.readings.map((r) => [r.chapter, r.section, r.read]),
    s.exercises.map((e) => [e.chapter, e.id, e.code, e.passed, e.passedAt, e.attempts, e.hintsOpened, e.solutionShownAt, e.version]),
    ...checkpoints,
  ]);
}

// version 1's checksum: the fields as they stood in the file
const checksummedV1 = (d: Record<string, unknown>, a: Record<string, unknown>) =>
  JSON.stringify([d.format, d.version, a.lesson, a.className, a.due, a.note, d.student, d.exportedAt, d.readings, d.exercises]);

export async function createSubmission(fields: Omit<Submission, 'checksum' | 'format' | 'version'>): Promise<Submission> {
  const content = { format: 'annotated-microgpt-submission' as const, version: 2 as const, ...fields };
  return { ...content, checksum: await sha256(checksummed(content)) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function parseJson(text: string): unknown {
  if (typeof text !== 'string') throw new SubmissionError('not a hand-in file: it is not JSON');
  try {
    return JSON.parse(text);
  } catch {
    const looksCut = text.trimStart().startsWith('{') && !text.trimEnd().endsWith('}');
    throw new SubmissionError(looksCut ? 'the file is cut short (truncated): its JSON ends early' : 'not a hand-in file: it is not JSON');
  }
}

// a hand-in file's text as the version 2 shape, or a SubmissionError saying what is wrong with it
export async function parseSubmission(text: string): Promise<ParsedSubmission> {
  const data = parseJson(text);
  if (!isRecord(data) || data.format !== 'annotated-microgpt-submission') throw new SubmissionError('not a hand-in file: "format" is not "annotated-microgpt-submission"');
  if (data.version !== 1 && data.version !== 2) throw new SubmissionError(`hand-in file version ${JSON.stringify(data.version)} is not one this site reads (1 or 2)`);
  const parsed = (data.version === 1 ? submissionV1 : submissionV2).safeParse(data);
  if (!parsed.success) throw new SubmissionError(describeIssue(parsed.error.issues[0], 'hand-in files'));
  const version = data.version;
  // the checksums are over the file's own values (version 1's over its objects as they stood)
  const a = data.assignment as Record<string, unknown>;
  const sum = version === 1 ? checksummedV1(data, a) : checksummed(data as unknown as Submission);
  if ((await sha256(sum)) !== data.checksum) throw new SubmissionError('the file was changed after it was exported (its checksum does not match)');
  return version === 1 ? fromV1(data, a) : pick(data as unknown as Submission, false);
}

// the known fields only, so what the grader reads is exactly what the checksum covered
function pick(s: Submission, legacy: boolean): ParsedSubmission {
  const a = s.assignment;
  return {
    format: s.format,
    version: 2,
    assignment: {
      lesson: a.lesson,
      className: a.className,
      note: a.note,
      due: a.due,
      time: a.time,
      timeZone: a.timeZone,
      exercises: a.exercises.map((e) => ({ chapter: e.chapter, id: e.id, points: e.points })),
      ...(a.checkpoints ? { checkpoints: a.checkpoints.map((c) => ({ chapter: c.chapter, id: c.id, points: c.points })) } : {}),
    },
    student: { name: s.student.name, email: s.student.email },
    exportedAt: s.exportedAt,
    readings: s.readings.map((r) => ({ chapter: r.chapter, section: r.section ?? null, read: r.read })),
    exercises: s.exercises.map((e) => ({
      chapter: e.chapter,
      id: e.id,
      code: e.code,
      passed: e.passed,
      passedAt: e.passedAt,
      attempts: e.attempts,
      hintsOpened: e.hintsOpened,
      solutionShownAt: e.solutionShownAt,
      version: e.version,
    })),
    ...(s.checkpoints
      ? {
          checkpoints: s.checkpoints.map((c) => ({
            chapter: c.chapter,
            id: c.id,
            answer: Array.isArray(c.answer) ? [...c.answer] : c.answer,
            correct: c.correct,
            answeredAt: c.answeredAt,
            tries: c.tries,
            identity: c.identity,
          })),
        }
      : {}),
    checksum: s.checksum,
    legacy,
  };
}

// a version 1 file as version 2: every exercise in it counted for 1 point, due 23:59 UTC, no email,
// and nothing known of attempts, hints, the solution or the book's version
function fromV1(d: Record<string, unknown>, a: Record<string, unknown>): ParsedSubmission {
  const exercises = (d.exercises as Record<string, unknown>[]).map((e) => ({ ...(e as unknown as SubmittedExercise), attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' }));
  const counted: CountedExercise[] = exercises.map((e) => ({ chapter: e.chapter, id: e.id, points: 1 }));
  const assignment = { ...(a as unknown as Assignment), time: '23:59', timeZone: 'UTC', exercises: counted };
  const s = {
    format: 'annotated-microgpt-submission',
    version: 2,
    assignment,
    student: { name: d.student as string, email: null },
    exportedAt: d.exportedAt,
    readings: d.readings,
    exercises,
    checksum: d.checksum,
  };
  return pick(s as Submission, true);
}
