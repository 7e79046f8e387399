// Teaching with the course: lesson pages, an instructor's assignment link, a student's checklist
// and hand-in, and grading that checks every exercise again.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { collectErrors } from './site.ts';

test('the lessons page lists the lessons, and a lesson page has its parts and prints as a handout', async ({ page }) => {
  await page.goto('/lessons/');
  await expect(page.locator('.lesson-list > li')).toHaveCount(4);
  await page.getByRole('link', { name: 'The transformer block' }).click();
  await expect(page.getByRole('heading', { name: 'For the instructor' })).toBeVisible();
  await expect(page.locator('.lesson-exercises a').first()).toHaveAttribute('href', /\/chapters\/gpt\/#exercise-softmax-max$/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.instructor-notes')).toBeHidden();
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Objectives' })).toBeVisible();
});

test('a link with a bad lesson or date says so', async ({ page }) => {
  await page.goto('/assignment/?lesson=nope&due=2026-12-01');
  await expect(page.getByRole('alert')).toHaveText(/names a lesson this site does not have \("nope"\)/);
  await page.goto('/assignment/?lesson=first-hour&due=tomorrow');
  await expect(page.getByRole('alert')).toHaveText(/due date is not a date \("tomorrow"\)/);
});

test('an instructor makes a link; a student solves an exercise and hands in; the instructor grades it beside a broken file', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  // the instructor
  await page.goto('/assign/?lesson=transformer-block');
  await expect(page.getByLabel('Lesson')).toHaveValue('transformer-block');
  await page.getByLabel('Class name').fill('CS 101 <img src=x onerror="window.pwned=1">');
  await page.getByLabel('Due date').fill('2099-12-01');
  await page.getByLabel('Note to students').fill('Bring one question.');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = await page.getByLabel('Link for students').inputValue();
  expect(new URL(link).pathname).toBe('/assignment/');

  // the student
  await page.goto(link);
  await expect(page.locator('.assignment-class')).toHaveText('CS 101 <img src=x onerror="window.pwned=1">');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(page.locator('.assignment-note')).toHaveText('Note from your instructor: Bring one question.');
  await expect(page.locator('.assignment-due')).toContainText('2099');
  await expect(page.locator('.assignment-progress')).toHaveText(/^0 of 7 done\.$/);
  await page.locator('.assignment-exercises a').first().click();
  const ex = page.locator('#exercise-softmax-max');
  await expect(ex).toHaveAttribute('data-ready', ''); // arrived by a link: wait for the page's script
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
  await page.goto(link);
  await page.locator('.assignment-readings input[type="checkbox"]').first().check();
  await expect(page.locator('.assignment-progress')).toHaveText('2 of 7 done.');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download hand-in file' }).click()]);
  expect(download.suggestedFilename()).toBe('transformer-block-ada-lovelace.json');
  const handIn = testInfo.outputPath('ada.json');
  await download.saveAs(handIn);
  const submission = JSON.parse(readFileSync(handIn, 'utf8'));
  expect(submission.exercises.map((e: { passed: boolean }) => e.passed)).toEqual([true, false]);

  // the instructor again, with the hand-in and a file cut short
  await page.goto('/grade/');
  const text = readFileSync(handIn, 'utf8');
  await page.getByLabel('Hand-in files').setInputFiles([
    { name: 'ada.json', mimeType: 'application/json', buffer: Buffer.from(text) },
    { name: 'bob.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 200)) },
    { name: 'cy.json', mimeType: 'application/json', buffer: Buffer.from(text.replace('Ada Lovelace', 'Cy')) },
  ]);
  await expect(page.locator('.grade-status')).toHaveText('Graded 1 hand-in; 2 files could not be graded (below).');
  const row = page.locator('.grade-table tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('th')).toHaveText('Ada Lovelace');
  await expect(row.locator('td.mark').nth(0)).toHaveText('✓ passed');
  await expect(row.locator('td.mark').nth(1)).toHaveText('— missing');
  await expect(row.locator('td').last()).toHaveText('1 of 2');
  await expect(page.locator('.grade-errors li')).toHaveText([
    'bob.json: the file is cut short (truncated): its JSON ends early',
    'cy.json: the file was changed after it was exported (its checksum does not match)',
  ]);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csvPath = testInfo.outputPath('grades.csv');
  await csv.saveAs(csvPath);
  expect(readFileSync(csvPath, 'utf8').split('\r\n')[1]).toMatch(/^Ada Lovelace,ada\.json,[^,]+,,passed,missing,1,2$/);
  expect(errors).toEqual([]);
});

test('progress: a chapter read at its end is marked in the sidebar and counted on the home page; a bad import is refused', async ({ page }, testInfo) => {
  await page.goto('/chapters/tokenizer/');
  await page.locator('.pagination-links').scrollIntoViewIfNeeded();
  await expect(page.locator('nav.sidebar a[href$="/chapters/tokenizer/"] .read-mark')).toHaveCount(1);
  await page.goto('/');
  const panel = page.locator('[data-progress-panel]');
  await expect(panel).toHaveAttribute('data-read', '1');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export progress' }).click()]);
  const saved = testInfo.outputPath('progress.json');
  await download.saveAs(saved);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(panel).toHaveAttribute('data-read', '0');
  await panel.getByLabel('Import progress').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(panel.getByRole('alert')).toHaveText('notes.txt was not imported: not a progress file: it is not JSON (was it cut short?). Your progress here is unchanged.');
  await panel.getByLabel('Import progress').setInputFiles(saved);
  await expect(panel).toHaveAttribute('data-read', '1');
  // a corrupted saved state is set aside with a message, not lost
  await page.evaluate(() => localStorage.setItem('microgpt:progress', '{"format": "annotated-micro'));
  await page.reload();
  await expect(panel.getByRole('alert')).toContainText('Your saved progress could not be read');
  expect(await page.evaluate(() => localStorage.getItem('microgpt:progress:unreadable'))).toBe('{"format": "annotated-micro');
});

test('a hand-in whose code never ends is stopped by its time limit and marked failed; the filled pages meet WCAG 2.2 AA', async ({ page }) => {
  test.setTimeout(90_000);
  const { createSubmission } = await import('../src/shared/handin/submission.ts');
  const assignment = { lesson: 'transformer-block', className: 'CS 101', due: '2099-12-01', note: 'Read first.' };
  const looping = await createSubmission({
    assignment,
    student: 'Lou',
    exportedAt: new Date().toISOString(),
    readings: [],
    exercises: [{ chapter: 'gpt', id: 'softmax-max', code: 'function mySoftmax(logits: Value[]): Value[] {\n  while (true) {}\n}', passed: false, passedAt: null }],
  });
  await page.goto('/grade/');
  await page.getByLabel('Hand-in files').setInputFiles({ name: 'lou.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(looping)) });
  const mark = page.locator('.grade-table tbody tr td.mark').first();
  await expect(mark).toContainText('✗ failed', { timeout: 30_000 });
  await expect(mark).toContainText('Stopped: the submitted code ran past its time limit of 10 s.');
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const AxeBuilder = (await import('@axe-core/playwright')).default;
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.goto(`/assignment/?lesson=transformer-block&class=CS%20101&due=2099-12-01&note=Read%20first.`);
  await expect(page.locator('.assignment-readings li')).toHaveCount(5);
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
});
