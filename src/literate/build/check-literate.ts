// npm run check:literate [-- --strict]: every line of the engine's component modules that no
// chapter quotes, then the coverage. --strict exits non-zero below 100%.
import { loadBook } from '../../book/build/book.ts';
import { componentModules, countedLines, readEngineFile } from './regions.ts';
import { pythonCoverageReport } from '../../python/build/coverage.ts';

export interface Coverage {
  quoted: number;
  total: number;
  unquoted: { path: string; line: number; text: string }[];
}

export function literateCoverage(): Coverage {
  const quotes = loadBook().flatMap((c) => c.quotes);
  const coverage: Coverage = { quoted: 0, total: 0, unquoted: [] };
  for (const module of componentModules()) {
    const file = readEngineFile(module);
    const covered = new Set<number>();
    for (const q of quotes) {
      const region = q.module === module ? file.regions.get(q.region) : undefined;
      if (region) for (let n = region.start; n <= region.end; n++) covered.add(n);
    }
    for (const n of countedLines(file)) {
      coverage.total++;
      if (covered.has(n)) coverage.quoted++;
      else coverage.unquoted.push({ path: file.path, line: n, text: file.lines[n - 1] });
    }
  }
  return coverage;
}

if (import.meta.main) {
  const strict = process.argv.includes('--strict');
  const { quoted, total, unquoted } = literateCoverage();
  for (const u of unquoted) console.log(`${u.path}:${u.line}: ${u.text.trim()}`);
  const percent = total === 0 ? 100 : (100 * quoted) / total;
  console.log(`\nliterate coverage: ${quoted} of ${total} lines quoted by a chapter (${percent.toFixed(1)}%), ${unquoted.length} not quoted`);
  if (strict && quoted < total) {
    console.error('check:literate --strict: every line of the component modules must be quoted by a chapter');
    process.exitCode = 1;
  }
  const python = pythonCoverageReport();
  console.log(python.lines.join('\n'));
  if (!python.ok) process.exitCode = 1;
}
