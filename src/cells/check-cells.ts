// npm run check:cells [-- --no-cache]: every cell of every chapter, run and compared with the book.
import { CellFormatError } from './extract.ts';
import { checkCells, formatReport } from './check.ts';

try {
  const report = await checkCells(undefined, { useCache: !process.argv.includes('--no-cache') });
  console.log(formatReport(report));
  if (report.problems.length > 0) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof CellFormatError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
