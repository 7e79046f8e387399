// Where the chapters quote the engine: every <Source file="..." region="..."/> in content/chapters,
// with the chapter, the section (heading) it sits under, and its line in the MDX file.
import GithubSlugger from 'github-slugger';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const chaptersDir = resolve(process.cwd(), 'content', 'chapters');

export interface Quote {
  chapter: string; // slug
  chapterTitle: string;
  section: { id: string; text: string } | null; // the heading above the quote, if any
  module: string;
  region: string;
  file: string; // content/chapters/<slug>.mdx
  line: number;
}

const SOURCE_TAG = /<Source\b([^>]*?)\/?>/g;
const ATTRIBUTE = /(\w+)=["']([^"']*)["']/g;

export function sourceTagAttributes(attributes: string): Record<string, string> {
  return Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map((m) => [m[1], m[2]]));
}

export function quotesIn(slug: string, text: string): Quote[] {
  const slugger = new GithubSlugger();
  const title = /^title:\s*["']?(.*?)["']?\s*$/m.exec(text)?.[1] ?? slug;
  const quotes: Quote[] = [];
  let section: Quote['section'] = null;
  let inFence = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    const heading = /^(#{2,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const headingText = heading[2].replace(/`/g, '');
      section = { id: slugger.slug(headingText), text: headingText };
    }
    for (const match of line.matchAll(SOURCE_TAG)) {
      const { file = '', region = '' } = sourceTagAttributes(match[1]);
      quotes.push({ chapter: slug, chapterTitle: title, section, module: file.replace(/\.ts$/, ''), region, file: `content/chapters/${slug}.mdx`, line: i + 1 });
    }
  });
  return quotes;
}

export function allQuotes(): Quote[] {
  return readdirSync(chaptersDir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((f) => quotesIn(f.replace(/\.mdx$/, ''), readFileSync(join(chaptersDir, f), 'utf8')));
}
