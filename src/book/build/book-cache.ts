// The parsed book, kept on disk for the next process. Some fifty processes in one npm test load the
// whole book (the test files, the build, the checks, the graders), and parsing it took each of them
// about 1.5 s of CPU; reading it back takes a few hundredths of a second. An entry's name is one
// hash of all the model is made from: each chapter's file name and text, every file the reader
// reaches with its packages' versions (module-graph.ts), and Node's version. It holds the chapters
// as V8 serializes them: plain objects and arrays, and a node two parts of the model share still
// shared. An entry that cannot be read is only a miss: the book is parsed again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { hashModuleGraph, moduleGraph } from '../../course/build/module-graph.ts';
import type { Chapter } from './model.ts';

const project = fileURLToPath(new URL('../../../', import.meta.url));
export const bookCacheDir = join(project, 'node_modules', '.cache', 'annotated-microgpt', 'book');
const KEEP = 8; // entries: the book as it is, and as it was a few edits ago

export interface ChapterFile {
  file: string; // as the model names it
  text: string;
}

// what the reader's code adds to the key: book.ts and every file and package it reaches, in the
// project at root
export const readerHash = (root = project): string => hashModuleGraph(createHash('sha256').update(process.version), moduleGraph([join(root, 'src', 'book', 'build', 'book.ts')]), root).digest('hex');

// read once per process: a process that changes the reader's code is a new one
let current: string | null = null;

export function bookKey(chapters: ChapterFile[], reader = (current ??= readerHash())): string {
  const hash = createHash('sha256').update(reader);
  for (const { file, text } of chapters) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex').slice(0, 32);
}

const entry = (key: string) => join(bookCacheDir, `${key}.bin`);

export function readCachedBook(key: string): Chapter[] | null {
  try {
    const chapters = deserialize(readFileSync(entry(key)));
    return Array.isArray(chapters) ? chapters : null;
  } catch {
    return null; // none yet, or half a file from a disk that filled up
  }
}

export function writeCachedBook(key: string, chapters: Chapter[]): void {
  try {
    mkdirSync(bookCacheDir, { recursive: true });
    // written beside it, then renamed: another process never reads half a file
    const partial = `${entry(key)}.${process.pid}.partial`;
    writeFileSync(partial, serialize(chapters));
    renameSync(partial, entry(key));
    const older = readdirSync(bookCacheDir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => ({ path: join(bookCacheDir, f), time: statSync(join(bookCacheDir, f)).mtimeMs }))
      .sort((a, b) => b.time - a.time)
      .slice(KEEP);
    for (const { path } of older) rmSync(path, { force: true });
  } catch {
    // a cache that cannot be written costs the next process a parse, nothing more
  }
}
