// Checkpoints from assignment to grade: the instructor assigns a lesson with checkpoints and
// points; the student answers one right (a question drawn for them from their login), one wrong,
// passes an exercise, and hands in; /grade/ checks every answer again and gives the points, while
// a forged hand-in (a wrong answer marked right, points raised, someone else's variant answer)
// gets nothing for them; `npm run grade` agrees.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSubmission, type Submission } from '../src/grading/shared/submission.ts';

const root = resolve(import.meta.dirname, '..');

test('assign, answer one checkpoint right (drawn for the student) and one wrong, hand in, and /grade/ gives the right points; a forged hand-in gets none', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // the instructor: the lesson's checkpoints count at the lesson's points, the variant for 2
  await page.goto('/assign/?lesson=transformer-block');
  const rows = page.locator('.assign-checkpoint');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Now a vector of your own' }).locator('input[type="number"]')).toHaveValue('2');
  await page.getByLabel('Due date').fill('2099-12-01');
  await page.getByLabel('Time zone').fill('UTC');
  const [settingsDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make the link' }).click()]);
  const settingsPath = testInfo.outputPath('transformer-block-grading.json');
  await settingsDownload.saveAs(settingsPath);
  expect(JSON.parse(readFileSync(settingsPath, 'utf8')).checkpoints).toEqual([
    { chapter: 'gpt', id: 'softmax-shift', points: 1 },
    { chapter: 'gpt', id: 'rmsnorm-three-four', points: 1 },
    { chapter: 'gpt', id: 'rmsnorm-your-vector', points: 2 },
  ]);
  const link = await page.getByLabel('Link for students').inputValue();
  expect(link).toContain('&cp=gpt/softmax-shift,gpt/rmsnorm-three-four,gpt/rmsnorm-your-vector&cpts=1,1,2');

  // the student gives their name and login first, then follows the checklist
  await page.goto(link);
  await expect(page.locator('.assignment-points')).toHaveText('6 points for 2 exercises and 3 checkpoints');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByRole('textbox', { name: /^Email or login/ }).fill('ada@uni.example');
  await expect(page.locator('.assignment-checkpoints li')).toHaveCount(3);
  await expect(page.locator('.assignment-checkpoints li').nth(2)).toContainText('(2 points, yours: drawn from your email or login) — not answered yet');
  await page.locator('.assignment-checkpoints a').nth(2).click();

  // the question drawn for ada@uni.example: her vector, run in the page, answered right
  const mine = page.locator('#checkpoint-rmsnorm-your-vector');
  await expect(mine.getByLabel(/Your numbers are drawn from your email or login/)).toHaveValue('ada@uni.example');
  await expect(mine.locator('.checkpoint-given')).toHaveText(/^For ada@uni\.example: your vector is \[\d, \d\]$/);
  const [a, b] = (await mine.locator('.checkpoint-given').textContent())!
    .match(/\[(\d), (\d)\]/)!
    .slice(1)
    .map(Number);
  const right = a / Math.sqrt((a * a + b * b) / 2);
  await mine.getByLabel(/Your answer \(right within ±0.005\)/).fill((a / Math.hypot(a, b)).toFixed(4));
  await mine.getByRole('button', { name: 'Check' }).click();
  await expect(mine).toHaveAttribute('data-state', 'wrong');
  await expect(mine.locator('.checkpoint-feedback')).toContainText("That divides by the vector's length");
  await mine.getByLabel(/Your answer/).fill(right.toFixed(4));
  await mine.getByRole('button', { name: 'Check' }).click();
  await expect(mine).toHaveAttribute('data-state', 'right');
  // another login draws another vector (most do), which the answer need not fit
  // and one wrong: softmax-shift
  const shift = page.locator('#checkpoint-softmax-shift');
  await shift.getByRole('radio', { name: 'softmax subtracts the mean of the logits first' }).check();
  await shift.getByRole('button', { name: 'Check' }).click();
  await expect(shift).toHaveAttribute('data-state', 'wrong');
  // an exercise passed
  const ex = page.locator('#exercise-softmax-max');
  await expect(ex).toHaveAttribute('data-ready', '');
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
  // back on the page later: her numbers drawn again, her answer and its verdict shown with them
  await page.reload();
  await expect(mine.locator('.checkpoint-given')).toHaveText(/^For ada@uni\.example: your vector is \[\d, \d\]$/);
  await expect(mine).toHaveAttribute('data-state', 'right');
  await expect(mine.getByLabel(/Your answer/)).toHaveValue(right.toFixed(4));
  await expect(mine.locator('.checkpoint-why')).not.toBeEmpty();

  // the checklist shows where each stands, and the hand-in holds the answers themselves
  await page.goto(link);
  const items = page.locator('.assignment-checkpoints li');
  await expect(items.nth(0)).toContainText('answered, not right yet');
  await expect(items.nth(1)).toContainText('not answered yet');
  await expect(items.nth(2)).toContainText('answered, and the page said right');
  await expect(items.nth(2)).toHaveAttribute('data-done', 'true');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download hand-in file' }).click()]);
  await expect(page.locator('.handin-status')).toContainText('1 of 3 checkpoints answered right.');
  const adaPath = testInfo.outputPath('ada.json');
  await download.saveAs(adaPath);
  const ada = JSON.parse(readFileSync(adaPath, 'utf8')) as Submission;
  expect(ada.checkpoints).toEqual([
    { chapter: 'gpt', id: 'softmax-shift', answer: '1', correct: false, answeredAt: expect.any(String), tries: 1, identity: null },
    { chapter: 'gpt', id: 'rmsnorm-three-four', answer: null, correct: false, answeredAt: null, tries: 0, identity: null },
    { chapter: 'gpt', id: 'rmsnorm-your-vector', answer: right.toFixed(4), correct: true, answeredAt: expect.any(String), tries: 2, identity: 'ada@uni.example' },
  ]);

  // Mallory: Ada's file as her own, the wrong answer marked right, every point raised to 100
  const { checksum: _, ...content } = ada;
  const forged = await createSubmission({
    ...content,
    student: { name: 'Mallory', email: 'mallory@uni.example' },
    assignment: { ...ada.assignment, exercises: ada.assignment.exercises.map((e) => ({ ...e, points: 100 })), checkpoints: ada.assignment.checkpoints!.map((c) => ({ ...c, points: 100 })) },
    checkpoints: ada.checkpoints!.map((c) => ({ ...c, correct: true })),
  });
  const files = [
    { name: 'ada.json', text: readFileSync(adaPath, 'utf8') },
    { name: 'mallory.json', text: JSON.stringify(forged) },
  ];
  for (const f of files) writeFileSync(testInfo.outputPath(f.name), f.text);

  // the instructor grades with the settings file
  await page.goto('/grade/');
  await page.getByLabel('Grading settings').setInputFiles(settingsPath);
  await expect(page.locator('.grade-settings-status')).toContainText('Settings loaded for: The transformer block');
  await page.getByLabel('Hand-in files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(page.locator('.grade-status')).toContainText('Graded 2 students', { timeout: 60_000 });
  const row = (who: string) => page.locator('.grade-table tbody tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${who}`) }) });
  const cell = (who: string, id: string) => row(who).locator(`td[data-checkpoint="gpt/${id}"]`);
  await expect(cell('Ada', 'softmax-shift')).toContainText('✗ wrong 0/1');
  await expect(cell('Ada', 'rmsnorm-three-four')).toContainText('— missing 0/1');
  await expect(cell('Ada', 'rmsnorm-your-vector')).toContainText('✓ right 2/2');
  await expect(cell('Ada', 'rmsnorm-your-vector')).toContainText('right for ada@uni.example');
  await expect(row('Ada').locator('td').nth(-2)).toHaveText('3 of 6');
  await expect(cell('Mallory', 'softmax-shift')).toContainText('✗ wrong 0/1');
  await expect(cell('Mallory', 'softmax-shift')).toContainText("the student's page had shown right");
  await expect(cell('Mallory', 'rmsnorm-your-vector')).toContainText('✗ wrong 0/2');
  await expect(cell('Mallory', 'rmsnorm-your-vector')).toContainText('answered for ada@uni.example, graded for mallory@uni.example');
  await expect(row('Mallory').locator('td').nth(-2)).toHaveText('1 of 6'); // only the exercise, re-run

  // the JSON export, and the command-line grader on the same files, agree
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'JSON' }).first().click()]);
  const jsonPath = testInfo.outputPath('grades.json');
  await json.saveAs(jsonPath);
  type Sheet = { rows: { identity: { name: string }; points: number; checkpoints: { key: string; points: number; state: string }[] }[] };
  const summary = (sheet: Sheet) => sheet.rows.map((r) => [r.identity.name, r.points, r.checkpoints.map((c) => `${c.key}: ${c.state} ${c.points}`)]);
  const fromPage = JSON.parse(readFileSync(jsonPath, 'utf8')) as Sheet;
  const fromCli = JSON.parse(
    execFileSync(process.execPath, [join(root, 'src/grading/build/cli.ts'), ...files.map((f) => testInfo.outputPath(f.name)), '--settings', settingsPath, '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as Sheet;
  expect(summary(fromPage)).toEqual(summary(fromCli));
  expect(summary(fromPage)).toEqual([
    ['Ada Lovelace', 3, ['gpt/softmax-shift: wrong 0', 'gpt/rmsnorm-three-four: missing 0', 'gpt/rmsnorm-your-vector: right 2']],
    ['Mallory', 1, ['gpt/softmax-shift: wrong 0', 'gpt/rmsnorm-three-four: missing 0', 'gpt/rmsnorm-your-vector: wrong 0']],
  ]);
});
