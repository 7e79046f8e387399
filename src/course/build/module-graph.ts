// Which files a module reaches: its imports (static, dynamic, re-exports, and the workers it starts
// as `new URL('./worker.ts', import.meta.url)`), read with TypeScript's parser, followed from file to
// file. The layer test walks what a page loads with it; the checks key their caches by a hash of
// what they reach (inputs.ts).
import type { Hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

// the module specifiers in a file's code; type-only imports load nothing at run time, and are left
// out unless asked for (a type check reads them)
export function moduleSpecifiers(code: string, { types = false } = {}): string[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && (types || node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword)) found.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && (types || !node.isTypeOnly)) found.push(node.moduleSpecifier.text);
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

const CODE = /\.(ts|mts|js|mjs)$/;

// a bare specifier's package: "@scope/name/sub" -> "@scope/name", "name/sub" -> "name"
export const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

// the package.json a package resolves to from a file, looked up through node_modules as Node does
function packageJson(name: string, from: string): string | null {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

export interface ModuleGraph {
  files: string[]; // every file reached, entries included, as absolute paths, sorted
  packages: Map<string, string>; // package name -> its version, for every bare import on the way
}

export function moduleGraph(entries: string[], { types = false } = {}): ModuleGraph {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((e) => resolve(e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file) || !existsSync(file) || !statSync(file).isFile()) continue; // a folder (a cache's, say) is no module
    files.add(file);
    if (!CODE.test(file)) continue; // a .json or ?raw text is an input, with no imports of its own
    for (const specifier of moduleSpecifiers(readFileSync(file, 'utf8'), { types })) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.split('?')[0]));
      else if (!specifier.startsWith('node:')) {
        const name = packageName(specifier);
        const json = packageJson(name, file);
        if (json && !packages.has(name)) packages.set(name, String(JSON.parse(readFileSync(json, 'utf8')).version));
      }
    }
  }
  return { files: [...files].sort(), packages };
}

// a graph into a hash: each file's path (from root, so that a copy of the project hashes as its own)
// and text, and each package's version: what a cache keyed by it must be made again for
export function hashModuleGraph(hash: Hash, { files, packages }: ModuleGraph, root: string): Hash {
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const [name, version] of [...packages].sort()) hash.update(`${name}@${version}\0`);
  return hash;
}
