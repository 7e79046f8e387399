// The page's Web Worker for cells: runs them with the same runtime the build uses, streaming output
// back. (Exercises, and anything judged, run sealed: sealed-worker.ts.)
import type { Display } from '../display.ts';
import { type CellInput, type CellResult, runCell } from '../execute.ts';
import { cellModules } from '../modules.ts';

// Cells need no network: take the worker's ways to reach it away before any code runs.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker']) {
  for (let scope: object | null = self; scope !== null; scope = Object.getPrototypeOf(scope)) {
    if (Object.prototype.hasOwnProperty.call(scope, name)) Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  }
}

export type WorkerMessage = { type: 'output'; runId: number; text: string } | { type: 'display'; runId: number; display: Display } | { type: 'done'; runId: number; result: CellResult };

self.onmessage = async (event: MessageEvent<{ runId: number; input: CellInput }>) => {
  const { runId, input } = event.data;
  const post = (message: WorkerMessage) => self.postMessage(message);
  const hooks = {
    onOutput: (text: string) => post({ type: 'output', runId, text }),
    onDisplay: (d: Display) => post({ type: 'display', runId, display: d }),
  };
  const result = await runCell(input, cellModules, hooks);
  post({ type: 'done', runId, result: { ...result, displays: [] } });
};
