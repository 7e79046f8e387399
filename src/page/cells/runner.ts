// One Web Worker that runs a cell's or an exercise's code on request: a time limit, Stop (the
// worker is terminated, the only way to end a loop, and replaced on the next run), and messages
// from a run that was replaced or stopped dropped on the floor.
import type { Display } from '../../runtime/display.ts';
import type { CellInput, CellResult } from '../../runtime/execute.ts';
import type { ExerciseInput, ExerciseResult } from '../../runtime/exercise.ts';
import type { WorkerMessage } from '../../runtime/worker.ts';

export interface RunHandlers<R> {
  output(text: string): void;
  display(display: Display): void;
  done(result: R): void;
  stopped(message: string): void; // Stop, the time limit, or a crash
}

export class Runner {
  private worker: Worker | null = null;
  private runId = 0;
  private timer = 0;
  private active: RunHandlers<never> | null = null;
  private readonly what: string;

  constructor(what = 'the code') {
    this.what = what; // as the time-limit message names it: "the cell", "your code"
  }

  get running(): boolean {
    return this.active !== null;
  }

  run(input: ExerciseInput, timeoutMs: number, handlers: RunHandlers<ExerciseResult>): void;
  run(input: CellInput, timeoutMs: number, handlers: RunHandlers<CellResult>): void;
  run(input: CellInput | ExerciseInput, timeoutMs: number, handlers: RunHandlers<never>): void {
    if (this.active) this.stop(null); // a new run replaces a running one
    const runId = ++this.runId;
    this.active = handlers;
    this.worker ??= this.createWorker();
    this.timer = window.setTimeout(() => this.stop(`Stopped: ${this.what} ran past its time limit of ${timeoutMs / 1000} s.`), timeoutMs);
    this.worker.postMessage({ runId, input });
  }

  // message null: stopped silently, because another run replaces this one
  stop(message: string | null = 'Stopped.'): void {
    window.clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
    this.runId++;
    const handlers = this.active;
    this.active = null;
    if (handlers && message !== null) handlers.stopped(message);
  }

  private createWorker(): Worker {
    const worker = new Worker(new URL('../../runtime/worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      const handlers = this.active;
      if (message.runId !== this.runId || !handlers) return;
      if (message.type === 'output') handlers.output(message.text);
      else if (message.type === 'display') handlers.display(message.display);
      else {
        window.clearTimeout(this.timer);
        this.active = null;
        (handlers as RunHandlers<CellResult | ExerciseResult>).done(message.result);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop(`The runner crashed (${event.message || 'unknown error'}); it has been replaced. Run again.`);
    };
    return worker;
  }
}
