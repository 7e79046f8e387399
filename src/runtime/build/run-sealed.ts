// Each exercise run in a worker thread of its own, started for it and terminated after it: no
// pooling, so nothing one hand-in does can reach the next. A run past its time limit is stopped, and
// so is a run past its memory cap, so that one hand-in cannot take the grader's process down.
import { Worker } from 'node:worker_threads';
import type { SealedInput, SealedResult } from '../sealed.ts';
import { watchMemory } from './memory-cap.ts';

// what one run may use, its heap and its typed arrays together; the book's exercises use under 200 MB
export const MEMORY_CAP_MB = 512;
// V8's own heap limit, only a backstop: a thread that reaches it in the middle of a large allocation
// aborts the whole process (Node gives it 16 MB of leeway to stop), and terminate() takes effect only
// at the thread's next check, after an allocation or two. So the cap is the parent's look, with room
// above it for the largest single allocation V8 makes (an array of 1 GB).
const HEAP_LIMIT_MB = MEMORY_CAP_MB + 1536;

const failed = (name: string, message: string, elapsedMs: number): SealedResult => ({ output: '', error: { name, message, line: null }, checks: [], hidden: [], passed: false, elapsedMs });

// threadFile: the sealed thread's entry; by default sealed-thread.ts, bundled (sealed-bundle.ts),
// which a bundle such as the Gradescope grader does not need: it brings its own
export async function runSealedThread(input: SealedInput, timeoutMs: number, threadFile?: URL): Promise<SealedResult> {
  threadFile ??= await (await import('./sealed-bundle.ts')).sealedThreadBundle();
  const start = performance.now();
  // a large young generation: a training step's graph dies young instead of being copied (see npm run bench)
  const worker = new Worker(threadFile, { resourceLimits: { maxYoungGenerationSizeMb: 384, maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
  return new Promise<SealedResult>((resolve) => {
    const done = (result: SealedResult) => {
      clearTimeout(timer);
      unwatch();
      worker.removeAllListeners();
      void worker.terminate();
      resolve(result);
    };
    const overCap = () => done(failed('OutOfMemory', `stopped: used more than ${MEMORY_CAP_MB} MB`, performance.now() - start));
    const unwatch = watchMemory(worker, MEMORY_CAP_MB, overCap);
    const timer = setTimeout(() => done(failed('Timeout', `stopped after ${timeoutMs} ms (the exercise's time limit)`, performance.now() - start)), timeoutMs);
    worker.once('message', done);
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        overCap(); // V8's own limit, reached between two looks
      else done(failed('Error', `the worker crashed: ${error.message}`, performance.now() - start));
    });
    worker.once('exit', (code) => done(failed('Error', `the worker exited (code ${code}) before answering`, performance.now() - start)));
    worker.postMessage(input);
  });
}
