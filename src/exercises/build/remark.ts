// remark plugin: each exercise of the chapter (its starter, solution, checks, grading and hints
// blocks) becomes the <Exercise> component, where it sits in the tree, as the book model read it.
// The grading block stays out of the page: only the graders hold it.
import type { Root } from 'mdast';
import { resolve } from 'node:path';
import { chapterOf, isChapterFile } from '../../book/build/book.ts';
import { component, esmImport, replaceBlock } from '../../course/build/mdx.ts';
import type { ExercisePageData } from '../shared/data.ts';
import { exerciseVersion } from './verify.ts';

const exerciseComponent = resolve(process.cwd(), 'src/exercises/Exercise.astro');

export function remarkExercises() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    if (!isChapterFile(file.path)) return;
    const chapter = chapterOf(tree, file.path!, String(file.value ?? ''));
    if (chapter.exercises.length === 0) return;
    for (const exercise of chapter.exercises) {
      const { chapter: slug, id, title, setup, starter, solution, checks, checkNames, provides, withhold, hints, timeoutMs, spot } = exercise;
      const data: ExercisePageData = { chapter: slug, id, title, setup, starter, solution, checks, checkNames, provides, withhold, hints, timeoutMs, version: exerciseVersion(exercise) };
      replaceBlock(spot, component('Exercise', { data }));
    }
    tree.children.unshift(esmImport('Exercise', exerciseComponent));
  };
}
