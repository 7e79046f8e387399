// A lesson plan: what an instructor assigns. Files in lessons/<id>.yaml; validated at build with
// errors that name the file and the field, including readings and exercises that do not exist.
import { z } from 'astro/zod';

export const lessonSchema = z
  .object({
    title: z.string().min(3),
    order: z.number().int().min(1), // where the lesson sits in the list at /lessons/
    summary: z.string().min(20),
    audience: z.string().min(3),
    durationMinutes: z.number().int().min(5).max(600),
    objectives: z.array(z.string().min(5)).min(1),
    // chapter sections to read: a chapter, and optionally one of its headings' anchors
    readings: z.array(z.object({ chapter: z.string(), section: z.string().optional(), note: z.string().optional() }).strict()).min(1),
    // exercises to complete, by chapter and exercise id
    exercises: z.array(z.object({ chapter: z.string(), id: z.string() }).strict()).default([]),
    // checkpoints to answer, by chapter and checkpoint id, with the points each is worth by default
    // (the instructor can change them at /assign/)
    checkpoints: z.array(z.object({ chapter: z.string(), id: z.string(), points: z.number().min(0).max(1000).default(1) }).strict()).default([]),
    discussion: z.array(z.string().min(5)).default([]),
    // for the instructor only: shown on the lesson page in a box of its own, never to students
    instructorNotes: z.string().min(1),
  })
  .strict();

export type Lesson = z.infer<typeof lessonSchema> & { id: string };

// what lessons may point at: each chapter's title, section anchors, exercise ids and checkpoints
export interface BookIndex {
  chapters: Record<string, { title: string; sections: { id: string; text: string }[]; exercises: { id: string; title: string }[]; checkpoints?: { id: string; question: string; variant: boolean }[] }>;
}

export class LessonError extends Error {
  name = 'LessonError';
}

const path = (segments: readonly PropertyKey[]) => segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`)).join('') || '(the file)';

// a lesson from its parsed YAML, or a LessonError listing every problem as "file: field: message"
export function validateLesson(file: string, data: unknown, book: BookIndex): Lesson {
  const id = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) problems.push(`${file}: the file name must be a lesson id: lower-case letters, digits and "-"`);
  const parsed = lessonSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${file}: ${path(issue.path)}: ${issue.message}`);
    throw new LessonError(problems.join('\n'));
  }
  const lesson = parsed.data;
  lesson.readings.forEach((r, i) => {
    const chapter = book.chapters[r.chapter];
    if (!chapter) return problems.push(`${file}: readings[${i}].chapter: no chapter "${r.chapter}" (chapters: ${Object.keys(book.chapters).join(', ')})`);
    if (r.section !== undefined && !chapter.sections.some((s) => s.id === r.section))
      problems.push(`${file}: readings[${i}].section: chapter "${r.chapter}" has no section "${r.section}" (sections: ${chapter.sections.map((s) => s.id).join(', ')})`);
  });
  lesson.exercises.forEach((e, i) => {
    const chapter = book.chapters[e.chapter];
    if (!chapter) return problems.push(`${file}: exercises[${i}].chapter: no chapter "${e.chapter}"`);
    if (!chapter.exercises.some((x) => x.id === e.id))
      problems.push(`${file}: exercises[${i}].id: chapter "${e.chapter}" has no exercise "${e.id}" (exercises: ${chapter.exercises.map((x) => x.id).join(', ') || 'none'})`);
  });
  const seen = new Set<string>();
  lesson.exercises.forEach((e, i) => {
    const key = `${e.chapter}/${e.id}`;
    if (seen.has(key)) problems.push(`${file}: exercises[${i}]: "${key}" is listed twice`);
    seen.add(key);
  });
  const seenCheckpoints = new Set<string>();
  lesson.checkpoints.forEach((c, i) => {
    const chapter = book.chapters[c.chapter];
    const key = `${c.chapter}/${c.id}`;
    if (!chapter) problems.push(`${file}: checkpoints[${i}].chapter: no chapter "${c.chapter}"`);
    else if (!(chapter.checkpoints ?? []).some((x) => x.id === c.id))
      problems.push(`${file}: checkpoints[${i}].id: chapter "${c.chapter}" has no checkpoint "${c.id}" (checkpoints: ${(chapter.checkpoints ?? []).map((x) => x.id).join(', ') || 'none'})`);
    if (seenCheckpoints.has(key)) problems.push(`${file}: checkpoints[${i}]: "${key}" is listed twice`);
    seenCheckpoints.add(key);
  });
  if (problems.length > 0) throw new LessonError(problems.join('\n'));
  return { ...lesson, id };
}
