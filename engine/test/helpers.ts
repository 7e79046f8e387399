// Shared by the engine's tests: fixture paths, ../shared detection, running the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const fixtures = join(here, 'fixtures');
export const shared = resolve(repoRoot, '..', 'shared');
export const namesTxt = join(shared, 'data', 'names.txt');

// for node:test's { skip }: false when ../shared is present, else a one-line reason
export const needsShared = existsSync(namesTxt) ? false : '../shared is absent (a fresh clone has none): names.txt parity needs it';

export function fixtureJson<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;
}

export function fixtureText(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], input?: string): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, 'engine', 'src', 'cli.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
