// What the build proves about each exercise: its solution passes every check, its starter code
// fails at least one (so there is something to do), and both type-check with the checks.
import type { ExerciseInput, ExerciseResult } from '../../runtime/exercise.ts';
import type { Exercise } from '../book/model.ts';
import type { CheckedCode, Problem } from '../cells/compare.ts';

export type Version = 'starter' | 'solution';

export function exerciseInput(ex: Exercise, version: Version): ExerciseInput {
  return { setup: ex.setup || undefined, code: version === 'starter' ? ex.starter : ex.solution, checks: ex.checks };
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

export function judge(ex: Exercise, version: Version, result: ExerciseResult): Problem | null {
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
  if (result.checks.length !== ex.checkNames.length)
    return at(ex.checksLine - 1, `${result.checks.length} checks ran, but the checks block names ${ex.checkNames.length}`);
  return null;
}
