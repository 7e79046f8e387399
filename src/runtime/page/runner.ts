// Runs a cell's code on request, in the page's sandboxed frame (sandbox-host.ts), on
// one Worker kept from run to run: a time limit, Stop (the Worker is terminated, the only way to end
// a loop, and replaced on the next run), and messages from a run that was replaced or stopped dropped
// on the floor. A run that crashes its frame ends with a message; the page and the code live on.
import type { Display } from '../display.ts';
import type { CellInput, CellResult } from '../execute.ts';
import type { WorkerMessage } from './worker.ts';
import type { JobEnd, JobHandle, Sandbox } from './sandbox.ts';

export interface RunHandlers<R> {
  output(text: string): void;
  display(display: Display): void;
  done(result: R): void;
  stopped(message: string): void; // Stop, the time limit, or a crash
  restarted?(): void; // run again from the start (its frame died with another run in it): what it sent is void
}

export class Runner {
  private job: JobHandle | null = null;
  private runId = 0;
  private active: RunHandlers<CellResult> | null = null;
  private readonly what: string;

  constructor(what = 'the code') {
    this.what = what; // as the messages name it: "the cell", "your code"
  }

  get running(): boolean {
    return this.active !== null;
  }

  run(input: CellInput, timeoutMs: number, handlers: RunHandlers<CellResult>): void {
    if (this.active) this.stop(null); // a new run replaces a running one
    const runId = ++this.runId;
    this.active = handlers;
    const mine = () => this.runId === runId && this.active === handlers;
    import('./sandbox-host.ts')
      .then(({ sandbox }) => sandbox())
      .then(
        (sandbox) => mine() && this.start(sandbox, runId, input, timeoutMs, handlers, mine),
        (error: Error) => mine() && this.end(handlers, this.explain({ kind: 'error', message: error.message }, timeoutMs)),
      );
  }

  private start(sandbox: Sandbox, runId: number, input: CellInput, timeoutMs: number, handlers: RunHandlers<CellResult>, mine: () => boolean): void {
    this.job = sandbox.run({
      script: 'cell',
      keep: true,
      message: { runId, input },
      timeoutMs,
      started: (again) => {
        if (again && mine()) handlers.restarted?.();
      },
      received: (data) => {
        const message = data as WorkerMessage;
        if (message.runId !== runId || !mine()) return false;
        if (message.type === 'output') handlers.output(message.text);
        else if (message.type === 'display') handlers.display(message.display);
        else {
          this.active = null;
          this.job = null;
          handlers.done(message.result);
          return true;
        }
        return false;
      },
      ended: (end) => mine() && this.end(handlers, this.explain(end, timeoutMs)),
    });
  }

  private end(handlers: RunHandlers<CellResult>, message: string): void {
    this.active = null;
    this.job = null;
    handlers.stopped(message);
  }

  // message null: stopped silently, because another run replaces this one
  stop(message: string | null = 'Stopped.'): void {
    this.job?.stop();
    this.job = null;
    this.runId++;
    const handlers = this.active;
    this.active = null;
    if (handlers && message !== null) handlers.stopped(message);
  }

  private explain(end: JobEnd, timeoutMs: number): string {
    if (end.kind === 'timeout') return `Stopped: ${this.what} ran past its time limit of ${timeoutMs / 1000} s.`;
    if (end.kind === 'crashed') return `Stopped: ${this.what} crashed its sandbox (most likely it used too much memory); your code is kept.`;
    return `The runner crashed (${end.message}); it has been replaced. Run again.`;
  }
}
