// A graded sheet as the files an LMS imports: Canvas's gradebook CSV, Moodle's grade import CSV,
// a plain CSV for spreadsheets, the sheet as JSON, and one Gradescope results.json per student.
// Every CSV: a header line first, cells quoted only when they hold a comma, a quote or a line
// break (RFC 4180), CRLF line ends, UTF-8 without a BOM (Canvas and Moodle read UTF-8 without
// one; Canvas's own export adds one only behind a feature flag, for Excel), and text cells that
// a spreadsheet would run as a formula disarmed with a leading apostrophe. Points stay numbers.
import { regexes } from 'astro/zod';
import type { CheckpointScore, ExerciseScore, GradedRow, GradeSheet } from './sheet.ts';

// an email address as the HTML standard defines one (what a browser's email field accepts)
const isEmail = (text: string) => regexes.html5Email.test(text);

type Cell = string | number | null;

// `|| 0` turns -0 into 0, which String() and JSON already print as "0" but Object.is tells apart
const round2 = (n: number) => Math.round(n * 100) / 100 || 0;

const number = (n: number) => (Number.isFinite(n) ? String(round2(n)) : '');

// OWASP's list for CSV injection: = + - @ tab and carriage return start a formula
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return number(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csv = (rows: Cell[][]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

const loginOf = (row: GradedRow) => row.identity.login ?? row.identity.email;

// Canvas, Grades > Import. Its importer (canvas-lms app/models/gradebook_importer.rb) wants a
// header whose first cell holds "Student" and second "ID", with "SIS User ID", "SIS Login ID" and
// "Section" before the assignment columns; a row whose first cell holds "Points Possible" sets
// the assignment's points. It finds the student by ID (its own user id), then SIS User ID, then
// SIS Login ID, and only then by name (the name as Canvas shows it, or "Last, First"), so the
// name is written as the sheet has it and not split. An assignment column "<name> (<id>)" is
// that assignment; a column without an id goes to the assignment of exactly that name if there
// is one, and otherwise Canvas creates a new assignment with that name on import.
export function canvasCsv(sheet: GradeSheet): string {
  const { name, lmsAssignmentId } = sheet.assignment;
  const column = lmsAssignmentId === null ? name : `${name} (${lmsAssignmentId})`;
  return csv([
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', column],
    ['Points Possible', '', '', '', '', sheet.max],
    ...sheet.rows.map((row) => [row.identity.name, row.identity.lmsUserId ?? '', '', loginOf(row) ?? '', '', row.points]),
  ]);
}

const checkSummary = (e: ExerciseScore) => {
  const failed = e.checks.filter((c) => !c.passed);
  const shown = failed.filter((c) => !c.hidden).map((c) => (c.message ? `${c.name} (${c.message})` : c.name));
  const hidden = failed.length - shown.length;
  return [...shown, ...(hidden > 0 ? [`${hidden} hidden check${hidden === 1 ? '' : 's'}`] : [])];
};

// one line per exercise, then lateness and flags: the feedback a student reads
const lateLine = (row: GradedRow): string[] => (row.late ? [`Late by ${row.late.days} day${row.late.days === 1 ? '' : 's'}: -${number(row.late.penaltyPercent)}%`] : []);

// a checkpoint in the feedback: the question, the points, and right or wrong (never the right answer)
const checkpointLine = (c: CheckpointScore) =>
  `Checkpoint: ${c.title}: ${number(c.points)}/${number(c.max)} (${c.state === 'missing' ? 'not answered' : c.state})${c.flags.length > 0 ? ` [${c.flags.join('; ')}]` : ''}`;

export function feedbackLines(row: GradedRow): string[] {
  const lines = row.exercises.map((e) => {
    const failed = checkSummary(e);
    return [`${e.title}: ${number(e.points)}/${number(e.max)} (${e.state})`, failed.length > 0 ? ` failed: ${failed.join(', ')}` : '', e.flags.length > 0 ? ` [${e.flags.join('; ')}]` : ''].join('');
  });
  for (const c of row.checkpoints ?? []) lines.push(checkpointLine(c));
  lines.push(...lateLine(row));
  if (row.flags.length > 0) lines.push(`Flags: ${row.flags.join('; ')}`);
  lines.push(`Total: ${number(row.points)}/${number(row.max)}`);
  return lines;
}

// Moodle, Grades > Import > CSV file (grade/import/csv). The instructor maps the columns on the
// preview page: "Map from" Email address "Map to" useremail (or ID number to useridnumber), the
// grade column to the grade item, and the feedback column to "Feedback for" that item; Moodle
// overwrites a grade item's grades when its feedback is imported, so both come in together. The
// column names follow Moodle's own export ("Email address", "ID number", "<item> (Real)",
// "<item> (Feedback)"). Moodle's download names files by its assignment's participant id, which
// the import cannot match on, so the email is the one the student typed. Left out, each with a
// warning: a row without an email (Moodle's importer skips a blank identifier but keeps the
// student it matched on the row before, and would credit them), one whose email is not an address
// (one email Moodle does not know stops the whole import), and every row of an email on several
// (Moodle would give the last row's grade to that one student).
function moodleRows(sheet: GradeSheet): { rows: GradedRow[]; warnings: string[] } {
  const warnings: string[] = [];
  const who = (row: GradedRow) => `${row.identity.name} (${row.file})`;
  const addressed = sheet.rows.filter((row) => {
    const { email, login } = row.identity;
    if (email === null) warnings.push(`left out ${who(row)}: the file gives no email address${login ? ` (only the login "${login}")` : ''}; enter the grade by hand`);
    else if (!isEmail(email.trim())) warnings.push(`left out ${who(row)}: "${email}" is not an email address Moodle could match; enter the grade by hand`);
    else return true;
    return false;
  });
  const byEmail = Map.groupBy(addressed, (row) => row.identity.email!.trim().toLowerCase());
  for (const [email, same] of byEmail)
    if (same.length > 1)
      warnings.push(
        `left out ${same.map(who).join(' and ')}: the same email ${email} on ${same.length} rows, and Moodle would give one student the last row's grade; decide whose it is and enter it by hand`,
      );
  const rows = addressed.filter((row) => byEmail.get(row.identity.email!.trim().toLowerCase())!.length === 1);
  if (rows.length === 1)
    warnings.push(
      "the email address is as the student typed it (Moodle's download does not give it): Moodle's import stops at an email it does not know, so check it against the course's participants",
    );
  if (rows.length > 1)
    warnings.push(
      `all ${rows.length} email addresses are as the students typed them (Moodle's download does not give them): Moodle's import stops at the first it does not know, so check them against the course's participants`,
    );
  return { rows, warnings };
}

export function moodleCsv(sheet: GradeSheet): string {
  const item = sheet.assignment.name;
  return csv([
    ['Full name', 'Email address', 'ID number', `${item} (Real)`, `${item} (Feedback)`],
    ...moodleRows(sheet).rows.map((row) => [row.identity.name, row.identity.email!.trim(), row.identity.login ?? '', row.points, feedbackLines(row).join('\n')]),
  ]);
}

// what the Moodle CSV leaves out and what it cannot vouch for, one line each
export const moodleWarnings = (sheet: GradeSheet): string[] => moodleRows(sheet).warnings;

// every exercise any row has, in the order first met
function exerciseColumns(sheet: GradeSheet): { key: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const row of sheet.rows) for (const e of row.exercises) if (!seen.has(e.key)) seen.set(e.key, e.title);
  return [...seen].map(([key, title]) => ({ key, title }));
}

// every checkpoint any row has, in the order first met
function checkpointColumns(sheet: GradeSheet): { key: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const row of sheet.rows) for (const c of row.checkpoints ?? []) if (!seen.has(c.key)) seen.set(c.key, c.title);
  return [...seen].map(([key, title]) => ({ key, title }));
}

