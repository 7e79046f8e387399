// What the assignment and grading pages need from the book, computed at build and written into the
// page: the lessons as students see them (no instructor notes), and each exercise's hidden checks.
import { bookIndex, loadLessons } from './lessons.ts';
import { chapterUrl, exerciseUrl } from '../../shared/urls.ts';

export interface StudentLesson {
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
  readings: { chapter: string; section: string | null; title: string; href: string }[];
  exercises: { chapter: string; id: string; title: string; href: string }[];
  // the question as its title, a link to it in the chapter, its default points, and whether it is
  // drawn for each reader
  checkpoints: { chapter: string; id: string; title: string; href: string; points: number; variant: boolean }[];
}

export function studentLessons(): StudentLesson[] {
  const book = bookIndex();
  return loadLessons()
    .sort((a, b) => a.order - b.order)
    .map((l) => ({
      id: l.id,
      title: l.title,
      summary: l.summary,
      durationMinutes: l.durationMinutes,
      readings: l.readings.map((r) => {
        const chapter = book.chapters[r.chapter];
        const section = chapter.sections.find((s) => s.id === r.section);
        return {
          chapter: r.chapter,
          section: r.section ?? null,
          title: section ? `${chapter.title}: ${section.text}` : chapter.title,
          href: chapterUrl(r.chapter, r.section),
        };
      }),
      exercises: l.exercises.map((e) => ({
        ...e,
        title: book.chapters[e.chapter].exercises.find((x) => x.id === e.id)!.title,
        href: exerciseUrl(e.chapter, e.id),
      })),
      checkpoints: l.checkpoints.map((c) => {
        const found = book.chapters[c.chapter].checkpoints!.find((x) => x.id === c.id)!;
        return {
          chapter: c.chapter,
          id: c.id,
          title: `${book.chapters[c.chapter].title}: ${found.question.replace(/`/g, '')}`,
          href: chapterUrl(c.chapter, `checkpoint-${c.id}`),
          points: c.points,
          variant: found.variant,
        };
      }),
    }));
}

export { exerciseDefs } from '../../grading/build/book-defs.ts';
