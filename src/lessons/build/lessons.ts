// Lesson plans, checked against the book as lessons see it (the book model's chapters: each
// one's title, the anchors of its headings as the site renders them, and its exercises).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadBook } from '../../book/build/book.ts';
import { type BookIndex, LessonError, type Lesson, validateLesson } from './schema.ts';

const root = process.cwd();

export function bookIndex(chapters = loadBook()): BookIndex {
  return {
    chapters: Object.fromEntries(
      chapters.map((c) => [
        c.slug,
        {
          title: c.title,
          sections: c.sections.map(({ id, text }) => ({ id, text })),
          exercises: c.exercises.map((e) => ({ id: e.id, title: e.title })),
          checkpoints: c.checkpoints.map((k) => ({ id: k.id, question: k.question, variant: k.variant !== null })),
        },
      ]),
    ),
  };
}

// every lesson in lessons/, validated; throws one LessonError listing every problem in every file
export function loadLessons(dir = resolve(root, 'lessons'), book = bookIndex()): Lesson[] {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = `lessons/${f}`;
    try {
      let data: unknown;
      try {
        data = parse(readFileSync(join(dir, f), 'utf8'), { prettyErrors: true });
      } catch (error) {
        throw new LessonError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      }
      lessons.push(validateLesson(file, data, book));
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new LessonError(problems.join('\n'));
  return lessons;
}
