// The book's exercises and lessons as the graders need them (/grade/'s page data, the command-line
// grader, the Gradescope bundle): everything a sealed run of each exercise takes.
import type { ExerciseDef, LessonRef } from '../../shared/handin/grade.ts';
import { loadBook } from '../book/book.ts';
import { exerciseVersion } from '../exercises/verify.ts';
import { loadLessons } from '../lessons/book.ts';

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
    .map(({ id, title, exercises }) => ({ id, title, exercises: exercises.map(({ chapter, id }) => ({ chapter, id })) }));
}

export { sealedInput } from '../../shared/handin/sealed-input.ts';
