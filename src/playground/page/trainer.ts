// The page's side of a training Worker: created the first time it is needed, questions answered
// by id, and a run's own messages (started, progress, paused, done, failed) handed to onRun.
import type { FromWorker, ToWorker } from '../shared/protocol.ts';

type Answer = Extract<FromWorker, { id: number }>;
export type RunMessage = Exclude<FromWorker, { id: number }>;

export class Trainer {
  onRun: (message: RunMessage) => void = () => {};
  onCrash: (message: string) => void = () => {};
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  post(message: ToWorker, transfer: Transferable[] = []): void {
    this.get().postMessage(message, transfer);
  }

  // a question the Worker answers with the same id
  ask<T extends Answer['type']>(make: (id: number) => ToWorker, transfer: Transferable[] = []): Promise<Extract<Answer, { type: T }>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (answer: Answer) => void);
      this.post(make(id), transfer);
    });
  }

  private get(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if ('id' in m) {
        const resolve = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        resolve?.(m);
      } else this.onRun(m);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.worker?.terminate();
      this.worker = null;
      this.waiting.clear();
      this.onCrash(event.message || 'the training Worker stopped');
    };
    this.worker = worker;
    return worker;
  }
}
