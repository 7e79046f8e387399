// The whole book: every chapter in content/chapters/, parsed once (and again only when a file's text
// changes), in reading order. Once: the parsed book is kept on disk for the next process
// (book-cache.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { Chapter } from './model.ts';
import { parseChapterText, readFrontmatter } from './parse.ts';
import { readChapter } from './read.ts';
import { bookKey, readCachedBook, writeCachedBook } from './book-cache.ts';

export const chaptersDir = resolve(process.cwd(), 'content', 'chapters');

// a chapter from its text; file is the path shown in messages
export function parseChapter(slug: string, text: string, file = `content/chapters/${slug}.mdx`): Chapter {
  return readChapter(parseChapterText(text, file), { slug, file, frontmatter: readFrontmatter(text, file) });
}

// a chapter from the tree another processor parsed (the site's own MDX pipeline), and its file's text
export function chapterFromTree(tree: Root, path: string, text: string): Chapter {
  const file = relative(process.cwd(), path);
  const slug = file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
  return readChapter(tree, { slug, file, frontmatter: readFrontmatter(text, file) });
}

const parsed = new Map<string, { text: string; chapter: Chapter }>();

// each chapter file in a folder, by name: its slug, path, the name messages give it, and its text
export const chapterFiles = (dir = chaptersDir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const file = relative(process.cwd(), path) || f;
      return { slug: f.replace(/\.mdx$/, ''), path, file: file.startsWith('..') ? path : file, text: readFileSync(path, 'utf8') };
    });

export function loadBook(dir = chaptersDir): Chapter[] {
  const files = chapterFiles(dir);
  const known = files.map(({ path, text }) => (parsed.get(path)?.text === text ? parsed.get(path)!.chapter : undefined));
  let chapters = known.filter((c) => c !== undefined);
  // a chapter this process has not parsed yet: the whole book from the disk, or what is missing parsed
  if (chapters.length < files.length) {
    const key = bookKey(files);
    const cached = readCachedBook(key);
    chapters = cached ?? files.map(({ slug, file, text }, i) => known[i] ?? parseChapter(slug, text, file));
    if (!cached) writeCachedBook(key, chapters);
    files.forEach(({ path, text }, i) => parsed.set(path, { text, chapter: chapters[i] }));
  }
  return chapters.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

// The chapters in reading order, from their frontmatter's `order`, for the sidebar (which also
// sets the previous/next links). The content collection validates the same field at build.
export const chaptersInOrder = (dir?: string): string[] => loadBook(dir).map((c) => c.slug);

export const isChapterFile = (path: string | undefined) => path !== undefined && relative(process.cwd(), path).startsWith('content/chapters/');

// the chapter a remark plugin is given, read once per tree however many plugins ask
const byTree = new WeakMap<Root, Chapter>();
export function chapterOf(tree: Root, path: string, text: string): Chapter {
  let chapter = byTree.get(tree);
  if (!chapter) byTree.set(tree, (chapter = chapterFromTree(tree, path, text)));
  return chapter;
}
