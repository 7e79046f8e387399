// Exercise runs that judge: each in a Worker of its own (src/runtime/sealed-worker.ts), created for
// the run and terminated after it, so nothing one run does can reach the next; a time limit ends a
// run that does not answer, and stop() ends every run in flight.
import type { SealedInput, SealedResult } from '../../runtime/sealed.ts';

const failed = (name: string, message: string): SealedResult => ({ output: '', error: { name, message, line: null }, checks: [], hidden: [], passed: false, elapsedMs: 0 });

export class SealedRunner {
  private readonly live = new Set<{ worker: Worker; finish: (result: SealedResult) => void }>();
  private readonly what: string;

  constructor(what = 'the code') {
    this.what = what; // as the time-limit message names it
  }

  get running(): boolean {
    return this.live.size > 0;
  }

  run(input: SealedInput, timeoutMs: number): Promise<SealedResult> {
    return new Promise<SealedResult>((resolve) => {
      const worker = new Worker(new URL('../../runtime/sealed-worker.ts', import.meta.url), { type: 'module' });
      const entry = {
        worker,
        finish: (result: SealedResult) => {
          window.clearTimeout(timer);
          worker.terminate();
          this.live.delete(entry);
          resolve(result);
        },
      };
      const timer = window.setTimeout(() => entry.finish(failed('Timeout', `${this.what} ran past its time limit of ${timeoutMs / 1000} s`)), timeoutMs);
      worker.onmessage = (event: MessageEvent<{ result: SealedResult }>) => entry.finish(event.data.result);
      worker.onerror = (event) => {
        event.preventDefault();
        entry.finish(failed('Error', `the runner crashed (${event.message || 'unknown error'})`));
      };
      this.live.add(entry);
      worker.postMessage({ runId: 1, input });
    });
  }

  stop(message = 'Stopped.'): void {
    for (const entry of [...this.live]) entry.finish(failed('Stopped', message));
  }
}
