// A hand-in file: the assignment, the student's name, each exercise's code and the result the
// student saw, and when it was exported, sealed with a SHA-256 checksum of its contents. The
// instructor's page refuses a file that is not JSON, is cut short, has missing or wrong fields,
// or whose checksum no longer matches, each with a message of its own.
import type { Assignment } from './assignment.ts';
import { isDate } from './assignment.ts';

export interface SubmittedExercise {
  chapter: string;
  id: string;
  code: string | null; // null: never attempted
  passed: boolean; // as the student's page reported it; the grader re-runs the checks anyway
  passedAt: string | null; // when the checks first passed in the student's browser
}

export interface Submission {
  format: 'annotated-microgpt-submission';
  version: 1;
  assignment: Assignment;
  student: string;
  exportedAt: string; // ISO time
  readings: { chapter: string; section: string | null; read: boolean }[];
  exercises: SubmittedExercise[];
  checksum: string;
}

export class SubmissionError extends Error {
  name = 'SubmissionError';
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// the checksum covers every field but itself, in a fixed order
const sealed = (s: Omit<Submission, 'checksum'>) =>
  JSON.stringify([s.format, s.version, s.assignment.lesson, s.assignment.className, s.assignment.due, s.assignment.note, s.student, s.exportedAt, s.readings, s.exercises]);

export async function createSubmission(fields: Omit<Submission, 'checksum' | 'format' | 'version'>): Promise<Submission> {
  const unsealed = { format: 'annotated-microgpt-submission' as const, version: 1 as const, ...fields };
  return { ...unsealed, checksum: await sha256(sealed(unsealed)) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const isTime = (x: unknown) => typeof x === 'string' && !Number.isNaN(Date.parse(x));
const isExercise = (e: unknown) =>
  isRecord(e) &&
  typeof e.chapter === 'string' &&
  typeof e.id === 'string' &&
  (typeof e.code === 'string' || e.code === null) &&
  typeof e.passed === 'boolean' &&
  (e.passedAt === null || isTime(e.passedAt));

export async function parseSubmission(text: string): Promise<Submission> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const looksCut = text.trimStart().startsWith('{') && !text.trimEnd().endsWith('}');
    throw new SubmissionError(looksCut ? 'the file is cut short (truncated): its JSON ends early' : 'not a hand-in file: it is not JSON');
  }
  if (!isRecord(data) || data.format !== 'annotated-microgpt-submission') throw new SubmissionError('not a hand-in file: "format" is not "annotated-microgpt-submission"');
  if (data.version !== 1) throw new SubmissionError(`hand-in file version ${JSON.stringify(data.version)} is not one this site reads (1)`);
  const a = data.assignment;
  if (!isRecord(a) || typeof a.lesson !== 'string' || typeof a.className !== 'string' || typeof a.due !== 'string' || !isDate(a.due) || typeof a.note !== 'string')
    throw new SubmissionError('the "assignment" field is missing or malformed');
  if (typeof data.student !== 'string' || data.student.trim() === '') throw new SubmissionError('the student\'s name is missing');
  if (!isTime(data.exportedAt)) throw new SubmissionError('"exportedAt" is not a time');
  if (!Array.isArray(data.readings) || !data.readings.every((r) => isRecord(r) && typeof r.chapter === 'string' && typeof r.read === 'boolean'))
    throw new SubmissionError('the "readings" field is missing or malformed');
  if (!Array.isArray(data.exercises) || !data.exercises.every(isExercise)) throw new SubmissionError('the "exercises" field is missing or malformed');
  if (typeof data.checksum !== 'string') throw new SubmissionError('the checksum is missing');
  const submission = data as unknown as Submission;
  if ((await sha256(sealed(submission))) !== submission.checksum) throw new SubmissionError('the file was changed after it was exported (its checksum does not match)');
  return submission;
}
