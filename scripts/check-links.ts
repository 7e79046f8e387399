// Every internal link and asset in the built site resolves: to a file in dist/ and, for a
// #fragment, to an element with that id. Used by the test suite; run alone: node scripts/check-links.ts
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { htmlFiles, pagePath } from './built-site.ts';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let set = ids.get(file);
  if (!set) {
    set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid=["']?([^"'\s>]+)/g)].map((m) => m[1]));
    ids.set(file, set);
  }
  return set;
}

// the file a URL path names in dist/, or null
function target(dist: string, path: string): string | null {
  const clean = decodeURIComponent(path);
  const candidates = clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html'), join(dist, `${clean}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export function brokenLinks(dist: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(dist)) {
    const page = pagePath(dist, file);
    const html = readFileSync(file, 'utf8');
    for (const [, attribute, raw] of html.matchAll(/\s(href|src)=["']([^"']*)["']/g)) {
      const href = raw.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:|javascript:|#$)/.test(href) || href === '') continue;
      const [pathPart, fragment] = href.split('#');
      const path = pathPart === '' ? page : pathPart.startsWith('/') ? pathPart : new URL(pathPart, `http://x${page}`).pathname;
      const found = target(dist, path.split('?')[0]);
      if (!found) broken.push({ page, href, reason: `${attribute} points to nothing in dist/` });
      else if (fragment && found.endsWith('.html') && !idsOf(found).has(decodeURIComponent(fragment))) broken.push({ page, href, reason: `no element with id "${fragment}"` });
    }
  }
  return broken;
}

if (import.meta.main) {
  const broken = brokenLinks(resolve(process.argv[2] ?? 'dist'));
  for (const b of broken) console.log(`${b.page}: ${b.href} — ${b.reason}`);
  console.log(broken.length === 0 ? 'no broken internal links' : `${broken.length} broken internal links`);
  if (broken.length) process.exitCode = 1;
}
