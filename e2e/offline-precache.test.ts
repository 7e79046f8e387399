// The service worker's precache list (dist/sw.js), as a browser gets it: every chapter and page is
// in it, every URL in it is a file of the build (a 404 would fail the whole install), and it holds
// every built file except what src/offline/build/precache.ts leaves out, and nothing of that.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { matchesGlob, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileOf, precacheList } from '../src/offline/build/manifest.ts';
import { MAX_FILE_BYTES, leftOut } from '../src/offline/build/precache.ts';

const dist = resolve(import.meta.dirname, '..', 'dist');
const list = precacheList(dist);
const urls = new Set(list.map((e) => e.url));
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((f) => statSync(resolve(dist, f)).isFile())
  .map((f) => f.replace(/\\/g, '/'));
const isLeftOut = (file: string) => leftOut.some((glob) => matchesGlob(file, glob));

test('every chapter, the glossary, the lessons, search and the install manifest are precached', () => {
  const chapters = readdirSync(resolve(import.meta.dirname, '..', 'content', 'chapters')).flatMap((f) => (f.endsWith('.mdx') ? [f.slice(0, -4)] : []));
  assert.ok(chapters.length >= 10);
  const wanted = [
    ...chapters.map((slug) => `/chapters/${slug}/`),
    '/',
    '/glossary/',
    '/lessons/',
    '/playground/',
    '/404.html',
    '/manifest.webmanifest',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
  ];
  assert.deepEqual(
    wanted.filter((url) => !urls.has(url)),
    [],
  );
});

test('every precached URL is a file of the build: no 404 in the list', () => {
  assert.deepEqual(
    list.filter((e) => !existsSync(fileOf(dist, e.url)) || !statSync(fileOf(dist, e.url)).isFile()).map((e) => e.url),
    [],
  );
  assert.equal(urls.size, list.length, 'a URL listed twice');
});

test('every built file is precached but those left out on purpose, which are not', () => {
  const listed = new Set(list.map((e) => relative(dist, fileOf(dist, e.url)).replace(/\\/g, '/')));
  const missing = files.filter((f) => !isLeftOut(f) && !listed.has(f) && statSync(resolve(dist, f)).size <= MAX_FILE_BYTES);
  assert.deepEqual(missing, []);
  assert.deepEqual(
    [...listed].filter((f) => isLeftOut(f)),
    [],
  );
  assert.ok(
    files.some((f) => f.startsWith('cartridges/')),
    'the build has cartridges (so leaving them out is tested)',
  );
  const bytes = [...listed].reduce((sum, f) => sum + statSync(resolve(dist, f)).size, 0);
  console.log(`precache: ${list.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
});
