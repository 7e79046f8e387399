// Grading hand-in files, the same way in /grade/ and in `npm run grade`: each file parsed on its own
// (a bad file gets its error and never stops the others); every counted exercise run again, sealed,
// in a realm of its own, on the submitted code, with the checks the page shows and, given the
// instructor's seed, the grading checks on inputs the page never showed; points, lateness and
// identity decided on the instructor's side where it can be (the settings, a platform's submission
// time, the file names of a download the instructor says is an LMS's), and every verdict that rests
// on the file's own word flagged as such; one row per student (the latest of several hand-ins
// counts; one that replaced another name's is kept beside the sheet), with what to look at flagged.
// Each counted checkpoint's answer is checked again (src/checkpoints/shared/answers.ts): a fixed one
// against the sealed answers the chapter page holds, one drawn for each reader recomputed for the
// email or login the grader grades; what the file says about right or wrong is never taken.
import type { CheckpointPageData } from '../../checkpoints/shared/data.ts';
import { checkAnswer, normaliseIdentity, type RunVariant } from '../../checkpoints/shared/answers.ts';
import { parse } from 'sucrase/dist/parser/index.js';
import type { SealedResult } from '../../runtime/sealed.ts';
import { crossCheck, type RowFacts } from './cross-checks.ts';
import { type HandedIn, judgeTime } from './handed-in.ts';
import { type FileIdentity, identityOf, keyWords, personKey, sameNameKey } from './identity.ts';
import type { Lms } from './lms-files.ts';
import { defaultSettings, type GradingSettings } from './settings.ts';
import type { CheckpointScore, CheckVerdict, ExerciseScore, GradedRow, GradeSheet, ReplacedRow } from './sheet.ts';
import { parseSubmission } from './read-submission.ts';
import { type ParsedSubmission, SubmissionError } from './submission.ts';

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

