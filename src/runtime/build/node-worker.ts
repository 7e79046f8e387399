// A worker thread that runs cells for the build, with the same runtime the page uses. (Exercises,
// and anything judged, run sealed: sealed-thread.ts.)
import { parentPort } from 'node:worker_threads';
import { type CellInput, runCell } from '../execute.ts';
import { cellModules } from '../modules.ts';

parentPort!.on('message', async (input: CellInput) => {
  parentPort!.postMessage(await runCell(input, cellModules));
});
