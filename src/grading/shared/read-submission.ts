// A hand-in file read on the instructor's side (/grade/, `npm run grade`, Gradescope): its JSON,
// its shape (submission-schema.ts), its checksum, and then only the fields the checksum covers.
// Apart from submission.ts, so the student's page, which only writes hand-ins, loads no schema.
import type { Assignment, CountedExercise } from './assignment.ts';
import { describeIssue } from '../../shared/schema.ts';
import { readVersionedJson } from '../../shared/versioned-json.ts';
import { checksummed, checksummedV1, type ParsedSubmission, sha256, type Submission, SubmissionError, type SubmittedExercise } from './submission.ts';
import { submissionV1, submissionV2 } from './submission-schema.ts';

// a hand-in file is a few kilobytes; a huge one is the wrong file, and is not read
export const MAX_HANDIN_BYTES = 5 * 1024 * 1024;
export const tooLarge = (bytes: number) => `it is ${(bytes / 1024 / 1024).toFixed(1)} MB, too large to be a hand-in file (is it the right file?)`;

const handIn = { format: 'annotated-microgpt-submission', versions: [1, 2], noun: 'hand-in file' };

// a hand-in file's text as the version 2 shape, or a SubmissionError saying what is wrong with it
export async function parseSubmission(text: string): Promise<ParsedSubmission> {
  const data = readVersionedJson(text, handIn, (message) => new SubmissionError(message));
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
