// npm run check:cells [-- --no-cache | --timings | --update [--only=<chapter file>]]: every cell of
// every chapter, run and compared with the book. --timings checks twice, cold (an empty cache) then
// warm, and prints both times. --update writes each changed cell's new output into its chapter and
// shows the diff; with --only, into that one chapter (the others are still checked and reported).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookError } from '../../book/build/model.ts';
import { checkCells, formatReport } from './check.ts';
import { updateOutputs } from './update.ts';

try {
  if (process.argv.includes('--timings')) {
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'cells-timings-')), 'cells.json');
    const cold = await checkCells(undefined, { cacheFile });
    const warm = await checkCells(undefined, { cacheFile });
    console.log(formatReport(warm));
    console.log(`cold check (empty cache): ${cold.seconds.toFixed(2)} s for ${cold.ran} cells; unchanged book: ${warm.seconds.toFixed(2)} s`);
    if (cold.problems.length + warm.problems.length > 0) process.exitCode = 1;
  } else {
    const report = await checkCells(undefined, { useCache: !process.argv.includes('--no-cache') });
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
    const changed = report.changed.filter((c) => only === undefined || c.cell.file === only);
    if (process.argv.includes('--update') && changed.length > 0) {
      for (const line of updateOutputs(changed)) console.log(line);
      const rest = report.problems.filter((p) => !changed.some((c) => c.problem === p));
      console.log(`check:cells --update: ${changed.length} output${changed.length === 1 ? '' : 's'} written into the book`);
      if (rest.length > 0) {
        console.log(formatReport({ ...report, problems: rest }));
        process.exitCode = 1;
      }
    } else {
      console.log(formatReport(report));
      if (report.problems.length > 0) process.exitCode = 1;
    }
  }
} catch (error) {
  if (!(error instanceof BookError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
