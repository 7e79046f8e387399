// npm run bench:grade [-- --students 40]: how long /grade/ takes, in Chromium, to grade a class:
// N hand-ins of the lesson with the most exercises (a quarter the book's solutions, the rest the
// starter code or a wrong answer), every exercise sealed in a fresh Worker, with a seed. Needs a
// built site (npm run build). Prints the seconds the page measured and the runs it made.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStaticServer, defaultRoot, listen } from '../e2e/static-server.ts';
import { exerciseDefs, lessonRefs } from '../src/build/grading/book-defs.ts';
import { createSubmission } from '../src/shared/handin/submission.ts';

const { values } = parseArgs({ options: { students: { type: 'string', default: '40' } } });
const students = Number(values.students);
if (!existsSync(defaultRoot)) throw new Error('no built site in dist/: run npm run build first');

const lesson = lessonRefs().sort((a, b) => b.exercises.length - a.exercises.length)[0];
const defs = exerciseDefs();
const files = await Promise.all(
  Array.from({ length: students }, async (_, i) => {
    const exercises = lesson.exercises.map((ref) => {
      const def = defs.find((d) => d.chapter === ref.chapter && d.id === ref.id)!;
      const code = i % 4 === 0 ? def.solution : i % 4 === 1 ? def.solution.replace(/\d/, '7') : `// student ${i}\n${def.solution}`;
      return { ...ref, code, passed: false, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: def.version };
    });
    const assignment = { lesson: lesson.id, className: 'bench', note: '', due: '2099-12-01', time: '23:59', timeZone: 'UTC', exercises: [] };
    const s = await createSubmission({ assignment, student: { name: `Student ${i + 1}`, email: `s${i + 1}@school.example` }, exportedAt: new Date().toISOString(), readings: [], exercises });
    return { name: `s${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) };
  }),
);

const server = createStaticServer();
const port = await listen(server, 0);
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/grade/`);
  await page.getByLabel('Seed for the grading checks').fill('bench seed');
  await page.getByLabel('Hand-in files').setInputFiles(files);
  await page.locator('.grade-results[data-seconds]').waitFor({ timeout: 600_000 });
  const seconds = await page.locator('.grade-results').getAttribute('data-seconds');
  console.log(`/grade/: ${students} hand-ins of "${lesson.id}" × ${lesson.exercises.length} exercises (${students * lesson.exercises.length} sealed runs, each in a fresh Worker, with a seed): ${seconds} s`);
  console.log(await page.locator('.grade-status').textContent());
} finally {
  await browser.close();
  server.close();
}
