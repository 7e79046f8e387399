// Grading hand-in files: each file parsed on its own (a bad file gets its error and never stops the
// others), every exercise's checks run again on the submitted code, never trusting the recorded
// result; a table per lesson with late hand-ins flagged, identical solutions grouped, and CSV.
import { parse } from 'sucrase/dist/parser/index.js';
import type { ExerciseResult } from '../../runtime/exercise.ts';
import { type Submission, SubmissionError, parseSubmission } from './submission.ts';

export interface ExerciseDef {
  chapter: string;
  id: string;
  title: string;
  setup: string;
  checks: string;
  checkNames: string[];
  timeoutMs: number;
}

export interface LessonRef {
  id: string;
  title: string;
  exercises: { chapter: string; id: string }[];
}

// runs one exercise's checks on some code; a run stopped by its time limit comes back as an error
export type RunChecks = (def: ExerciseDef, code: string) => Promise<Pick<ExerciseResult, 'passed' | 'checks' | 'error'>>;

export interface Mark {
  state: 'passed' | 'failed' | 'missing';
  message: string | null; // why it failed
  claimed: boolean; // what the student's page had said
}

export interface Row {
  file: string;
  student: string;
  exportedAt: string;
  late: boolean;
  marks: Mark[]; // one per exercise of the lesson, in its order
  passed: number;
}

export interface LessonReport {
  lesson: LessonRef;
  exercises: ExerciseDef[];
  rows: Row[];
  // per exercise: the students whose solutions are the same once comments and spacing are ignored
  groups: { exercise: ExerciseDef; solutions: { code: string; students: string[] }[] }[];
}

export interface GradeReport {
  lessons: LessonReport[];
  errors: { file: string; message: string }[];
}

const key = (e: { chapter: string; id: string }) => `${e.chapter}/${e.id}`;

// code as compared for grouping: its tokens, as written, one space apart, so comments and spacing
// are ignored and strings kept exact. Tokens from sucrase's parser, the one that runs the code;
// code it cannot parse is compared as it was sent.
export function normalise(code: string): string {
  let tokens: { start: number; end: number }[];
  try {
    tokens = parse(code, false, true, false).tokens;
  } catch {
    return code;
  }
  return tokens
    .map((t) => code.slice(t.start, t.end))
    .filter((text) => text !== '')
    .join(' ');
}

// due dates are the end of that day anywhere on Earth (UTC-12): generous to every time zone
export function isLate(exportedAt: string, due: string): boolean {
  const end = Date.parse(`${due}T23:59:59.999-12:00`);
  return Date.parse(exportedAt) > end;
}

export async function grade(files: { name: string; text: string }[], lessons: LessonRef[], defs: ExerciseDef[], run: RunChecks): Promise<GradeReport> {
  const defsByKey = new Map(defs.map((d) => [key(d), d]));
  const reports = new Map<string, LessonReport>();
  const errors: GradeReport['errors'] = [];
  for (const file of files) {
    let submission: Submission;
    try {
      submission = await parseSubmission(file.text);
      const lesson = lessons.find((l) => l.id === submission.assignment.lesson);
      if (!lesson) throw new SubmissionError(`it is for a lesson this site does not have ("${submission.assignment.lesson}")`);
      const expected = new Set(lesson.exercises.map(key));
      const stray = submission.exercises.find((e) => !expected.has(key(e)));
      if (stray) throw new SubmissionError(`it lists an exercise that is not in the lesson "${lesson.id}" (${key(stray)})`);
      let report = reports.get(lesson.id);
      if (!report) {
        const exercises = lesson.exercises.map((e) => defsByKey.get(key(e))!);
        report = { lesson, exercises, rows: [], groups: exercises.map((exercise) => ({ exercise, solutions: [] })) };
        reports.set(lesson.id, report);
      }
      const marks: Mark[] = [];
      for (const [i, def] of report.exercises.entries()) {
        const sent = submission.exercises.find((e) => key(e) === key(def));
        if (!sent || sent.code === null) {
          marks.push({ state: 'missing', message: 'not handed in', claimed: false });
          continue;
        }
        const result = await run(def, sent.code);
        const failed = result.checks.find((c) => !c.passed);
        const message = result.passed ? null : result.error ? `${result.error.name}: ${result.error.message}` : failed ? `${failed.name}: ${failed.message}` : 'no check ran';
        marks.push({ state: result.passed ? 'passed' : 'failed', message, claimed: sent.passed });
        const group = report.groups[i].solutions.find((s) => normalise(s.code) === normalise(sent.code!));
        if (group) group.students.push(submission.student);
        else report.groups[i].solutions.push({ code: sent.code, students: [submission.student] });
      }
      report.rows.push({
        file: file.name,
        student: submission.student,
        exportedAt: submission.exportedAt,
        late: isLate(submission.exportedAt, submission.assignment.due),
        marks,
        passed: marks.filter((m) => m.state === 'passed').length,
      });
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
      errors.push({ file: file.name, message: error.message });
    }
  }
  for (const report of reports.values()) {
    report.rows.sort((a, b) => a.student.localeCompare(b.student));
    for (const g of report.groups) g.solutions.sort((a, b) => b.students.length - a.students.length);
  }
  return { lessons: [...reports.values()], errors };
}

// a CSV cell: quoted when needed, and never read as a formula by a spreadsheet
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(report: LessonReport): string {
  const header = ['student', 'file', 'exported at', 'late', ...report.exercises.map((e) => `${e.title} (${key(e)})`), 'passed', 'of'];
  const rows = report.rows.map((r) => [r.student, r.file, r.exportedAt, r.late ? 'late' : '', ...r.marks.map((m) => m.state), r.passed, r.marks.length]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
