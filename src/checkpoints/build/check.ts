// Every checkpoint of the book, computed, checked and sealed for the page. The cells and code they
// depend on run in worker threads with the cells' own runtime (src/runtime/build/node-host.ts); what they
// printed is cached by a hash of the code and of everything the check reaches (src/course/build/inputs.ts),
// so an unchanged book re-checks without running anything.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CheckpointPageData } from '../shared/data.ts';
import type { Chapter } from '../../book/build/model.ts';
import { inputsHash } from '../../course/build/inputs.ts';
import { NodeCellHost } from '../../runtime/build/node-host.ts';
import { type CheckpointProblem, type Computed, computeCheckpoints, type RunCode } from './answers.ts';
import { pageData } from './seal-data.ts';

const root = process.cwd();
export const checkpointCachePath = resolve(root, 'node_modules/.cache/annotated-microgpt/checkpoints.json');

export interface CheckpointReport {
  data: CheckpointPageData[];
  computed: Computed[]; // the answers themselves, in book order (the printed book's appendix)
  problems: CheckpointProblem[];
  checkpoints: number;
  ran: number; // sources run (not cached)
  seconds: number;
}

// a runner that remembers outputs by a hash of the input and the sources
function cachedRunner(run: RunCode, cacheFile: string | null): { run: RunCode; save: () => void; ran: () => number } {
  let cache: Record<string, string> = {};
  if (cacheFile)
    try {
      const read = JSON.parse(readFileSync(cacheFile, 'utf8')) as unknown;
      if (typeof read === 'object' && read !== null && !Array.isArray(read)) cache = read as Record<string, string>;
    } catch {
      // no cache yet, or a damaged one: start over
    }
  const sources = cacheFile ? inputsHash() : '';
  let ran = 0;
  return {
    run: async (input, timeoutMs) => {
      const key = createHash('sha256')
        .update(sources)
        .update(JSON.stringify([input.setup ?? '', input.code, timeoutMs]))
        .digest('hex');
      if (key in cache) return { output: cache[key], error: null };
      ran++;
      const result = await run(input, timeoutMs);
      if (!result.error) cache[key] = result.output;
      return result;
    },
    save: () => {
      if (!cacheFile) return;
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, JSON.stringify(cache));
    },
    ran: () => ran,
  };
}

export async function checkCheckpoints(chapters: Chapter[], { cacheFile = checkpointCachePath as string | null, run }: { cacheFile?: string | null; run?: RunCode } = {}): Promise<CheckpointReport> {
  const start = performance.now();
  const host = run ? null : new NodeCellHost(2);
  const runner = cachedRunner(run ?? ((input, timeoutMs) => host!.run(input, timeoutMs)), cacheFile);
  try {
    const { computed, problems } = await computeCheckpoints(chapters, runner.run);
    const inOrder = [...computed].sort((a, b) => a.checkpoint.file.localeCompare(b.checkpoint.file) || a.checkpoint.line - b.checkpoint.line);
    const data = problems.length > 0 ? [] : await Promise.all(inOrder.map(pageData));
    runner.save();
    return { data, computed: inOrder, problems, checkpoints: chapters.reduce((n, c) => n + c.checkpoints.length, 0), ran: runner.ran(), seconds: (performance.now() - start) / 1000 };
  } finally {
    await host?.close();
  }
}
