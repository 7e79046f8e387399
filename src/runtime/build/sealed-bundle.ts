// The sealed thread as one bundled ES module (esbuild), as the Gradescope grader runs it: a fresh
// thread then loads one file instead of stripping the types of some sixty, which halves the time
// every sealed run takes to start (the build's exercise checks, npm run grade, the tests). Made
// once for each version of what the thread reaches (a hash of its module graph) into
// node_modules/.cache, and shared by every process.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, version as esbuildVersion } from 'esbuild';
import { hashModuleGraph, moduleGraph } from '../../course/build/module-graph.ts';

const entry = fileURLToPath(new URL('./sealed-thread.ts', import.meta.url));
const project = new URL('../../../', import.meta.url);
const cache = new URL('node_modules/.cache/annotated-microgpt/', project);

// how a thread's code is bundled for Node: sucrase is CommonJS and requires Node's modules, and an
// ES module has no require of its own
export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'silent',
};

let bundled: Promise<URL> | null = null;

export function sealedThreadBundle(): Promise<URL> {
  bundled ??= (async () => {
    const hash = hashModuleGraph(createHash('sha256').update(esbuildVersion), moduleGraph([entry]), fileURLToPath(project));
    const file = new URL(`sealed-thread-${hash.digest('hex').slice(0, 16)}.mjs`, cache);
    if (existsSync(file)) return file;
    const result = await build({ ...nodeBundle, entryPoints: [entry], write: false, outfile: 'sealed-thread.mjs' });
    mkdirSync(cache, { recursive: true });
    // written beside it, then renamed: another process never sees half a file
    const partial = new URL(`${file.href}.${process.pid}.partial`);
    writeFileSync(partial, result.outputFiles[0].text);
    renameSync(partial, file);
    return file;
  })();
  bundled.catch(() => (bundled = null));
  return bundled;
}
