// The page's Web Worker: runs cells with the same runtime the build uses, streaming output back.
import * as engine from '../../engine/src/index.ts';
import * as display from './display.ts';
import { type CellInput, runCell } from './execute.ts';

const modules = { '@microgpt/engine': engine, '@microgpt/display': display };

export type WorkerMessage =
  | { type: 'output'; runId: number; text: string }
  | { type: 'display'; runId: number; display: display.Display }
  | { type: 'done'; runId: number; result: Awaited<ReturnType<typeof runCell>> };

self.onmessage = async (event: MessageEvent<{ runId: number; input: CellInput }>) => {
  const { runId, input } = event.data;
  const post = (message: WorkerMessage) => self.postMessage(message);
  const result = await runCell(input, modules, {
    onOutput: (text) => post({ type: 'output', runId, text }),
    onDisplay: (d) => post({ type: 'display', runId, display: d }),
  });
  post({ type: 'done', runId, result: { ...result, displays: [] } });
};