async function scoreCheckpoint(
  def: CheckpointDef,
  points: number,
  sent: NonNullable<ParsedSubmission['checkpoints']>[number] | undefined,
  identity: string | null,
  run: RunVariant | null,
): Promise<CheckpointScore> {
  const base = { key: key(def), title: def.question.replace(/`/g, ''), max: points, variant: def.variant !== undefined };
  if (!sent || sent.answer === null) return { ...base, points: 0, state: 'missing', answer: null, note: 'not answered', flags: [] };
  const verdict = await checkAnswer(def, sent.answer, identity, run);
  const flags: string[] = [];
  if (sent.correct && !verdict.correct) flags.push("the student's page had shown right");
  if (def.variant && sent.identity !== null && identity !== null && normaliseIdentity(sent.identity) !== normaliseIdentity(identity))
    flags.push(`answered for ${sent.identity}, graded for ${normaliseIdentity(identity)}`);
  return { ...base, points: verdict.correct ? points : 0, state: verdict.correct ? 'right' : 'wrong', answer: shownAnswer(def, sent.answer), note: verdict.note, flags };
}

export interface GradeInput {
  // handedInAt: when the file came in, as the instructor's side knows it (an autograder's submission
  // time); it decides lateness and which of a student's hand-ins is the latest, over the file's own time
  files: { name: string; text: string; handedInAt?: string }[];
  // the instructor's word that the files are this LMS's bulk download, named by it: only then are its
  // file names read for the student's LMS user and Canvas's late mark (a student names a file they send)
  from?: Lms | null;
  lessons: LessonRef[];
  defs: ExerciseDef[];
  settings: GradingSettings[]; // the instructor's, per lesson; a lesson without gets defaultSettings
  seed: string | null; // the instructor's; without it the grading checks do not run (and rows say so)
  run: RunSealed;
  checkpoints?: CheckpointDef[]; // the book's, as the chapter pages hold them
  runVariant?: RunVariant; // runs a variant question's code (the book's) for a student's seed
}

type Parsed = { file: string; submission: ParsedSubmission; lesson: LessonRef } & Omit<HandedIn, 'lmsLate'>;
type Entry = Parsed & FileIdentity;

// each file on its own: a bad one gets its error and never stops the others
async function readFiles(files: GradeInput['files'], lessons: LessonRef[]): Promise<{ parsed: Parsed[]; errors: GradeReport['errors'] }> {
  const parsed: Parsed[] = [];
  const errors: GradeReport['errors'] = [];
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
      // anything else is a fault of this code, not of the file: said, and the batch goes on
      errors.push({ file: file.name, message: error instanceof SubmissionError ? error.message : `could not be read (${String(error)})` });
    }
  }
  return { parsed, errors };
}

// one key, one row: the latest hand-in counts; earlier ones under another name are kept, replaced
interface Person {
  kept: Entry;
  count: number; // the kept name's hand-ins
  fromFile: boolean; // "latest" decided on a file's own time
  replaced: Entry[]; // the latest of each other name
}

const later = (a: Entry, b: Entry) => (Date.parse(b.at) >= Date.parse(a.at) ? b : a);

function byPerson(entries: Entry[]): Person[] {
  return [...Map.groupBy(entries, (e) => personKey(e.identity)).values()].map((all) => {
    const kept = all.reduce(later);
    const names = Map.groupBy(all, (e) => sameNameKey(e.identity.name));
    const same = names.get(sameNameKey(kept.identity.name))!;
    const replaced = [...names.values()].filter((other) => other !== same).map((other) => other.reduce(later));
    return { kept, count: same.length, fromFile: all.length > 1 && all.some((e) => e.atFromFile), replaced };
  });
}

export async function grade({ files, from = null, lessons, defs, settings, seed, run, checkpoints = [], runVariant }: GradeInput): Promise<GradeReport> {
  const defsByKey = new Map(defs.map((d) => [key(d), d]));
  const checkpointsByKey = new Map(checkpoints.map((d) => [key(d), d]));
  const { parsed, errors } = await readFiles(files, lessons);

  const grades: LessonGrade[] = [];
  for (const lesson of lessons) {
    const mine = parsed.filter((p) => p.lesson === lesson);
    if (mine.length === 0) continue;
    const given = settings.find((s) => s.lesson === lesson.id);
    const lessonSettings = given ?? defaultSettings(lesson, '9999-12-31');
    const counted = lessonSettings.exercises.flatMap((e) => (defsByKey.has(key(e)) ? [{ def: defsByKey.get(key(e))!, points: e.points }] : []));
    // the points come from the instructor's settings (or the lesson), never from the hand-in's assignment
    const countedCheckpoints = (lessonSettings.checkpoints ?? []).flatMap((c) => (checkpointsByKey.has(key(c)) ? [{ def: checkpointsByKey.get(key(c))!, points: c.points }] : []));
    const max = counted.reduce((t, c) => t + c.points, 0) + countedCheckpoints.reduce((t, c) => t + c.points, 0);
    const people = byPerson(mine.map((p) => ({ ...p, ...identityOf(p.file, p.submission, from) })));

    const gradeRow = async (entry: Entry, rowFlags: string[]): Promise<GradedRow> => {
      const { file, submission, identity } = entry;
      const exercises = await Promise.all(
        counted.map(({ def, points }) =>
          scoreExercise(
            def,
            points,
            submission.exercises.find((e) => key(e) === key(def)),
            seed,
            run,
          ),
        ),
      );
      // a variant is drawn for the email or login the grader records for the student
      const variantIdentity = identity.email ?? identity.login;
      const checkpointScores = await Promise.all(
        countedCheckpoints.map(({ def, points }) =>
          scoreCheckpoint(
            def,
            points,
            (submission.checkpoints ?? []).find((c) => key(c) === key(def)),
            variantIdentity,
            runVariant ?? null,
          ),
        ),
      );
      const { late, flags: timeFlags } = judgeTime(entry, given ?? null);
      const flags = [...rowFlags, ...entry.flags];
      if (identity.from === 'file') flags.push('identity from the file only');
      flags.push(...timeFlags);
      if (submission.legacy) flags.push('an old hand-in file (no identity or activity recorded)');
      if (!seed) flags.push('grading checks not run (no seed)');
      const raw = exercises.reduce((t, e) => t + e.points, 0) + checkpointScores.reduce((t, c) => t + c.points, 0);
      return {
        identity,
        file,
        handedInAt: entry.at,
        timeFrom: entry.atFromFile ? 'file' : 'platform',
        late,
        points: round2(raw * (1 - (late?.penaltyPercent ?? 0) / 100)),
        max,
        exercises,
        checkpoints: checkpointScores,
        flags,
      };
    };

    // every run at once: the run function decides how many realms it keeps busy
    const graded = await Promise.all(
      people.map(async ({ kept, count, fromFile, replaced }) => {
        const under = keyWords(kept.identity, kept.lms);
        const clock = fromFile ? " by the files' own export times" : '';
        const flags = count > 1 ? [`latest of ${count} hand-ins${clock && `,${clock}`}`] : [];
        flags.push(...replaced.map((r) => `replaced the hand-in of ${r.identity.name} (${r.file}) under ${under}${clock && `, later${clock}`}`));
        const replacedBy = { name: kept.identity.name, file: kept.file };
        const others = await Promise.all(
          replaced.map(async (r): Promise<ReplacedRow> => ({ ...(await gradeRow(r, [`replaced by ${kept.identity.name} (${kept.file}), a later hand-in${clock} under ${under}`])), replacedBy })),
        );
        return { entry: kept, row: await gradeRow(kept, flags), others };
      }),
    );

    // the same code, as compared for grouping, once per row
    const facts: (RowFacts & { entry: Entry })[] = graded.map(({ entry, row }) => {
      const code = counted.map(({ def }) => entry.submission.exercises.find((e) => key(e) === key(def))?.code ?? null);
      const normal = code.map((c) => (c ? normalise(c) : null));
      return { entry, row, lms: entry.lms, checksum: entry.submission.checksum, code: normal, bookSolution: counted.map(({ def }, i) => normal[i] === normalise(def.solution)) };
    });
    crossCheck(
      facts,
      countedCheckpoints.some((c) => c.def.variant),
    );

    const groups: SolutionGroup[] = counted.map(({ def }) => ({ exercise: def, solutions: [] }));
    for (const { entry, code, bookSolution } of facts)
      counted.forEach(({ def }, i) => {
        const text = entry.submission.exercises.find((e) => key(e) === key(def))?.code;
        if (!text) return;
        const group = groups[i].solutions.find((s) => normalise(s.code) === code[i]);
        if (group) group.students.push(entry.identity.name);
        else groups[i].solutions.push({ code: text, students: [entry.identity.name], isBookSolution: bookSolution[i] });
      });
    for (const g of groups) g.solutions.sort((a, b) => b.students.length - a.students.length);
    const byName = (a: GradedRow, b: GradedRow) => a.identity.name.localeCompare(b.identity.name);
    const rows = graded.map((g) => g.row).sort(byName);
    const replaced = graded.flatMap((g) => g.others).sort(byName);
    const sheet: GradeSheet = {
      lesson: { id: lesson.id, title: lesson.title },
      assignment: { name: lessonSettings.lmsAssignment.name, lmsAssignmentId: lessonSettings.lmsAssignment.id },
      max,
      rows,
      replaced,
    };
    grades.push({ sheet, settings: lessonSettings, settingsGiven: given !== undefined, groups });
  }
  return { lessons: grades, errors };
}
