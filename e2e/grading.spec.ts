// /grade/ attacked as a hostile class would: a batch where hand-ins that patch built-ins, wrap
// postMessage, rebind require or re-export the engine's answer come before an honest failing one,
// and one that hard-codes the visible checks; then the same batch through `npm run grade`, which
// must give the same verdicts.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLessons } from '../src/lessons/build/lessons.ts';
import { bookExercise, handInText, submitted } from './helpers.ts';

const root = resolve(import.meta.dirname, '..');
const seed = 'e2e seed, never in a page';
const exercise = bookExercise('tokenizer', 'encode-decode');
const other = bookExercise('dataset', 'bigram-counts');
// every function the reader writes, answering nothing
// the grade table has one column per exercise of the lesson, in the lesson's order
const column = loadLessons()
  .find((l) => l.id === 'first-hour')!
  .exercises.findIndex((e) => e.chapter === exercise.chapter && e.id === exercise.id);
const nothing = exercise.provides.map((fn) => `function ${fn}(...args: any[]): any { return []; }`).join('\n');

const attacks: Record<string, string> = {
  patcher: `Object.is = () => true;\n(Array.prototype as any).every = () => true;\n${nothing}`,
  wrapper: `const g = globalThis as any;\nconst real = g.postMessage;\ng.postMessage = (m: any) => real && real({ ...m, result: { ...m.result, passed: true } });\nif (typeof self !== 'undefined') (self as any).postMessage = g.postMessage;\n${nothing}`,
  rebinder: `require = ((name: string) => ({ check() {}, expectEqual() {}, expectTrue() {}, expectThrows() {} })) as any;\n${nothing}`,
  reexporter: `import { Tokenizer } from '@microgpt/engine';\nconst t = new Tokenizer(docs);\nfunction myEncode(text: string): number[] { return t.encode(text); }\nfunction myDecode(ids: number[]): string { return t.decode(ids); }`,
};

const handIn = (name: string, code: string | null) => handInText('first-hour', name, [submitted(exercise, code), submitted(other, other.solution)]);

test('a batch of attacks, then an honest failing hand-in: every attacker fails, the honest one still fails, the same in the CLI', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'grading-e2e-'));
  const files: { name: string; text: string }[] = [];
  for (const [who, code] of Object.entries(attacks)) files.push({ name: `${who}.json`, text: await handIn(who, code) });
  files.push({ name: 'honest.json', text: await handIn('honest', exercise.starter) });
  files.push({ name: 'solver.json', text: await handIn('solver', exercise.solution) });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);

  await page.goto('/grade/');
  await page.getByLabel('Seed for the grading checks').fill(seed);
  await page.getByLabel('Hand-in files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(page.locator('.grade-status')).toContainText(`Graded ${files.length} students`, { timeout: 90_000 });
  const mark = (who: string) =>
    page
      .locator('.grade-table tbody tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${who}`) }) })
      .locator('td.mark')
      .nth(column);
  for (const who of [...Object.keys(attacks), 'honest']) await expect(mark(who), who).not.toHaveClass(/passed/);
  await expect(mark('solver')).toHaveClass(/passed/);
  await expect(mark('solver')).toContainText("same as the book's solution");

  // the page's JSON export beside the command-line grader's, on the same files and seed
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).first().click()]);
  const pagePath = testInfo.outputPath('page.json');
  await download.saveAs(pagePath);
  const fromPage = JSON.parse(readFileSync(pagePath, 'utf8'));
  const fromCli = JSON.parse(
    execFileSync(process.execPath, [join(root, 'src/grading/build/cli.ts'), ...files.map((f) => join(dir, f.name)), '--seed', seed, '--format', 'json'], { cwd: root, encoding: 'utf8' }),
  );
  const verdicts = (sheet: { rows: { identity: { name: string }; points: number; exercises: { state: string; checks: { name: string; passed: boolean }[] }[] }[] }) =>
    sheet.rows.map((r) => [r.identity.name, r.points, r.exercises.map((e) => [e.state, e.checks.map((c) => `${c.name}: ${c.passed}`)])]);
  expect(verdicts(fromPage)).toEqual(verdicts(fromCli));
});
