// What a sealed run of some code for an exercise gets (src/runtime/sealed.ts): the exercise's
// setup, checks, grading block and solution, the names the checks take from the code and the
// engine exports it does not get, and the seed. One place for /grade/, the graders and the build.
import type { SealedInput } from '../../runtime/sealed.ts';

export interface SealedExercise {
  chapter: string;
  id: string;
  setup: string;
  checks: string;
  provides: string[];
  withhold: string[];
  grading: string;
  solution: string;
}

export function sealedInput(ex: SealedExercise, code: string, seed: string | null): SealedInput {
  const { setup, checks, provides, withhold, grading, solution } = ex;
  return { setup, code, checks, provides, withhold, grading, solution, seed, exercise: `${ex.chapter}/${ex.id}` };
}
