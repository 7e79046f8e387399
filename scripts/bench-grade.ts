// npm run bench:grade [-- --students 40]: how long /grade/, in Chromium, and `npm run grade` take to
// grade a class: N hand-ins of the lesson with the most exercises (a quarter the book's solutions,
// the rest the starter code or a wrong answer), every exercise sealed in a fresh Worker or thread,
// with a seed. Then the same class with two of them replaced by a heap bomb and an infinite loop:
// both times, what the attackers' rows say, and whether every other row is graded exactly as
// without them. Needs a built site (npm run build).
import type { CDPSession } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual, parseArgs, promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, sitePage } from '../e2e/chromium.ts';
import { createStaticServer, defaultRoot, listen } from '../e2e/static-server.ts';
import { exerciseDefs, lessonRefs } from '../src/grading/build/book-defs.ts';
import { createSubmission } from '../src/grading/shared/submission.ts';

const { values } = parseArgs({ options: { students: { type: 'string', default: '40' } } });
const students = Number(values.students);
if (!existsSync(defaultRoot)) throw new Error('no built site in dist/: run npm run build first');

const lesson = lessonRefs().sort((a, b) => b.exercises.length - a.exercises.length)[0];
const defs = exerciseDefs();
// arrays of 2e7, not the 1e6: here those fill the renderer's 4 GB heap only near the 10 s
// time limit, and the run is stopped by it; these crash the frame's process in about 5 s
const attacks = { Bomber: 'const hog: number[][] = [];\nfor (let n = 0; ; n++) hog.push(new Array(2e7).fill(n));', Looper: 'while (true) {}' };

async function handIn(name: string, email: string, codeOf: (solution: string, index: number) => string) {
  const exercises = lesson.exercises.map((ref, index) => {
    const def = defs.find((d) => d.chapter === ref.chapter && d.id === ref.id)!;
    return { ...ref, code: codeOf(def.solution, index), passed: false, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: def.version };
  });
  const assignment = { lesson: lesson.id, className: 'bench', note: '', due: '2099-12-01', time: '23:59', timeZone: 'UTC', exercises: [] };
  const s = await createSubmission({ assignment, student: { name, email }, exportedAt: '2026-12-01T10:00:00.000Z', readings: [], exercises });
  return { name: `${email.split('@')[0]}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) };
}

const honest = await Promise.all(
  Array.from({ length: students }, (_, i) =>
    handIn(`Student ${i + 1}`, `s${i + 1}@school.example`, (solution) => (i % 4 === 0 ? solution : i % 4 === 1 ? solution.replace(/\d/, '7') : `// student ${i}\n${solution}`)),
  ),
);
// the attackers take the last two students' places, the bomb and the loop in the first exercise
const attackers = await Promise.all(Object.entries(attacks).map(([name, code]) => handIn(name, `${name.toLowerCase()}@school.example`, (solution, i) => (i === 0 ? code : solution))));
const attacked = [...honest.slice(0, students - attackers.length), ...attackers];
const others = honest.slice(0, students - attackers.length).map((_, i) => `Student ${i + 1}`);

type Rows = Record<string, unknown>;
const compare = (clean: Rows, mixed: Rows) => (others.every((who) => isDeepStrictEqual(clean[who], mixed[who])) ? `all ${others.length} other rows identical` : 'OTHER ROWS DIFFER');
const attackerRows = (mixed: Rows) =>
  Object.keys(attacks)
    .map((who) => `${who}: ${JSON.stringify(mixed[who])}`)
    .join('\n  ');

// /grade/: one page load; after the bomb, the page is read through CDP (Playwright marks a page whose
// frame crashed as crashed, though the page lives on: see e2e/isolation.spec.ts)
async function evaluate<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}
const rowsInPage = `Object.fromEntries([...document.querySelectorAll('.grade-table tbody tr')].map((tr) => [tr.querySelector('th').firstChild.textContent, [...tr.querySelectorAll('td')].map((td) => td.textContent)]))`;
const graded = (n: number) =>
  `new Promise((resolve) => { const check = () => { const r = document.querySelector('.grade-results'); if (r.dataset.seconds && document.querySelectorAll('.grade-table tbody tr').length === ${n}) { observer.disconnect(); resolve(r.dataset.seconds); } }; const observer = new MutationObserver(check); observer.observe(document.body, { subtree: true, childList: true, attributes: true }); check(); })`;

async function inPage(): Promise<string[]> {
  const server = createStaticServer();
  const port = await listen(server, 0);
  const browser = await launchChromium();
  try {
    const page = await sitePage(browser);
    await page.goto(`http://127.0.0.1:${port}/grade/`);
    await page.getByLabel('Seed for the grading checks').fill('bench seed');
    const cdp = await page.context().newCDPSession(page);
    const grade = async (files: typeof honest) => {
      await evaluate(cdp, `document.querySelector('.grade-results').removeAttribute('data-seconds')`);
      await page.getByLabel('Hand-in files').setInputFiles(files);
      const seconds = await evaluate<string>(cdp, graded(files.length));
      return { seconds, rows: await evaluate<Rows>(cdp, rowsInPage), status: await evaluate<string>(cdp, `document.querySelector('.grade-status').textContent`) };
    };
    const clean = await grade(honest);
    const mixed = await grade(attacked);
    const runs = `${students} hand-ins of "${lesson.id}" × ${lesson.exercises.length} exercises (${students * lesson.exercises.length} sealed runs, with a seed)`;
    return [
      `/grade/: ${runs}: ${clean.seconds} s`,
      `/grade/: the same with a heap bomb and an infinite loop in place of two: ${mixed.seconds} s; ${compare(clean.rows, mixed.rows)}`,
      `  ${mixed.status}\n  ${attackerRows(mixed.rows)}`,
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

// npm run grade on the same files, as JSON
async function inCli(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-grade-'));
  const cli = resolve(import.meta.dirname, '../src/grading/build/cli.ts');
  const grade = async (files: typeof honest) => {
    for (const f of files) writeFileSync(join(dir, f.name), f.buffer);
    const started = performance.now();
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...files.map((f) => join(dir, f.name)), '--seed', 'bench seed', '--format', 'json'], { maxBuffer: 64 * 1024 * 1024 });
    const sheet = JSON.parse(stdout) as { rows: { identity: { name: string } }[] };
    return { seconds: ((performance.now() - started) / 1000).toFixed(1), rows: Object.fromEntries(sheet.rows.map((r) => [r.identity.name, r])) as Rows, stderr: stderr.trim() };
  };
  try {
    const clean = await grade(honest);
    const mixed = await grade(attacked);
    return [
      `npm run grade: the same ${students} hand-ins: ${clean.seconds} s`,
      `npm run grade: with the heap bomb and the infinite loop: ${mixed.seconds} s; ${compare(clean.rows, mixed.rows)}`,
      `  stderr: ${mixed.stderr}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log((await inPage()).join('\n'));
console.log((await inCli()).join('\n'));
