import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { brokenLinks } from './check-links.ts';
import { pageWeight } from './size.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'microgpt-site-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('brokenLinks finds missing pages, assets and fragments, and accepts good ones', () => {
  const dist = site({
    'index.html': '<a href="/a/">a</a><a href="/a/#here">here</a><a href="/a/#gone">gone</a><a href="/b/">b</a><img src="/x.png"><a href="https://example.org/">ext</a><a href="#">top</a>',
    'a/index.html': '<h2 id="here">Here</h2><a href="../">up</a><a href="missing.html">m</a>',
  });
  const broken = brokenLinks(dist).map((b) => `${b.page} ${b.href}`);
  assert.deepEqual(broken.sort(), ['/ /a/#gone', '/ /b/', '/ /x.png', '/a/ missing.html'].sort());
});

test('pageWeight counts scripts and their static imports, not dynamic ones or JSON', () => {
  const entry = 'import "./dep.js"; import { a } from "./dep2.js"; const later = () => import("./lazy.js");';
  const dist = site({
    'index.html': '<script type="module" src="/_astro/entry.js"></script><script>console.log("inline")</script><script type="application/json">{"big": 1}</script>',
    '_astro/entry.js': entry,
    '_astro/dep.js': 'export const d = 1;'.repeat(50),
    '_astro/dep2.js': 'export const a = 2;',
    '_astro/lazy.js': 'x'.repeat(100000),
  });
  const w = pageWeight(dist, join(dist, 'index.html'));
  const gz = (s: string) => gzipSync(s).length;
  assert.deepEqual(w.files.sort(), ['_astro/dep.js', '_astro/dep2.js', '_astro/entry.js']);
  assert.equal(w.bytes, gz(entry) + gz('export const d = 1;'.repeat(50)) + gz('export const a = 2;') + gz('console.log("inline")'));
  assert.equal(w.page, '/');
});
