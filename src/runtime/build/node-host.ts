// Runs cells in Node worker threads, at most `size` at once; a cell that runs past its time limit
// has its worker terminated (the only way to stop a synchronous loop) and replaced.
import { Worker } from 'node:worker_threads';
import type { CellInput, CellResult } from '../execute.ts';

const workerFile = new URL('./node-worker.ts', import.meta.url);

export class NodeCellHost {
  private idle: Worker[] = [];
  private waiting: (() => void)[] = [];
  private running = 0;
  private closed = false;
  private readonly size: number;

  constructor(size = 2) {
    this.size = size;
  }

  private async acquire(): Promise<Worker> {
    while (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    // a large young generation: a training step's graph dies young instead of being copied (see npm run bench)
    return this.idle.pop() ?? new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 384 } });
  }

  private release(worker: Worker | null): void {
    // a run still going when the host was closed (a caller gave up on it) ends its worker too
    if (worker && this.closed) void worker.terminate();
    else if (worker) this.idle.push(worker);
    this.running--;
    this.waiting.shift()?.();
  }

  async run(input: CellInput, timeoutMs: number): Promise<CellResult> {
    const worker = await this.acquire();
    const start = performance.now();
    return new Promise<CellResult>((resolve) => {
      const done = (result: CellResult, keep: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (!keep) void worker.terminate();
        this.release(keep ? worker : null);
        resolve(result);
      };
      const fail = (name: string, message: string) => done({ output: '', displays: [], truncated: false, error: { name, message, line: null }, elapsedMs: performance.now() - start }, false);
      const onMessage = (result: CellResult) => done(result, true);
      const onError = (error: Error) => fail('Error', `the worker crashed: ${error.message}`);
      const timer = setTimeout(() => fail('Timeout', `stopped after ${timeoutMs} ms (the cell's time limit)`), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(input);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}