const allFlags = (row: GradedRow) => [
  ...row.flags,
  ...row.exercises.flatMap((e) => e.flags.map((f) => `${e.title}: ${f}`)),
  ...(row.checkpoints ?? []).flatMap((c) => c.flags.map((f) => `checkpoint ${c.key}: ${f}`)),
];

export function plainCsv(sheet: GradeSheet): string {
  const exercises = exerciseColumns(sheet);
  const checkpoints = checkpointColumns(sheet);
  return csv([
    ['Email', 'Name', 'Points', 'Max', ...exercises.map((e) => `${e.title} (${e.key})`), ...checkpoints.map((c) => `Checkpoint ${c.key}`), 'Late days', 'Late penalty %', 'Flags'],
    ...sheet.rows.map((row) => [
      row.identity.email ?? '',
      row.identity.name,
      row.points,
      row.max,
      ...exercises.map((x) => row.exercises.find((e) => e.key === x.key)?.points ?? null),
      ...checkpoints.map((x) => row.checkpoints?.find((c) => c.key === x.key)?.points ?? null),
      row.late?.days ?? 0,
      row.late?.penaltyPercent ?? 0,
      allFlags(row).join('; '),
    ]),
  ]);
}

export const sheetJson = (sheet: GradeSheet): string => JSON.stringify(sheet, null, 2) + '\n';

