// npm run check:cells [-- --no-cache | --timings]: every cell of every chapter, run and compared
// with the book. --timings checks twice, cold (an empty cache) then warm, and prints both times.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CellFormatError } from './extract.ts';
import { checkCells, formatReport } from './check.ts';

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
    console.log(formatReport(report));
    if (report.problems.length > 0) process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof CellFormatError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
