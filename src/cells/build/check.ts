// Runs every cell of every chapter, compares its output with the book, type-checks it, and
// reports each problem at its chapter file and line. Results are cached by a hash of the cell
// and of everything the check reaches (src/course/build/inputs.ts), so an unchanged book re-checks quickly.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { outputText } from '../shared/output.ts';
import { loadBook } from '../../book/build/book.ts';
import type { Exercise } from '../../exercises/build/read.ts';
import type { Cell } from './read.ts';
import { asCell, exerciseInput, gradingAsCell, judge, type Version, withholdProblem } from '../../exercises/build/verify.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';
import { limit } from '../../shared/limit.ts';
import { inputsHash } from '../../course/build/inputs.ts';
import { NodeCellHost } from '../../runtime/build/node-host.ts';
import { compareCell, type Problem } from './compare.ts';
import { typecheckCells } from './typecheck.ts';

const root = process.cwd();
export const cachePath = resolve(root, 'node_modules/.cache/annotated-microgpt/cells.json');

function cellHash(sources: string, cell: Cell): string {
  return createHash('sha256')
    .update(sources)
    .update(JSON.stringify([cell.setup, cell.code, cell.expected, cell.throws, cell.timeoutMs]))
    .digest('hex');
}

interface Cache {
  cells: Record<string, true>; // hashes of cells that passed
  types: string | null; // hash of the whole book's cells when they last type-checked clean
}

function readCache(path: string): Cache {
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as Cache;
    if (typeof cache.cells !== 'object' || cache.cells === null) throw new Error('not a cache');
    return cache;
  } catch {
    return { cells: {}, types: null }; // no cache, or a corrupted one: start over
  }
}

export interface CheckReport {
  cells: number;
  exercises: number;
  cached: number;
  ran: number;
  problems: Problem[];
  changed: ChangedOutput[]; // the cells among the problems that ran cleanly but printed other output
  seconds: number;
}

export const bookCells = (): Cell[] => loadBook().flatMap((c) => c.cells);
export const bookExercises = (): Exercise[] => loadBook().flatMap((c) => c.exercises);

// a cell whose run printed something other than the book's output, with what it printed
export interface ChangedOutput {
  cell: Cell;
  got: string;
  problem: Problem; // the difference reported
}

function exerciseHash(sources: string, ex: Exercise, version: Version): string {
  return createHash('sha256')
    .update(sources)
    .update(JSON.stringify([version, exerciseInput(ex, version), ex.checkNames, ex.timeoutMs]))
    .digest('hex');
}

export async function checkCells(
  cells: Cell[] = bookCells(),
  { useCache = true, cacheFile = cachePath, exercises = bookExercises() }: { useCache?: boolean; cacheFile?: string; exercises?: Exercise[] } = {},
): Promise<CheckReport> {
  const start = performance.now();
  const cache: Cache = useCache ? readCache(cacheFile) : { cells: {}, types: null };
  const sources = inputsHash();
  const hashes = new Map(cells.map((c) => [c, cellHash(sources, c)]));
  const todo = cells.filter((c) => !cache.cells[hashes.get(c)!]);
  const versions = exercises.flatMap((ex) => (['starter', 'solution'] as const).map((version) => ({ ex, version, hash: exerciseHash(sources, ex, version) })));
  const exercisesTodo = versions.filter((v) => !cache.cells[v.hash]);
  const problems: Problem[] = [];
  const changed: ChangedOutput[] = [];

  const host = new NodeCellHost(2);
  const sealedLanes = limit(2); // each exercise run starts a thread of its own: two at a time
  try {
    await Promise.all([
      ...todo.map(async (cell) => {
        const result = await host.run({ code: cell.code, setup: cell.setup || undefined }, cell.timeoutMs);
        const problem = compareCell(cell, result);
        if (problem) problems.push(problem);
        else cache.cells[hashes.get(cell)!] = true;
        if (problem && (result.error === null) !== cell.throws) changed.push({ cell, got: outputText(result), problem });
      }),
      ...exercisesTodo.map(async ({ ex, version, hash }) => {
        const problem = withholdProblem(ex) ?? judge(ex, version, await sealedLanes(() => runSealedThread(exerciseInput(ex, version), ex.timeoutMs)));
        if (problem) problems.push(problem);
        else cache.cells[hash] = true;
      }),
    ]);
  } finally {
    await host.close();
  }

  const bookHash = createHash('sha256')
    .update([...hashes.values(), ...versions.map((v) => v.hash)].join())
    .digest('hex');
  if (cache.types !== bookHash) {
    const gradingCells = exercises.filter((ex) => ex.grading !== '').map(gradingAsCell);
    const isGrading = new Set<object>(gradingCells);
    // a grading cell's head is the setup and the solution, whose problems the solution's cell reports
    const typeProblems = typecheckCells([...cells, ...versions.map((v) => asCell(v.ex, v.version)), ...gradingCells]).filter((p) => !(isGrading.has(p.cell) && p.line < p.cell.codeLine));
    problems.push(...typeProblems);
    cache.types = typeProblems.length === 0 ? bookHash : null;
  }

  if (useCache) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  problems.sort((a, b) => a.cell.file.localeCompare(b.cell.file) || a.line - b.line || a.column - b.column);
  const ran = todo.length + exercisesTodo.length;
  return { cells: cells.length, exercises: exercises.length, cached: cells.length + versions.length - ran, ran, problems, changed, seconds: (performance.now() - start) / 1000 };
}

export function formatReport(report: CheckReport): string {
  const lines = report.problems.map((p) => `${p.cell.file}:${p.line}:${p.column}: ${p.message}${p.diff ? `\n${p.diff}` : ''}`);
  lines.push(
    `check:cells: ${report.cells} cells and ${report.exercises} exercises (each run as starter and solution), ${report.ran} run, ${report.cached} unchanged since they last passed; ` +
      `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; ${report.seconds.toFixed(2)} s`,
  );
  return lines.join('\n');
}
