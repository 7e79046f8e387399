// The page's Web Worker: runs cells and exercises with the same runtime the build uses, streaming
// output back.
import * as engine from '../../../engine/src/index.ts';
import * as fastEngine from '../../../engine/fast/index.ts';
import * as display from '../display.ts';
import { type CellInput, type CellResult, runCell } from '../execute.ts';
import { type ExerciseInput, type ExerciseResult, runExercise } from '../exercise.ts';

const modules = { '@microgpt/engine': engine, '@microgpt/engine/fast': fastEngine, '@microgpt/display': display };

// Cells and exercises need no network, and the grading page runs students' code here: take the
// worker's ways to reach the network away before any code runs.
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker']) {
  for (let scope: object | null = self; scope !== null; scope = Object.getPrototypeOf(scope)) {
    if (Object.prototype.hasOwnProperty.call(scope, name)) Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  }
}

export type WorkerMessage =
  { type: 'output'; runId: number; text: string } | { type: 'display'; runId: number; display: display.Display } | { type: 'done'; runId: number; result: CellResult | ExerciseResult };

self.onmessage = async (event: MessageEvent<{ runId: number; input: CellInput | ExerciseInput }>) => {
  const { runId, input } = event.data;
  const post = (message: WorkerMessage) => self.postMessage(message);
  const hooks = {
    onOutput: (text: string) => post({ type: 'output', runId, text }),
    onDisplay: (d: display.Display) => post({ type: 'display', runId, display: d }),
  };
  const result = 'checks' in input ? await runExercise(input, modules, hooks) : await runCell(input, modules, hooks);
  post({ type: 'done', runId, result: { ...result, displays: [] } });
};
