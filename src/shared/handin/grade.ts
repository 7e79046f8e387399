// Grading hand-in files, the same way in /grade/ and in `npm run grade`: each file parsed on its own
// (a bad file gets its error and never stops the others); every counted exercise run again, sealed,
// in a realm of its own, on the submitted code, with the checks the page shows and, given the
// instructor's seed, the grading checks on inputs the page never showed; points, lateness and
// identity decided on the instructor's side (the settings, the LMS's file names), never by the file
// alone; one row per student (the latest of several hand-ins counts), with what to look at flagged.
// Each counted checkpoint's answer is checked again (src/shared/checkpoint-answers.ts): a fixed one
// against the sealed answers the chapter page holds, one drawn for each reader recomputed for the
// email or login the grader grades; what the file says about right or wrong is never taken.
import type { CheckpointPageData } from '../../page/checkpoints/data.ts';
import { checkAnswer, normaliseIdentity, type RunVariant } from '../checkpoint-answers.ts';
import { parse } from 'sucrase/dist/parser/index.js';
import type { SealedResult } from '../../runtime/sealed.ts';
import { lmsFileInfo } from './lms-files.ts';
import { defaultSettings, dueInstant, type GradingSettings, lateness } from './settings.ts';
import type { CheckpointScore, CheckVerdict, ExerciseScore, GradedRow, GradeSheet, Identity } from './sheet.ts';
import { type ParsedSubmission, SubmissionError, parseSubmission } from './submission.ts';

export interface ExerciseDef {
  chapter: string;
  id: string;
  title: string;
  setup: string;
  checks: string;
  checkNames: string[];
  provides: string[];
  withhold: string[];
  grading: string;
  solution: string;
  timeoutMs: number;
  version: string;
}

export interface LessonRef {
  id: string;
  title: string;
  exercises: { chapter: string; id: string }[];
  checkpoints?: { chapter: string; id: string; points: number }[]; // with the lesson's default points
}

// a checkpoint as the grader knows it: exactly what the chapter page holds (its answers sealed, or
// a variant's code and expressions)
export type CheckpointDef = CheckpointPageData;

// runs one exercise sealed, in a fresh realm; a run stopped by its time limit comes back as an error
export type RunSealed = (def: ExerciseDef, code: string, seed: string | null) => Promise<Pick<SealedResult, 'passed' | 'checks' | 'hidden' | 'error'>>;

export interface SolutionGroup {
  exercise: ExerciseDef;
  solutions: { code: string; students: string[]; isBookSolution: boolean }[];
}

export interface LessonGrade {
  sheet: GradeSheet;
  settings: GradingSettings;
  settingsGiven: boolean; // false: every exercise one point and lateness not judged
  groups: SolutionGroup[];
}

export interface GradeReport {
  lessons: LessonGrade[];
  errors: { file: string; message: string }[];
}

const key = (e: { chapter: string; id: string }) => `${e.chapter}/${e.id}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

// code as compared for grouping and with the book's solution: its tokens, as written, one space
// apart, so comments and spacing are ignored and strings kept exact. Tokens from sucrase's parser,
// the one that runs the code; code it cannot parse is compared as it was sent.
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

// who handed the file in: the LMS's word (its file name) where there is one, else the file's
function identityOf(file: string, submission: ParsedSubmission): { identity: Identity; lmsLate: boolean | null } {
  const lms = lmsFileInfo(file);
  const email = submission.student.email;
  const looksLikeEmail = email !== null && email.includes('@');
  return {
    identity: {
      name: submission.student.name,
      email: looksLikeEmail ? email : null,
      login: email !== null && !looksLikeEmail ? email : null,
      lmsUserId: lms?.userId ?? null,
      from: lms ? 'lms' : 'file',
    },
    lmsLate: lms?.late ?? null,
  };
}

const personKey = (i: Identity) => (i.lmsUserId ? `lms:${i.lmsUserId}` : i.email ? `email:${i.email.toLowerCase()}` : i.login ? `login:${i.login.toLowerCase()}` : `name:${i.name.trim().toLowerCase()}`);

function verdicts(result: Pick<SealedResult, 'checks' | 'hidden'>): CheckVerdict[] {
  return [...result.checks.map((c) => ({ ...c, hidden: false })), ...result.hidden.map((c) => ({ ...c, hidden: true }))];
}

async function scoreExercise(def: ExerciseDef, points: number, sent: ParsedSubmission['exercises'][number] | undefined, seed: string | null, run: RunSealed): Promise<ExerciseScore> {
  const base = { key: key(def), title: def.title, max: points };
  if (!sent || sent.code === null) return { ...base, points: 0, state: 'missing', checks: [], flags: [] };
  const result = await run(def, sent.code, seed);
  const checks = verdicts(result);
  if (result.error && checks.length === 0) checks.push({ name: 'the code runs', passed: false, message: `${result.error.name}: ${result.error.message}`, hidden: false });
  const passed = checks.filter((c) => c.passed).length;
  const flags: string[] = [];
  if (sent.solutionShownAt) flags.push(`solution shown ${sent.solutionShownAt}`);
  if (normalise(sent.code) === normalise(def.solution)) flags.push("same as the book's solution");
  if (sent.version && sent.version !== def.version) flags.push('changed since hand-in');
  if (sent.passed && passed < checks.length) flags.push("the student's page had shown a pass");
  const state = checks.length > 0 && passed === checks.length ? 'passed' : passed > 0 ? 'partial' : 'failed';
  return { ...base, points: checks.length === 0 ? 0 : round2((points * passed) / checks.length), state, checks, flags };
}

// the text an answer is shown as in the grades
const shownAnswer = (def: CheckpointDef, answer: string | string[]) =>
  Array.isArray(answer) ? answer.join(' → ') : def.choices && /^\d+$/.test(answer) ? (def.choices[Number(answer)] ?? answer).replace(/`/g, '') : def.kind === 'line' ? `line ${answer}` : answer;

