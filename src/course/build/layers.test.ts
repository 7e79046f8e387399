// Every piece of code says by its folder which side it runs on, and this holds it to it. A feature
// folder (src/cells/, src/grading/, …) keeps its code in `build/` (Node, at build time or in an npm
// command), `page/` (the reader's browser) and `shared/` (both); the runtime's own files
// (src/runtime/*.ts) are shared too. What a page loads (its <script>s, every page/ file, the Workers
// they start) never reaches build-side code, Node's modules, the TypeScript compiler or the Markdown
// toolchain; shared code imports only shared code.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { moduleSpecifiers } from './module-graph.ts';

// astro/zod is zod itself, which runs anywhere; the rest of astro is the build
const BUILD_ONLY_PACKAGES = /^(node:|typescript$|unified$|remark-|rehype-|mdast|micromark|@mdx-js\/|@astrojs\/|astro($|\/(?!zod$))|yaml$|github-slugger$|shiki$|workbox-build$|@playwright\/)/;

type Side = 'build' | 'page' | 'shared';

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));
}

// the side a file of src/ is on, by its folders; null for a file in none
export function sideOf(src: string, file: string): Side | null {
  const parts = relative(src, file).split(sep);
  const folders = parts.slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) if (folders[i] === 'build' || folders[i] === 'page' || folders[i] === 'shared') return folders[i] as Side;
  if (folders.length === 1 && folders[0] === 'runtime') return 'shared'; // the runtime's core, run on both sides
  if (folders[0] === 'pages' || (folders.length === 0 && parts[0] === 'content.config.ts')) return 'build'; // routes and collections render at build
  return null;
}

// the scripts Astro bundles for the browser from an .astro file (not the frontmatter, not is:inline)
const pageScripts = (astro: string) => [...astro.matchAll(/<script(?![^>]*is:inline)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

const code = (f: string) => /\.ts$/.test(f) && !/\.(test|d)\.ts$/.test(f);

export interface Violation {
  from: string;
  imports: string;
  why: string;
}

// every .ts file reached by imports from these entries, breadth first; judge() sees each import
// (its specifier and the file it resolves to) and says whether to follow it
function walkImports(entries: { from: string; code: string }[], judge: (from: string, specifier: string, target: string | null) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const { from, code: text } = queue.shift()!;
    for (const specifier of moduleSpecifiers(text)) {
      const target = specifier.startsWith('.') ? resolve(dirname(from), specifier.split('?')[0]) : null;
      if (!judge(from, specifier, target) || target === null) continue;
      if (!/\.ts$/.test(target) || seen.has(target) || !existsSync(target)) continue;
      seen.add(target);
      queue.push({ from: target, code: readFileSync(target, 'utf8') });
    }
  }
  return seen;
}

// every file the page side reaches from root's src/, and each import on the way that it must not make
export function pageSideViolations(root: string): { reached: string[]; violations: Violation[] } {
  const src = join(root, 'src');
  const entries: { from: string; code: string }[] = [
    ...filesUnder(src, /\.astro$/).flatMap((f) => pageScripts(readFileSync(f, 'utf8')).map((text) => ({ from: f, code: text }))),
    ...filesUnder(src, /\.ts$/)
      .filter((f) => code(f) && sideOf(src, f) === 'page')
      .map((f) => ({ from: f, code: readFileSync(f, 'utf8') })),
  ];
  const violations: Violation[] = [];
  const seen = walkImports(entries, (from, specifier, target) => {
    const name = relative(root, from);
    if (BUILD_ONLY_PACKAGES.test(specifier)) violations.push({ from: name, imports: specifier, why: 'a build-time package' });
    if (target === null) return false;
    const side = sideOf(src, target);
    if (target.startsWith(src + sep) && /\.ts$/.test(target) && side !== 'page' && side !== 'shared') {
      violations.push({ from: name, imports: specifier, why: `${side ?? 'unsided'} code` });
      return false;
    }
    return true;
  });
  return { reached: [...seen].map((f) => relative(root, f)).sort(), violations };
}

// what a shared file imports that it must not: build or page code, a build-time package
export function sharedSideViolations(root: string): Violation[] {
  const src = join(root, 'src');
  return filesUnder(src, /\.ts$/)
    .filter((f) => code(f) && sideOf(src, f) === 'shared')
    .flatMap((file) =>
      moduleSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const target = specifier.startsWith('.') ? resolve(dirname(file), specifier.split('?')[0]) : null;
        const side = target?.startsWith(src + sep) ? sideOf(src, target) : 'shared';
        if (BUILD_ONLY_PACKAGES.test(specifier)) return [{ from: relative(root, file), imports: specifier, why: 'a build-time package' }];
        if (side !== 'shared') return [{ from: relative(root, file), imports: specifier, why: `${side ?? 'unsided'} code` }];
        return [];
      }),
    );
}

