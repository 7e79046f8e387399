// The precache list as the built service worker holds it: read back from dist/sw.js, for the tests
// and the report, so what they check is what a browser gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SW_FILE } from './precache.ts';

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

export function precacheList(dist: string): PrecacheEntry[] {
  const sw = readFileSync(join(dist, SW_FILE), 'utf8');
  const list = /precacheAndRoute\((\[[\s\S]*?\])\s*,\s*\{/.exec(sw)?.[1];
  if (!list) throw new Error(`${SW_FILE} holds no precache list`);
  // Workbox writes the list as a JavaScript array literal with unquoted keys
  return JSON.parse(list.replace(/([{,])(url|revision):/g, '$1"$2":')) as PrecacheEntry[];
}

/** The file in dist/ a precached URL is served from (…/ is …/index.html). */
export function fileOf(dist: string, url: string): string {
  const path = decodeURIComponent(url.replace(/^\//, ''));
  return join(dist, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}
