// npm run size: the JavaScript each built page loads before the reader interacts (gzip), from dist/.
// Counts <script> elements, inline and external, and the modules they import statically;
// code loaded later with import() (search, editors) is not counted.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { htmlFiles, pagePath } from './built-site.ts';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 25;

export interface PageWeight {
  page: string; // the URL path, e.g. /chapters/dataset/
  bytes: number; // gzip bytes of JavaScript
  files: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
const EXPORT_FROM = /export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g;

function gz(text: string | Buffer): number {
  return gzipSync(text).length;
}

export function pageWeight(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    bytes += gz(code);
    for (const m of [...code.matchAll(STATIC_IMPORT), ...code.matchAll(EXPORT_FROM)]) {
      if (m[1].startsWith('.') || m[1].startsWith('/')) visit(m[1].startsWith('/') ? join(dist, m[1]) : resolve(dirname(file), m[1]));
    }
  };
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    const type = /type=["']?([\w/+-]+)/.exec(attributes)?.[1];
    if (type && type !== 'module' && !type.includes('javascript')) continue; // JSON data, not code
    const src = /src=["']([^"']+)["']/.exec(attributes)?.[1];
    if (src) {
      if (!/^https?:/.test(src)) visit(join(dist, src.split('?')[0]));
    } else if (body.trim()) {
      bytes += gz(body);
      // an inline module may import files too
      for (const m of body.matchAll(STATIC_IMPORT)) if (m[1].startsWith('/')) visit(join(dist, m[1]));
    }
  }
  return { page: pagePath(dist, htmlFile), bytes, files: [...seen].map((f) => relative(dist, f)) };
}

export function pageWeights(dist: string): PageWeight[] {
  return htmlFiles(dist)
    .map((f) => pageWeight(dist, f))
    .sort((a, b) => a.page.localeCompare(b.page));
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const weights = pageWeights(dist);
  let over = 0;
  for (const w of weights) {
    const kb = w.bytes / 1024;
    const isChapter = w.page.startsWith('/chapters/');
    if (isChapter && kb > BUDGET_KB) over++;
    console.log(`${kb.toFixed(1).padStart(6)} KB  ${w.page}${isChapter && kb > BUDGET_KB ? `  over the ${BUDGET_KB} KB budget` : ''}`);
  }
  const chapters = weights.filter((w) => w.page.startsWith('/chapters/'));
  const heaviest = Math.max(0, ...chapters.map((w) => w.bytes)) / 1024;
  console.log(`\n${weights.length} pages; heaviest chapter page ${heaviest.toFixed(1)} KB of JavaScript (gzip) before interaction; budget ${BUDGET_KB} KB`);
  if (over > 0) process.exitCode = 1;
}
