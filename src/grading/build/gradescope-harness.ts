// The Gradescope autograder's harness: bundled by gradescope.ts into grader.mjs, which Gradescope runs
// once per submission. It grades the one hand-in file the student uploaded exactly as /grade/ and
// `npm run grade` do (grade(), each exercise sealed in a fresh worker thread), and always writes
// results.json, with a message the student can act on when there is nothing to grade.
//
// The bundle is the instructor's: it holds the book's solutions, the grading settings and the seed
// of the grading checks. It is uploaded to Gradescope and never shown to students.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GradescopeResults, gradescopeResults } from '../shared/exports.ts';
import { type CheckpointDef, type ExerciseDef, grade, type LessonRef } from '../shared/grade.ts';
import type { GradingSettings } from '../shared/settings.ts';
import { limit } from '../../shared/limit.ts';
import { sealedInput } from '../shared/sealed-input.ts';
import { type SubmissionMetadata, readMetadata, submitterFlag } from './gradescope-metadata.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';
import { terminalText } from '../shared/terminal-text.ts';

// the bundle's sealed thread, beside this file once bundled (gradescope.ts writes both)
const threadFile = new URL('./sealed-thread.mjs', import.meta.url);

// what gradescope.ts bakes into the bundle
export interface BundleConfig {
  lesson: LessonRef;
  defs: ExerciseDef[]; // the lesson's exercises only
  checkpoints?: CheckpointDef[]; // the lesson's checkpoints, as the chapter pages hold them
  settings: GradingSettings | null; // null: every exercise one point, lateness not judged
  seed: string;
  builtAt: string;
}

// the config as a JSON string, put in place of this name by esbuild's `define` at bundle time
declare const __GRADESCOPE_BUNDLE__: string;

// Gradescope's layout (its "Autograder Specifications"); AUTOGRADER_DIR moves it, for tests
export function autograderPaths(root = process.env.AUTOGRADER_DIR ?? '/autograder') {
  return {
    submission: join(root, 'submission'),
    metadata: join(root, 'submission_metadata.json'),
    results: join(root, 'results', 'results.json'),
  };
}

// a results.json that gives nothing and says why, in the student's view
export function failingResults(message: string): GradescopeResults {
  return { score: 0, output: message, output_format: 'text', visibility: 'visible', tests: [] };
}

class NotGraded extends Error {}

const UPLOAD_HINT = 'Upload the hand-in file (.json) that the assignment page saved for you, and only that file.';

// the one .json file the student uploaded
function handInFile(dir: string): { name: string; text: string } {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
      .map((e) => e.name)
      .sort();
  } catch {
    names = [];
  }
  if (names.length === 0) throw new NotGraded(`No hand-in file was found in your submission. ${UPLOAD_HINT}`);
  if (names.length > 1) throw new NotGraded(`Your submission has ${names.length} .json files (${names.join(', ')}); it should have one. ${UPLOAD_HINT}`);
  try {
    return { name: names[0], text: readFileSync(join(dir, names[0]), 'utf8') };
  } catch (error) {
    throw new NotGraded(`Your hand-in file ${names[0]} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ${UPLOAD_HINT}`);
  }
}

// the lesson a hand-in file says it is for, if it says so, for a clearer message than grade()'s
function lessonOf(text: string): string | null {
  try {
    const lesson = JSON.parse(text)?.assignment?.lesson;
    return typeof lesson === 'string' ? lesson : null;
  } catch {
    return null;
  }
}

export async function autograde(config: BundleConfig, submissionDir: string, metadata: SubmissionMetadata | null): Promise<GradescopeResults> {
  const file = handInFile(submissionDir);
  const claimed = lessonOf(file.text);
  if (claimed !== null && claimed !== config.lesson.id)
    throw new NotGraded(`Your hand-in file ${file.name} is for the lesson "${claimed}", but this assignment is "${config.lesson.title}" (${config.lesson.id}). ${UPLOAD_HINT}`);
  const slot = limit(1); // one thread at a time: Gradescope gives a container half a CPU by default
  const report = await grade({
    // the name the file had on the student's machine is theirs to choose: it gets a plain one, and
    // no LMS download is named (`from`), so nothing is read from it; Gradescope's submission time
    // is the instructor's side of when it came in
    files: [{ name: 'hand-in.json', text: file.text, handedInAt: metadata?.createdAt ?? undefined }],
    lessons: [config.lesson],
    defs: config.defs,
    settings: config.settings ? [config.settings] : [],
    seed: config.seed,
    run: (def, code, seed) => slot(() => runSealedThread(sealedInput(def, code, seed), def.timeoutMs, threadFile)),
    checkpoints: config.checkpoints ?? [],
    runVariant: (code, timeoutMs) => slot(() => runSealedThread({ code, checks: '', provides: [], withhold: [] }, timeoutMs, threadFile)),
  });
  if (report.errors.length > 0) throw new NotGraded(`Your hand-in file ${file.name} could not be graded: ${report.errors[0].message}. ${UPLOAD_HINT}`);
  const { sheet } = report.lessons[0];
  let row = sheet.rows[0];
  const mismatch = metadata ? submitterFlag(row, metadata) : null;
  if (mismatch) row = { ...row, flags: [...row.flags, mismatch] };
  return gradescopeResults(row, sheet);
}

// what Gradescope shows and logs as text, with no escape, control or bidi character from a
// student's file or code (names, file names, a thrown error's message)
export function terminalResults(results: GradescopeResults): GradescopeResults {
  return { ...results, output: terminalText(results.output), tests: results.tests.map((t) => ({ ...t, name: terminalText(t.name), output: terminalText(t.output) })) };
}

export async function main(config: BundleConfig, paths = autograderPaths()): Promise<void> {
  let results: GradescopeResults;
  try {
    const metadata = readMetadata(paths.metadata);
    if (!metadata) console.log(`no readable ${paths.metadata}: lateness from the file's own export time`);
    else if (config.settings && metadata.dueDate) console.log(`Gradescope's due date ${metadata.dueDate}; the grading settings' ${JSON.stringify(config.settings.due)} decide lateness`);
    results = await autograde(config, paths.submission, metadata);
  } catch (error) {
    if (!(error instanceof NotGraded)) console.log(terminalText(String((error as Error)?.stack ?? error))); // the stack, in stdout: only instructors see it
    results = failingResults(error instanceof NotGraded ? error.message : `The autograder failed (${(error as Error).message}). Tell your instructor; this is not your fault.`);
  }
  mkdirSync(join(paths.results, '..'), { recursive: true });
  results = terminalResults(results);
  writeFileSync(paths.results, JSON.stringify(results, null, 2) + '\n');
  console.log(`score ${results.score}; ${results.tests.length} tests; written to ${paths.results}`);
}

// run only as the bundle: imported unbundled (by tests), the name is not defined
if (typeof __GRADESCOPE_BUNDLE__ === 'string') await main(JSON.parse(__GRADESCOPE_BUNDLE__) as BundleConfig);
