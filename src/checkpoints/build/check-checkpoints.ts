// npm run check:checkpoints [-- --no-cache] [--chapters DIR]: every checkpoint of the book computed
// from the code and checked, each problem at its file and line (exit 1 when there is one); the build
// runs the same check (src/checkpoints/build/book-checkpoints.ts). --chapters reads the chapters from
// another folder (tests).
import { loadBook } from '../../book/build/book.ts';
import { BookError } from '../../book/build/model.ts';
import { formatProblem } from './answers.ts';
import { checkCheckpoints } from './check.ts';

try {
  const dirAt = process.argv.indexOf('--chapters');
  const report = await checkCheckpoints(dirAt === -1 ? loadBook() : loadBook(process.argv[dirAt + 1]), { cacheFile: process.argv.includes('--no-cache') ? null : undefined });
  for (const p of report.problems) console.error(formatProblem(p));
  console.log(
    `check:checkpoints: ${report.checkpoints} checkpoints, ${report.ran} cells or snippets run; ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; ${report.seconds.toFixed(2)} s`,
  );
  if (report.problems.length > 0) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof BookError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
