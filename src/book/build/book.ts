// The whole book: every chapter in content/chapters/, parsed once per process (and again only
// when a file's text changes), in reading order.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { Chapter } from './model.ts';
import { parseChapterText, readFrontmatter } from './parse.ts';
import { readChapter } from './read.ts';

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

export function loadBook(dir = chaptersDir): Chapter[] {
  const chapters = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const text = readFileSync(path, 'utf8');
      const known = parsed.get(path);
      if (known?.text === text) return known.chapter;
      const file = relative(process.cwd(), path) || f;
      const chapter = parseChapter(f.replace(/\.mdx$/, ''), text, file.startsWith('..') ? path : file);
      parsed.set(path, { text, chapter });
      return chapter;
    });
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