async function scoreCheckpoint(def: CheckpointDef, points: number, sent: NonNullable<ParsedSubmission['checkpoints']>[number] | undefined, identity: string | null, run: RunVariant | null): Promise<CheckpointScore> {
  const base = { key: key(def), title: def.question.replace(/`/g, ''), max: points, variant: def.variant !== undefined };
  if (!sent || sent.answer === null) return { ...base, points: 0, state: 'missing', answer: null, note: 'not answered', flags: [] };
  const verdict = await checkAnswer(def, sent.answer, identity, run);
  const flags: string[] = [];
  if (sent.correct && !verdict.correct) flags.push("the student's page had shown right");
  if (def.variant && sent.identity !== null && identity !== null && normaliseIdentity(sent.identity) !== normaliseIdentity(identity)) flags.push(`answered for ${sent.identity}, graded for ${normaliseIdentity(identity)}`);
  return { ...base, points: verdict.correct ? points : 0, state: verdict.correct ? 'right' : 'wrong', answer: shownAnswer(def, sent.answer), note: verdict.note, flags };
}

export interface GradeInput {
  // handedInAt: when the file came in, as the instructor's side knows it (an autograder's submission
  // time); it decides lateness and which of a student's hand-ins is the latest, over the file's own time
  files: { name: string; text: string; handedInAt?: string }[];
  lessons: LessonRef[];
  defs: ExerciseDef[];
  settings: GradingSettings[]; // the instructor's, per lesson; a lesson without gets defaultSettings
  seed: string | null; // the instructor's; without it the grading checks do not run (and rows say so)
  run: RunSealed;
  checkpoints?: CheckpointDef[]; // the book's, as the chapter pages hold them
  runVariant?: RunVariant; // runs a variant question's code (the book's) for a student's seed
}

export async function grade({ files, lessons, defs, settings, seed, run, checkpoints = [], runVariant }: GradeInput): Promise<GradeReport> {
  const defsByKey = new Map(defs.map((d) => [key(d), d]));
  const checkpointsByKey = new Map(checkpoints.map((d) => [key(d), d]));
  const errors: GradeReport['errors'] = [];
  const parsed: { file: string; submission: ParsedSubmission; lesson: LessonRef; at: string; atFromFile: boolean }[] = [];
  for (const file of files) {
    try {
      const submission = await parseSubmission(file.text);
      const lesson = lessons.find((l) => l.id === submission.assignment.lesson);
      if (!lesson) throw new SubmissionError(`it is for a lesson this site does not have ("${submission.assignment.lesson}")`);
      const expected = new Set(lesson.exercises.map(key));
      const stray = submission.exercises.find((e) => !expected.has(key(e)));
      if (stray) throw new SubmissionError(`it lists an exercise that is not in the lesson "${lesson.id}" (${key(stray)})`);
      const lessonCheckpoints = new Set((lesson.checkpoints ?? []).map(key));
      const strayCheckpoint = (submission.checkpoints ?? []).find((c) => !lessonCheckpoints.has(key(c)));
      if (strayCheckpoint) throw new SubmissionError(`it lists a checkpoint that is not in the lesson "${lesson.id}" (${key(strayCheckpoint)})`);
      parsed.push({ file: file.name, submission, lesson, at: file.handedInAt ?? submission.exportedAt, atFromFile: file.handedInAt === undefined });
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
      errors.push({ file: file.name, message: error.message });
    }
  }

  const grades: LessonGrade[] = [];
  for (const lesson of lessons) {
    const mine = parsed.filter((p) => p.lesson === lesson);
    if (mine.length === 0) continue;
    const given = settings.find((s) => s.lesson === lesson.id);
    const lessonSettings = given ?? defaultSettings(lesson, '9999-12-31');
    const counted = lessonSettings.exercises.flatMap((e) => (defsByKey.has(key(e)) ? [{ def: defsByKey.get(key(e))!, points: e.points }] : []));
    // the points come from the instructor's settings (or the lesson), never from the hand-in's assignment
    const countedCheckpoints = (lessonSettings.checkpoints ?? []).flatMap((c) => (checkpointsByKey.has(key(c)) ? [{ def: checkpointsByKey.get(key(c))!, points: c.points }] : []));
    // the latest hand-in of each student counts
    const byPerson = new Map<string, (typeof mine)[number] & { identity: Identity; lmsLate: boolean | null; count: number }>();
    for (const p of mine) {
      const { identity, lmsLate } = identityOf(p.file, p.submission);
      const k = personKey(identity);
      const known = byPerson.get(k);
      const later = !known || Date.parse(p.at) >= Date.parse(known.at);
      if (later) byPerson.set(k, { ...p, identity, lmsLate, count: (known?.count ?? 0) + 1 });
      else known.count++;
    }
    const groups: SolutionGroup[] = counted.map(({ def }) => ({ exercise: def, solutions: [] }));
    // every run at once: the run function decides how many realms it keeps busy
    const rows: GradedRow[] = await Promise.all(
      [...byPerson.values()].map(async ({ file, submission, identity, lmsLate, count, at, atFromFile }) => {
        const exercises = await Promise.all(counted.map(({ def, points }) => scoreExercise(def, points, submission.exercises.find((e) => key(e) === key(def)), seed, run)));
        // a variant is drawn for the email or login the grader records for the student
        const variantIdentity = identity.email ?? identity.login;
        const checkpointScores = await Promise.all(
          countedCheckpoints.map(({ def, points }) => scoreCheckpoint(def, points, (submission.checkpoints ?? []).find((c) => key(c) === key(def)), variantIdentity, runVariant ?? null)),
        );
        const flags: string[] = [];
        if (count > 1) flags.push(`latest of ${count} hand-ins`);
        if (identity.from === 'file') flags.push('identity from the file only');
        if (submission.legacy) flags.push('an old hand-in file (no identity or activity recorded)');
        if (!seed) flags.push('grading checks not run (no seed)');
        // lateness: Canvas's own mark where there is one, else the hand-in time against the instructor's due time
        let late = given ? lateness(Date.parse(at), lessonSettings) : null;
        if (given && lmsLate === true && late === null) late = lateness(dueInstant(lessonSettings) + 1, lessonSettings);
        if (given && lmsLate === false) late = null;
        if (late && lmsLate === null && atFromFile) flags.push("late by the file's own export time");
        const raw = exercises.reduce((t, e) => t + e.points, 0) + checkpointScores.reduce((t, c) => t + c.points, 0);
        const max = counted.reduce((t, c) => t + c.points, 0) + countedCheckpoints.reduce((t, c) => t + c.points, 0);
        return { identity, file, handedInAt: at, late, points: round2(raw * (1 - (late?.penaltyPercent ?? 0) / 100)), max, exercises, checkpoints: checkpointScores, flags };
      }),
    );
    for (const { submission, identity } of byPerson.values()) {
      counted.forEach(({ def }, i) => {
        const code = submission.exercises.find((e) => key(e) === key(def))?.code;
        if (!code) return;
        const group = groups[i].solutions.find((s) => normalise(s.code) === normalise(code));
        if (group) group.students.push(identity.name);
        else groups[i].solutions.push({ code, students: [identity.name], isBookSolution: normalise(code) === normalise(def.solution) });
      });
    }
    rows.sort((a, b) => a.identity.name.localeCompare(b.identity.name));
    // two students graded under one email or login get the same variants: one may have copied the other's identity
    if (countedCheckpoints.some((c) => c.def.variant))
      for (const row of rows) {
        const mine = row.identity.email ?? row.identity.login;
        const same = rows.filter((r) => r !== row && mine && normaliseIdentity(r.identity.email ?? r.identity.login ?? '') === normaliseIdentity(mine));
        if (same.length > 0) row.flags.push(`same email or login as ${same.map((r) => r.identity.name).join(', ')}: the same variants`);
      }
    for (const g of groups) g.solutions.sort((a, b) => b.students.length - a.students.length);
    const max = counted.reduce((t, c) => t + c.points, 0) + countedCheckpoints.reduce((t, c) => t + c.points, 0);
    const sheet: GradeSheet = { lesson: { id: lesson.id, title: lesson.title }, assignment: { name: lessonSettings.lmsAssignment.name, lmsAssignmentId: lessonSettings.lmsAssignment.id }, max, rows };
    grades.push({ sheet, settings: lessonSettings, settingsGiven: given !== undefined, groups });
  }
  return { lessons: grades, errors };
}
