// Pyodide's runtime files, from the npm package: the dev server serves them at <base>pyodide/, and
// the build copies them there into dist/ (course() does both), so the page runs Python from the
// site itself, nothing from a CDN.
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// what loadPyodide fetches to run the standard library and nothing else (no packages)
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;

export const pyodideDir = (): string => dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

// the ones it fetches (the two scripts it imports), whose bytes the page's progress bar counts
export const PYODIDE_FETCHED = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;

// how many bytes the files hold (uncompressed)
export function pyodideBytes(files: readonly string[] = PYODIDE_FILES): number {
  const dir = pyodideDir();
  return files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

const types: Record<string, string> = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json' };

// astro dev: the files served from the package
export function servePyodide(): Plugin {
  return {
    name: 'annotated-microgpt:pyodide',
    apply: 'serve',
    configureServer(server) {
      const dir = pyodideDir();
      server.middlewares.use(`${server.config.base.replace(/\/?$/, '/')}pyodide/`, (req, res, next) => {
        const name = (req.url ?? '').split('?')[0].replace(/^\//, '');
        if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
        res.setHeader('content-type', types[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
        createReadStream(join(dir, name)).pipe(res);
      });
    },
  };
}

// astro build: the files copied into the built site
export function copyPyodide(outDir: URL): void {
  const out = join(fileURLToPath(outDir), 'pyodide');
  mkdirSync(out, { recursive: true });
  for (const f of PYODIDE_FILES) copyFileSync(join(pyodideDir(), f), join(out, f));
}