test('every file of code sits on a side: in a build/, page/ or shared/ folder, the runtime, or the pages', () => {
  const src = join(process.cwd(), 'src');
  const unsided = filesUnder(src, /\.ts$/).filter((f) => code(f) && sideOf(src, f) === null);
  assert.deepEqual(
    unsided.map((f) => relative(src, f)),
    [],
  );
});

test('no page bundle reaches build-side code', () => {
  const { reached, violations } = pageSideViolations(process.cwd());
  assert.deepEqual(violations, []);
  assert.ok(
    reached.some((f) => f.endsWith('runtime/page/worker.ts') || f.endsWith('runtime/worker.ts')),
    'the cell Worker is followed',
  );
  assert.ok(reached.includes('engine/src/index.ts'), 'the engine the page runs is followed');
});

test('shared code imports only shared code', () => {
  assert.deepEqual(sharedSideViolations(process.cwd()), []);
});

// the frontmatter of an .astro file: the code that runs when the page is built
const frontmatter = (astro: string) => /^---\n([\s\S]*?)\n---/.exec(astro)?.[1] ?? '';

// what the pages and components reach when they are rendered (inside Astro's prerender bundle) that
// they must not: the book's loader, which parses every chapter, and child processes
export function renderViolations(root: string): Violation[] {
  const src = join(root, 'src');
  const loader = join(src, 'book', 'build', 'book.ts');
  const entries = [
    ...filesUnder(src, /\.astro$/).map((f) => ({ from: f, code: frontmatter(readFileSync(f, 'utf8')) })),
    ...filesUnder(join(src, 'pages'), /\.ts$/).map((f) => ({ from: f, code: readFileSync(f, 'utf8') })),
  ];
  const violations: Violation[] = [];
  walkImports(entries, (from, specifier, target) => {
    const name = relative(root, from);
    if (specifier === 'node:child_process') violations.push({ from: name, imports: specifier, why: 'a page starts no process' });
    if (target === loader) violations.push({ from: name, imports: specifier, why: "the book's loader: pages get the book from the course data" });
    return true;
  });
  return violations;
}

test('no page or component parses the book again or starts a process: they get the book from the course data', () => {
  assert.deepEqual(renderViolations(process.cwd()), []);
});

test('the layer check catches a page script that reaches build-side code through a shared file, and a shared file that imports a page one', () => {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/widget/Thing.astro', "---\nimport { heavy } from './build/heavy.ts';\n---\n<script>\n  import { run } from './page/run.ts';\n  run();\n</script>\n");
  write(
    'src/widget/page/run.ts',
    "import type { Only } from '../build/types.ts';\nimport { z } from 'astro/zod';\nimport { helper } from '../shared/helper.ts';\nexport const run = () => helper();\n",
  );
  write('src/widget/page/config.ts', "import { defineConfig } from 'astro/config';\nexport const config = defineConfig({});\n");
  write('src/widget/shared/helper.ts', "import { run } from '../page/run.ts';\nexport const helper = async () => (await import('../build/check.ts')).check(run);\n");
  write('src/widget/build/check.ts', "import ts from 'typescript';\nexport const check = () => ts;\n");
  const { violations } = pageSideViolations(root);
  // the frontmatter import, the type-only import and zod are fine; the dynamic import and astro/config are not
  assert.deepEqual(violations, [
    { from: 'src/widget/page/config.ts', imports: 'astro/config', why: 'a build-time package' },
    { from: 'src/widget/shared/helper.ts', imports: '../build/check.ts', why: 'build code' },
  ]);
  assert.deepEqual(sharedSideViolations(root), [
    { from: 'src/widget/shared/helper.ts', imports: '../page/run.ts', why: 'page code' },
    { from: 'src/widget/shared/helper.ts', imports: '../build/check.ts', why: 'build code' },
  ]);
  assert.equal(sideOf(join(root, 'src'), join(root, 'src', 'widget', 'loose.ts')), null, 'a file outside the side folders has no side');
  write('src/book/build/book.ts', 'export const loadBook = () => [];\n');
  write('src/widget/build/titles.ts', "import { loadBook } from '../../book/build/book.ts';\nexport const titles = () => loadBook();\n");
  write('src/widget/build/spawn.ts', "import { spawnSync } from 'node:child_process';\nexport const run = () => spawnSync('x');\n");
  write('src/widget/Titles.astro', "---\nimport { titles } from './build/titles.ts';\nimport { run } from './build/spawn.ts';\n---\n<p>{titles()}</p>\n");
  assert.deepEqual(renderViolations(root), [
    { from: 'src/widget/build/titles.ts', imports: '../../book/build/book.ts', why: "the book's loader: pages get the book from the course data" },
    { from: 'src/widget/build/spawn.ts', imports: 'node:child_process', why: 'a page starts no process' },
  ]);
});
