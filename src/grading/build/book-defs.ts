// The book's exercises and lessons as the graders need them (/grade/'s page data, the command-line
// grader, the Gradescope bundle): everything a sealed run of each exercise takes.
import type { CheckpointDef, ExerciseDef, LessonRef } from '../shared/grade.ts';
import type { RunVariant } from '../../checkpoints/shared/answers.ts';
import { bookCheckpoints } from '../../checkpoints/build/book-checkpoints.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';
import { loadBook } from '../../book/build/book.ts';
import { exerciseVersion } from '../../exercises/build/verify.ts';
import { loadLessons } from '../../lessons/build/lessons.ts';

export function exerciseDefs(): ExerciseDef[] {
  return loadBook()
    .flatMap((c) => c.exercises)
    .map((e) => {
      const { chapter, id, title, setup, checks, checkNames, provides, withhold, grading, solution, timeoutMs } = e;
      return { chapter, id, title, setup, checks, checkNames, provides, withhold, grading, solution, timeoutMs, version: exerciseVersion(e) };
    });
}

export function lessonRefs(): LessonRef[] {
  return loadLessons()
    .sort((a, b) => a.order - b.order)
    .map(({ id, title, exercises, checkpoints }) => ({
      id,
      title,
      exercises: exercises.map(({ chapter, id }) => ({ chapter, id })),
      checkpoints: checkpoints.map(({ chapter, id, points }) => ({ chapter, id, points })),
    }));
}

// the lessons' checkpoints as the chapter pages hold them (their answers sealed, or a variant's
// code): computed from the code, exactly what a reader's page gets, nothing more
export async function checkpointDefs(lessons = lessonRefs()): Promise<CheckpointDef[]> {
  const wanted = new Set(lessons.flatMap((l) => (l.checkpoints ?? []).map((c) => `${c.chapter}/${c.id}`)));
  return (await bookCheckpoints()).filter((c) => wanted.has(`${c.chapter}/${c.id}`));
}

// a variant question's code (the book's), run for a student's seed in a sealed worker thread, the
// runtime the reader's page runs it in
export const runVariantThread =
  (threadFile?: URL): RunVariant =>
  (code, timeoutMs) =>
    runSealedThread({ code, checks: '', provides: [], withhold: [] }, timeoutMs, threadFile);

export { sealedInput } from '../shared/sealed-input.ts';
