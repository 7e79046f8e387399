// What the site's pages need of the book, the lessons and the glossary, computed on the build's side
// from the one parse (the book model the checks and the remark plugins read) and handed to the
// pages as the virtual module `virtual:annotated-microgpt/course` (the course() integration), so no
// page or component parses a chapter again inside the prerender bundle.
import { loadBook } from '../../book/build/book.ts';
import type { Chapter } from '../../book/build/model.ts';
import { type ReadingTime, readingTime } from '../../book/build/reading-time.ts';
import type { GlossaryTerm } from '../../glossary/build/glossary.ts';
import { loadGlossary } from '../../glossary/build/glossary.ts';
import { checkpointDefs, exerciseDefs, lessonRefs } from '../../grading/build/book-defs.ts';
import type { CheckpointDef, ExerciseDef, LessonRef } from '../../grading/shared/grade.ts';
import { bookIndex, loadLessons } from '../../lessons/build/lessons.ts';
import type { BookIndex, Lesson } from '../../lessons/build/schema.ts';
import { type StudentLesson, studentLessons } from '../../lessons/build/student-lessons.ts';
import { componentModules, type QuotedIn, quotesByRegion } from '../../literate/build/engine-map.ts';

export interface ChapterSummary {
  slug: string;
  title: string;
  readingTime: ReadingTime;
  exercises: { id: string; title: string }[];
  checkpoints: { id: string }[];
}

export interface CourseData {
  chapters: ChapterSummary[]; // in reading order
  book: BookIndex; // what lessons and the glossary point at: titles, section anchors, exercises, checkpoints
  lessons: Lesson[]; // validated, in their order (instructor notes included: the instructors' pages)
  studentLessons: StudentLesson[]; // what /assign/ and /assignment/ show students
  grading: { lessons: LessonRef[]; exercises: ExerciseDef[]; checkpoints: CheckpointDef[] }; // what /grade/ grades with
  glossary: GlossaryTerm[];
  quotes: Record<string, Record<string, QuotedIn[]>>; // engine module -> region -> the sections that quote it
}

const summary = (c: Chapter): ChapterSummary => ({
  slug: c.slug,
  title: c.title,
  readingTime: readingTime(c),
  exercises: c.exercises.map(({ id, title }) => ({ id, title })),
  checkpoints: c.checkpoints.map(({ id }) => ({ id })),
});

export async function courseData(): Promise<CourseData> {
  const chapters = loadBook();
  const book = bookIndex(chapters);
  const quotes = chapters.flatMap((c) => c.quotes);
  return {
    chapters: chapters.map(summary),
    book,
    lessons: loadLessons(undefined, book).sort((a, b) => a.order - b.order),
    studentLessons: studentLessons(),
    grading: { lessons: lessonRefs(), exercises: exerciseDefs(), checkpoints: await checkpointDefs() },
    glossary: loadGlossary(),
    quotes: Object.fromEntries(componentModules().map((m) => [m, quotesByRegion(quotes, m)])),
  };
}
