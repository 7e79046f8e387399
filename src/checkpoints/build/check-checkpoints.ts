// node src/checkpoints/build/check-checkpoints.ts [--json] [--no-cache] [--chapters DIR]: every
// checkpoint of the book computed from the code and checked (file:line for each problem; exit 1
// when there is one). --json prints the sealed page data instead, for <Checkpoint>
// (src/checkpoints/build/render.ts); --chapters reads the chapters from another folder (tests).
import { loadBook } from '../../book/build/book.ts';
import { BookError } from '../../book/build/model.ts';
import { formatProblem } from './answers.ts';
import { checkCheckpoints } from './check.ts';

try {
  const dirAt = process.argv.indexOf('--chapters');
  const report = await checkCheckpoints(dirAt === -1 ? loadBook() : loadBook(process.argv[dirAt + 1]), { cacheFile: process.argv.includes('--no-cache') ? null : undefined });
  for (const p of report.problems) console.error(formatProblem(p));
  const summary = `check:checkpoints: ${report.checkpoints} checkpoints, ${report.ran} cells or snippets run; ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; ${report.seconds.toFixed(2)} s`;
  if (process.argv.includes('--json')) {
    if (report.problems.length === 0) process.stdout.write(JSON.stringify(report.data));
    console.error(summary);
  } else console.log(summary);
  if (report.problems.length > 0) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof BookError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
