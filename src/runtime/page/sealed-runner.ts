// Exercise runs that judge: each in a fresh Worker of its own (src/runtime/page/sealed-worker.ts; the frame
// starts the next one ahead, unused), in the page's sandboxed frame (sandbox-host.ts), terminated
// after its one run, so nothing one run does can reach the next; a time limit ends a run that does
// not answer, a run that crashes its frame ends with an error that says so (every other run goes
// on), and stop() ends every run in flight.
import type { SealedInput, SealedResult } from '../sealed.ts';
import type { JobEnd, JobHandle } from './sandbox.ts';

const failed = (name: string, message: string): SealedResult => ({ output: '', error: { name, message, line: null }, checks: [], hidden: [], passed: false, elapsedMs: 0 });

export class SealedRunner {
  private readonly live = new Set<{ job: JobHandle | null; finish: (result: SealedResult) => void }>();
  private readonly what: string;

  constructor(what = 'the code') {
    this.what = what; // as the messages name it
  }

  get running(): boolean {
    return this.live.size > 0;
  }

  run(input: SealedInput, timeoutMs: number): Promise<SealedResult> {
    return new Promise<SealedResult>((resolve) => {
      const entry = {
        job: null as JobHandle | null,
        finish: (result: SealedResult) => {
          if (this.live.delete(entry)) resolve(result);
        },
      };
      this.live.add(entry);
      import('./sandbox-host.ts')
        .then(({ sandbox }) => sandbox())
        .then(
          (sandbox) => {
            if (!this.live.has(entry)) return; // stopped meanwhile
            entry.job = sandbox.run({
              script: 'sealed',
              message: { runId: 1, input },
              timeoutMs,
              received: (data) => {
                entry.finish((data as { result: SealedResult }).result);
                return true;
              },
              ended: (end) => entry.finish(this.failure(end, timeoutMs)),
            });
          },
          (error: Error) => entry.finish(failed('Error', `the runner could not be loaded (${error.message})`)),
        );
    });
  }

  stop(message = 'Stopped.'): void {
    for (const entry of [...this.live]) {
      entry.job?.stop();
      entry.finish(failed('Stopped', message));
    }
  }

  private failure(end: JobEnd, timeoutMs: number): SealedResult {
    if (end.kind === 'timeout') return failed('Timeout', `${this.what} ran past its time limit of ${timeoutMs / 1000} s`);
    if (end.kind === 'crashed') return failed('Crashed', `${this.what} crashed its sandbox (most likely it used too much memory)`);
    return failed('Error', `the runner crashed (${end.message})`);
  }
}
