// The folders of src/ say which side a file lives on, and this holds them to it: what a page
// loads (its <script>s, src/page/, the cell Worker) never reaches build-time code (src/build/,
// Node's modules, the TypeScript compiler, the Markdown toolchain); src/shared/ and src/runtime/
// import neither side.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

// astro/zod is zod itself, which runs anywhere; the rest of astro is the build
const BUILD_ONLY_PACKAGES = /^(node:|typescript$|unified$|remark-|rehype-|mdast|micromark|@mdx-js\/|@astrojs\/|astro($|\/(?!zod$))|yaml$|github-slugger$|shiki$)/;

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));
}

// the module specifiers a TypeScript file loads at run time: static and dynamic imports, re-exports
// and `new URL('./worker.ts', import.meta.url)`; type-only imports are erased and load nothing
function runtimeImports(code: string): string[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'URL' &&
      node.arguments?.[0] &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[1]?.getText().includes('import.meta.url')
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// the scripts Astro bundles for the browser from an .astro file (not the frontmatter, not is:inline)
const pageScripts = (astro: string) => [...astro.matchAll(/<script(?![^>]*is:inline)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

export interface Violation {
  from: string;
  imports: string;
  why: string;
}

// every file the page side reaches from root's src/, and each import on the way that it must not make
export function pageSideViolations(root: string): { reached: string[]; violations: Violation[] } {
  const src = join(root, 'src');
  const entries: { from: string; code: string }[] = [
    ...filesUnder(src, /\.astro$/).flatMap((f) => pageScripts(readFileSync(f, 'utf8')).map((code) => ({ from: f, code }))),
    ...filesUnder(join(src, 'page'), /(?<!\.test)\.ts$/).map((f) => ({ from: f, code: readFileSync(f, 'utf8') })),
  ];
  const seen = new Set<string>();
  const violations: Violation[] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const { from, code } = queue.shift()!;
    for (const specifier of runtimeImports(code)) {
      const name = relative(root, from);
      if (BUILD_ONLY_PACKAGES.test(specifier)) violations.push({ from: name, imports: specifier, why: 'a build-time package' });
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(from), specifier.split('?')[0]);
      if (target.startsWith(join(src, 'build'))) {
        violations.push({ from: name, imports: specifier, why: 'build-time code (src/build/)' });
        continue;
      }
      if (!/\.ts$/.test(target) || seen.has(target) || !existsSync(target)) continue;
      seen.add(target);
      queue.push({ from: target, code: readFileSync(target, 'utf8') });
    }
  }
  return { reached: [...seen].map((f) => relative(root, f)).sort(), violations };
}

test('no page bundle imports build-time code', () => {
  const { reached, violations } = pageSideViolations(process.cwd());
  assert.deepEqual(violations, []);
  assert.ok(reached.includes('src/runtime/worker.ts'), 'the cell Worker is followed');
  assert.ok(reached.includes('engine/src/index.ts'), 'the engine the page runs is followed');
});

test('src/shared/ and src/runtime/ import neither src/build/ nor src/page/', () => {
  const src = join(process.cwd(), 'src');
  for (const side of ['shared', 'runtime']) {
    for (const file of filesUnder(join(src, side), /(?<!\.test)\.ts$/)) {
      for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
        const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : '';
        assert.ok(!target.startsWith(join(src, 'build')) && !target.startsWith(join(src, 'page')), `${relative(src, file)} imports ${specifier}`);
        assert.ok(!BUILD_ONLY_PACKAGES.test(specifier), `${relative(src, file)} imports ${specifier}`);
      }
    }
  }
});

test('the layer check catches a page script that reaches build-time code through a shared file', () => {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/components/Thing.astro', "---\nimport { heavy } from '../build/heavy.ts';\n---\n<script>\n  import { run } from '../page/run.ts';\n  run();\n</script>\n");
  write('src/page/run.ts', "import type { Only } from '../build/types.ts';\nimport { z } from 'astro/zod';\nimport { helper } from '../shared/helper.ts';\nexport const run = () => helper();\n");
  write('src/page/config.ts', "import { defineConfig } from 'astro/config';\nexport const config = defineConfig({});\n");
  write('src/shared/helper.ts', "export const helper = async () => (await import('../build/check.ts')).check();\n");
  write('src/build/check.ts', "import ts from 'typescript';\nexport const check = () => ts;\n");
  const { violations } = pageSideViolations(root);
  // the frontmatter import, the type-only import and zod are fine; the dynamic import and astro/config are not
  assert.deepEqual(violations, [
    { from: 'src/page/config.ts', imports: 'astro/config', why: 'a build-time package' },
    { from: 'src/shared/helper.ts', imports: '../build/check.ts', why: 'build-time code (src/build/)' },
  ]);
});
