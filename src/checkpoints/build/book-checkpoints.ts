// The book's checkpoints, computed and sealed once per process: at build start by the course()
// integration, which fails the build with every stale answer at its file and line, then handed to
// the remark plugin that puts each in its chapter (the same module instance: nothing is computed
// twice) and to the graders. Computed again only when a chapter, or anything the checks reach,
// changes (astro dev).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chaptersDir, loadBook } from '../../book/build/book.ts';
import { inputsHash } from '../../course/build/inputs.ts';
import type { CheckpointPageData } from '../shared/data.ts';
import { formatProblem } from './answers.ts';
import { checkCheckpoints } from './check.ts';

export class CheckpointsError extends Error {
  name = 'CheckpointsError';
}

const computed = new Map<string, { key: string; data: Promise<CheckpointPageData[]> }>();

function inputsKey(dir: string): string {
  const hash = createHash('sha256').update(inputsHash());
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.mdx')) hash.update(f).update(readFileSync(join(dir, f)));
  return hash.digest('hex');
}

// every checkpoint of the book in dir, as its page holds it; a CheckpointsError lists every one
// whose stated answer no longer follows from the code (cacheFile: the check's own, for tests)
export function bookCheckpoints(dir = chaptersDir, cacheFile?: string | null): Promise<CheckpointPageData[]> {
  const key = inputsKey(dir);
  const known = computed.get(dir);
  if (known?.key === key) return known.data;
  const data = checkCheckpoints(loadBook(dir), { cacheFile }).then((report) => {
    if (report.problems.length > 0) throw new CheckpointsError(`checkpoints do not follow from the code:\n${report.problems.map(formatProblem).join('\n')}`);
    return report.data;
  });
  computed.set(dir, { key, data });
  data.catch(() => computed.delete(dir)); // a failure is computed again next time, not remembered
  return data;
}

// the checkpoint with this id in this chapter
export function checkpointIn(all: CheckpointPageData[], chapter: string, id: string): CheckpointPageData {
  const found = all.find((c) => c.chapter === chapter && c.id === id);
  if (!found) throw new CheckpointsError(`<Checkpoint id="${id}">: no such checkpoint in chapter "${chapter}"`);
  return found;
}
