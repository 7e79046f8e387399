// The book as lessons see it, read from content/chapters/ at build: each chapter's title, the
// anchors of its headings (as the site renders them) and its exercises.
import GithubSlugger from 'github-slugger';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { fences } from '../cells/extract.ts';
import { extractExercises } from '../exercises/extract.ts';
import { type BookIndex, LessonError, type Lesson, validateLesson } from './schema.ts';

const root = process.cwd();

export function headings(mdx: string): { id: string; text: string; depth: number }[] {
  const inFence = new Set<number>();
  for (const f of fences(mdx)) for (let l = f.open; l <= f.close; l++) inFence.add(l);
  const slugger = new GithubSlugger();
  return mdx.split('\n').flatMap((line, i) => {
    const m = /^(#{2,4})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m || inFence.has(i + 1)) return [];
    const text = m[2].replace(/`([^`]*)`/g, '$1').replace(/[*_]/g, '').replace(/\$([^$]*)\$/g, '$1');
    return [{ id: slugger.slug(text), text, depth: m[1].length }];
  });
}

export function bookIndex(dir = resolve(root, 'content/chapters')): BookIndex {
  const chapters: BookIndex['chapters'] = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    const slug = f.replace(/\.mdx$/, '');
    const text = readFileSync(join(dir, f), 'utf8');
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1] ?? slug;
    chapters[slug] = {
      title,
      sections: headings(text).map(({ id, text }) => ({ id, text })),
      exercises: extractExercises(slug, text).map((e) => ({ id: e.id, title: e.title })),
    };
  }
  return { chapters };
}

// every lesson in lessons/, validated; throws one LessonError listing every problem in every file
export function loadLessons(dir = resolve(root, 'lessons'), book = bookIndex()): Lesson[] {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
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
