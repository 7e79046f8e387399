// A worker thread that runs cells for the build, with the same runtime the page uses.
import { parentPort } from 'node:worker_threads';
import * as engine from '../../engine/src/index.ts';
import * as display from './display.ts';
import { type CellInput, runCell } from './execute.ts';

const modules = { '@microgpt/engine': engine, '@microgpt/display': display };

parentPort!.on('message', async (input: CellInput) => {
  const result = await runCell(input, modules);
  parentPort!.postMessage(result);
});
