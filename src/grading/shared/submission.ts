// A hand-in file: the assignment, the student as the LMS knows them, each counted exercise's code
// with what happened in the student's browser (the result they saw, how often they pressed Check,
// the hints they opened, when they showed the solution), and when it was exported.
//
// Its checksum is SHA-256 over every other field. It catches a file damaged in transit or edited by
// hand after export. It does not stop a student who edits the file and recomputes the checksum with
// this site's own code, and it proves nothing about who wrote the code or when. The instructor's
// page refuses a file that is not JSON, is cut short, has missing, wrong, unknown or repeated fields,
// or whose checksum does not match, each with a message of its own (read-submission.ts). Version 1 files (before identity and activity
// were recorded) are still read, marked `legacy`.
import type { Assignment } from './assignment.ts';

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

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// what the checksum covers: every field but itself, in a fixed order (key order in the file is free);
// the checkpoints only when the file has them, so files made before them still check
export function checksummed(s: Omit<Submission, 'checksum'>): string {
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
export const checksummedV1 = (d: Record<string, unknown>, a: Record<string, unknown>) =>
  JSON.stringify([d.format, d.version, a.lesson, a.className, a.due, a.note, d.student, d.exportedAt, d.readings, d.exercises]);

export async function createSubmission(fields: Omit<Submission, 'checksum' | 'format' | 'version'>): Promise<Submission> {
  const content = { format: 'annotated-microgpt-submission' as const, version: 2 as const, ...fields };
  return { ...content, checksum: await sha256(checksummed(content)) };
}
