// Each exercise run in a worker thread of its own, started for it and terminated after it: no
// pooling, so nothing one hand-in does can reach the next. A run past its time limit is stopped.
import { Worker } from 'node:worker_threads';
import type { SealedInput, SealedResult } from '../../runtime/sealed.ts';

const defaultThreadFile = new URL('./sealed-thread.ts', import.meta.url);

const failed = (name: string, message: string, elapsedMs: number): SealedResult => ({ output: '', error: { name, message, line: null }, checks: [], hidden: [], passed: false, elapsedMs });

// threadFile: the sealed thread's entry (a bundle, such as the Gradescope grader, has its own)
export function runSealedThread(input: SealedInput, timeoutMs: number, threadFile: URL = defaultThreadFile): Promise<SealedResult> {
  const start = performance.now();
  const worker = new Worker(threadFile, { resourceLimits: { maxYoungGenerationSizeMb: 384 } });
  return new Promise<SealedResult>((resolve) => {
    const done = (result: SealedResult) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done(failed('Timeout', `stopped after ${timeoutMs} ms (the exercise's time limit)`, performance.now() - start)), timeoutMs);
    worker.once('message', done);
    worker.once('error', (error) => done(failed('Error', `the worker crashed: ${error.message}`, performance.now() - start)));
    worker.once('exit', (code) => done(failed('Error', `the worker exited (code ${code}) before answering`, performance.now() - start)));
    worker.postMessage(input);
  });
}