// Gradescope's autograder results.json, as its specification (gradescope-autograders docs,
// "Autograder Specifications") defines it
export type Visibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';
export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: Visibility;
}
export interface GradescopeResults {
  score: number; // overrides the sum of the tests: it carries the late penalty
  output: string;
  output_format: 'text';
  visibility: Visibility;
  tests: GradescopeTest[];
}

// `total` split into `n` shares of 2 decimals that add up to it exactly
function shares(total: number, n: number): number[] {
  const each = round2(total / n);
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? each : round2(total - each * (n - 1))));
}

function exerciseTests(e: ExerciseScore, index: number): GradescopeTest[] {
  if (e.checks.length === 0) {
    const status = e.state === 'passed' ? 'passed' : 'failed';
    const output = e.state === 'missing' ? 'not handed in' : e.state;
    return [{ name: e.title, number: `${index + 1}`, score: round2(e.points), max_score: round2(e.max), status, output, visibility: 'visible' }];
  }
  const max = shares(e.max, e.checks.length);
  // the exercise's points go to the checks that passed; if none did, to all alike
  const earners = e.checks.some((c) => c.passed) ? e.checks.filter((c) => c.passed) : e.checks;
  const earned = shares(e.points, earners.length);
  return e.checks.map((c, i) => ({
    name: `${e.title}: ${c.name}`,
    number: `${index + 1}.${i + 1}`,
    score: earners.includes(c) ? earned[earners.indexOf(c)] : 0,
    max_score: max[i],
    status: c.passed ? 'passed' : 'failed',
    output: c.message ?? (c.passed ? 'passed' : 'failed'),
    // shown once the due date (the late due date, if late work is allowed) has passed; until
    // then the student does not see the total score either, as the specification warns
    visibility: c.hidden ? 'after_due_date' : 'visible',
  }));
}

export function gradescopeResults(row: GradedRow, sheet: GradeSheet): GradescopeResults {
  // the top-level output is visible at once: with grading checks hidden until the due date, it
  // must not give away their verdicts or the total they go into
  const hidden = row.exercises.some((e) => e.checks.some((c) => c.hidden));
  const rowFlags = row.flags.length > 0 ? [`Flags: ${row.flags.join('; ')}`] : [];
  const summary = hidden ? ['The checks the assignment page shows are below; the grading checks and your total are shown after the due date.', ...lateLine(row), ...rowFlags] : feedbackLines(row);
  return {
    score: round2(row.points),
    // "text": the top-level output is otherwise rendered as HTML ("simple_format")
    output: [`${sheet.lesson.title}: ${row.identity.name}`, ...summary].join('\n'),
    output_format: 'text',
    visibility: 'visible',
    tests: [
      ...row.exercises.flatMap(exerciseTests),
      ...(row.checkpoints ?? []).map((c, i) => ({
        name: `Checkpoint: ${c.title}`,
        number: `${row.exercises.length + i + 1}`,
        score: round2(c.points),
        max_score: round2(c.max),
        status: c.state === 'right' ? ('passed' as const) : ('failed' as const),
        output: c.state === 'missing' ? 'not answered' : `your answer: ${c.answer} (${c.state})`,
        visibility: 'visible' as const,
      })),
    ],
  };
}
