// What the build proves about each exercise, run sealed as a grader runs it: its solution passes
// every check and every grading check (on the book's own seed) with the engine less what it
// withholds, its starter code fails at least one check (so there is something to do), and both
// type-check with the checks.
import * as engine from '../../../engine/src/index.ts';
import type { SealedInput, SealedResult } from '../../runtime/sealed.ts';
import type { Exercise } from './read.ts';
import type { CheckedCode, Problem } from '../../cells/build/compare.ts';
import { sealedInput } from '../../grading/shared/sealed-input.ts';
import { versionHash } from '../../shared/page-data.ts';

export type Version = 'starter' | 'solution';

// the seed the build grades the book's own solutions with; a real grading uses the instructor's
export const BOOK_SEED = 'the book';

export function exerciseInput(ex: Exercise, version: Version): SealedInput {
  return sealedInput(ex, version === 'starter' ? ex.starter : ex.solution, version === 'solution' ? BOOK_SEED : null);
}

// the exercise's version as a hand-in records it: it changes when anything a grade depends on does
export function exerciseVersion(ex: Exercise): string {
  return versionHash(ex.setup, ex.starter, ex.solution, ex.checks, ex.grading, ex.withhold.join(' '), ex.provides.join(' '));
}

// what is wrong with an exercise before anything runs: a withheld name the engine does not export
export function withholdProblem(ex: Exercise): Problem | null {
  const unknown = ex.withhold.filter((name) => !Object.hasOwn(engine, name));
  if (unknown.length === 0) return null;
  return { cell: asCell(ex, 'starter'), line: ex.line, column: ex.place.column, message: `exercise "${ex.id}": withhold names ${unknown.join(', ')}, which the engine does not export` };
}

// the exercise as a cell, for the type checker and for problem reports: a version, then the checks
export function asCell(ex: Exercise, version: Version): CheckedCode {
  return {
    chapter: ex.chapter,
    file: ex.file,
    id: `${ex.id}.${version}`,
    place: ex.place,
    line: version === 'starter' ? ex.line : ex.solutionLine - 1,
    setup: ex.setup,
    code: `${version === 'starter' ? ex.starter : ex.solution}\n${ex.checks}`,
    codeLine: version === 'starter' ? ex.starterLine : ex.solutionLine,
  };
}

// the grading block as a cell for the type checker, after the setup and the solution (it runs
// apart from the checks, so it is checked apart from them)
export function gradingAsCell(ex: Exercise): CheckedCode {
  return { ...asCell(ex, 'solution'), id: `${ex.id}.grading`, setup: `${ex.setup}\n${ex.solution}`, code: ex.grading, codeLine: ex.gradingLine ?? ex.checksLine };
}

export function judge(ex: Exercise, version: Version, result: SealedResult): Problem | null {
  const cell = asCell(ex, version);
  const at = (line: number, message: string): Problem => ({ cell, line, column: ex.place.column, message: `exercise "${ex.id}": ${message}` });
  if (version === 'starter') {
    if (result.passed) return at(ex.line, 'the starter code already passes every check; give the reader something to do');
    return null;
  }
  if (result.error) {
    const line = result.error.line === null ? ex.solutionLine - 1 : ex.solutionLine + result.error.line - 1;
    return at(line, `the solution stopped with ${result.error.name}: ${result.error.message}`);
  }
  const failed = result.checks.find((c) => !c.passed);
  if (failed) return at(ex.checksLine - 1, `the solution fails the check "${failed.name}": ${failed.message}`);
  if (result.checks.length !== ex.checkNames.length) return at(ex.checksLine - 1, `${result.checks.length} checks ran, but the checks block names ${ex.checkNames.length}`);
  const hidden = result.hidden.find((c) => !c.passed);
  if (hidden) return at((ex.gradingLine ?? ex.checksLine) - 1, `the solution fails the grading check "${hidden.name}": ${hidden.message}`);
  if (ex.grading !== '' && result.hidden.length === 0) return at((ex.gradingLine ?? ex.checksLine) - 1, 'the grading block registers no check');
  return null;
}
