// A worker thread that runs cells and exercises for the build, with the same runtime the page uses.
import { parentPort } from 'node:worker_threads';
import * as engine from '../../../engine/src/index.ts';
import * as fastEngine from '../../../engine/fast/index.ts';
import * as display from '../display.ts';
import { type CellInput, runCell } from '../execute.ts';
import { type ExerciseInput, runExercise } from '../exercise.ts';

const modules = { '@microgpt/engine': engine, '@microgpt/engine/fast': fastEngine, '@microgpt/display': display };

parentPort!.on('message', async (input: CellInput | ExerciseInput) => {
  const result = 'checks' in input ? await runExercise(input, modules) : await runCell(input, modules);
  parentPort!.postMessage(result);
});
