// What the cell and checkpoint checks' results depend on besides the book's own text: every file
// the two checkers reach (their code, the runtime's thread entries, the engines they load, the types
// cells are checked against), the versions of the packages on the way, and Node's. One hash of all
// of it keys both caches, so no edit that can change a result leaves a stale pass behind.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { hashModuleGraph, moduleGraph } from './module-graph.ts';

// from the project root, so a copy of the project hashes its own files
const CHECKERS = ['src/cells/build/check.ts', 'src/checkpoints/build/check.ts'];

// the last hash per root, with the size and time of each file it read: asked again (by each chapter
// a remark plugin renders, say), the answer costs a stat per file until one of them changes
const known = new Map<string, { stamps: [string, number, number][]; hash: string }>();
const stamp = (file: string): [string, number, number] => {
  try {
    const { size, mtimeMs } = statSync(file);
    return [file, size, mtimeMs];
  } catch {
    return [file, -1, -1];
  }
};

export function inputsHash(root = process.cwd()): string {
  const last = known.get(root);
  if (last && last.stamps.every(([file, size, time]) => stamp(file)[1] === size && stamp(file)[2] === time)) return last.hash;
  const graph = moduleGraph(
    CHECKERS.map((f) => resolve(root, f)),
    { types: true },
  );
  const digest = hashModuleGraph(createHash('sha256').update(process.version), graph, root).digest('hex');
  // the lock file stands for the packages' versions: an install that changes one changes it
  known.set(root, { stamps: [...graph.files, resolve(root, 'package-lock.json')].map(stamp), hash: digest });
  return digest;
}
