// What the cell and checkpoint checks' results depend on besides the book's own text: every file
// the two checkers reach (their code, the runtime's thread entries, the engines they load, the types
// cells are checked against), the versions of the packages on the way, and Node's. One hash of all
// of it keys both caches, so no edit that can change a result leaves a stale pass behind.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { moduleGraph } from './module-graph.ts';

// from the project root, so a copy of the project hashes its own files
const CHECKERS = ['src/cells/build/check.ts', 'src/checkpoints/build/check.ts'];

export function inputsHash(root = process.cwd()): string {
  const { files, packages } = moduleGraph(
    CHECKERS.map((f) => resolve(root, f)),
    { types: true },
  );
  const hash = createHash('sha256').update(process.version);
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  for (const [name, version] of [...packages].sort()) hash.update(`${name}@${version}\0`);
  return hash.digest('hex');
}
