// Teaching with the course: lesson pages, an instructor's assignment link, a student's checklist
// and hand-in, and grading that checks every exercise again.
import { expect, test } from '@playwright/test';
import { wcagViolations } from './axe.ts';
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
  await page.goto('/assignment/?lesson=first-hour&due=2099-12-01&tz=Mars/Olympus');
  await expect(page.getByRole('alert')).toHaveText(/time zone is not one this browser knows \("Mars\/Olympus"\)/);
  await page.goto('/assignment/?lesson=first-hour&due=2099-12-01&ex=dataset/bigram-counts&pts=lots');
  await expect(page.getByRole('alert')).toHaveText(/points for "dataset\/bigram-counts" are not a number from 0 to 1000 \("lots"\)/);
});

test('an old link (lesson, class, due and note only) still works: every exercise, 1 point, due 23:59 UTC', async ({ page }) => {
  await page.goto('/assignment/?lesson=transformer-block&class=CS%20101&due=2099-12-01');
  await expect(page.locator('.assignment-due')).toContainText('(UTC)');
  await expect(page.locator('.assignment-due')).toContainText(/23:59|11:59/);
  await expect(page.locator('.assignment-points')).toHaveText('2 points for 2 exercises');
  await expect(page.locator('.assignment-exercises li')).toHaveCount(2);
});

test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('an instructor makes a link; a student solves an exercise and hands in; the instructor grades it beside a broken file', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    // the instructor: what counts and for how much, when (in Paris), the late rule and the LMS column
    await page.goto('/assign/?lesson=transformer-block');
    await expect(page.getByLabel('Lesson')).toHaveValue('transformer-block');
    await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York'); // the browser's own
    await expect(page.getByLabel('LMS assignment name')).toHaveValue('The transformer block');
    await page.getByLabel('Class name').fill('CS 101 <img src=x onerror="window.pwned=1">');
    await expect(page.locator('.assign-exercise input[type="checkbox"]')).toHaveCount(2);
    await expect(page.locator('.assign-exercise input[type="checkbox"]:checked')).toHaveCount(2);
    await page.locator('.assign-exercise input[type="number"]').first().fill('2');
    // the lesson's checkpoints count unless unticked (e2e/checkpoint-grading.spec.ts grades them): here none do
    await expect(page.locator('.assign-checkpoint input[type="checkbox"]:checked')).toHaveCount(3);
    for (const box of await page.locator('.assign-checkpoint input[type="checkbox"]').all()) await box.uncheck();
    await page.getByLabel('Due date').fill('2099-12-01');
    await expect(page.getByLabel('Due time')).toHaveValue('23:59');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Make the link' }).click();
    await expect(page.locator('.assign-problems')).toContainText('Time zone: "Mars/Olympus" is not a time zone this browser knows');
    await expect(page.getByLabel('Time zone')).toBeFocused();
    await expect(page.getByLabel('Class name')).toHaveValue(/^CS 101/); // nothing typed is lost
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await page.getByLabel('A penalty for each started day late').check();
    await page.getByLabel('Penalty per day').fill('10');
    await page.getByLabel('Days accepted late').fill('3');
    await page.getByLabel('LMS assignment id').fill('4711');
    await page.getByLabel('Note to students').fill('Bring one question.');
    const [settingsDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make the link' }).click()]);
    expect(settingsDownload.suggestedFilename()).toBe('transformer-block-grading.json');
    const settingsPath = testInfo.outputPath('transformer-block-grading.json');
    await settingsDownload.saveAs(settingsPath);
    expect(JSON.parse(readFileSync(settingsPath, 'utf8'))).toEqual({
      format: 'annotated-microgpt-grading',
      version: 1,
      lesson: 'transformer-block',
      className: 'CS 101 <img src=x onerror="window.pwned=1">',
      exercises: [
        { chapter: 'gpt', id: 'softmax-max', points: 2 },
        { chapter: 'gpt', id: 'my-rmsnorm', points: 1 },
      ],
      due: { date: '2099-12-01', time: '23:59', timeZone: 'Europe/Paris' },
      late: { rule: 'penalty', percentPerDay: 10, maxDays: 3 },
      lmsAssignment: { name: 'The transformer block', id: '4711' },
    });
    await expect(page.locator('.assign-problems')).toBeHidden();
    const link = await page.getByLabel('Link for students').inputValue();
    expect(new URL(link).pathname).toBe('/assignment/');
    expect(new URL(link).search).toContain('&due=2099-12-01&time=23:59&tz=Europe/Paris&ex=gpt/softmax-max,gpt/my-rmsnorm&pts=2,1&');
    expect(link).not.toMatch(/4711|penalty/);

    // the student, in New York
    await page.goto(link);
    await expect(page.locator('.assignment-class')).toHaveText('CS 101 <img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.locator('.assignment-note')).toHaveText('Note from your instructor: Bring one question.');
    await expect(page.locator('.assignment-due')).toContainText('2099');
    await expect(page.locator('.assignment-due')).toContainText(/(23:59|11:59 PM) \(Europe\/Paris\), in \d+ days/);
    await expect(page.locator('.assignment-due-local')).toHaveText(/^That is .*(17:59|5:59 PM) \(America\/New_York\) where you are\.$/);
    await expect(page.locator('.assignment-points')).toHaveText('3 points for 2 exercises');
    await expect(page.locator('.assignment-exercises li').first()).toContainText('(2 points)');
    await expect(page.locator('.assignment-progress')).toHaveText(/^0 of 7 done\.$/);
    expect(await wcagViolations(page), 'the filled assignment page').toEqual([]);
    await page.locator('.assignment-exercises a').first().click();
    const ex = page.locator('#exercise-softmax-max');
    await expect(ex).toHaveAttribute('data-ready', ''); // arrived by a link: wait for the page's script
    await ex.getByRole('button', { name: /^Hint/ }).click();
    await ex.getByRole('button', { name: 'Solution' }).click();
    await ex.getByRole('button', { name: 'Show the solution' }).click();
    await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
    await page.reload();
    await expect(ex).toHaveAttribute('data-ready', '');
    await expect(ex.locator('.exercise-hints li').first()).toBeVisible(); // the hint opened stays open
    await page.goto(link);
    await page.locator('.assignment-readings input[type="checkbox"]').first().check();
    await expect(page.locator('.assignment-progress')).toHaveText('2 of 7 done.');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel("Email or login (as your course's LMS knows you)").fill('   ');
    await page.getByRole('button', { name: 'Download hand-in file' }).click();
    await expect(page.locator('.handin-status')).toHaveText('Fill in your email or login first: your instructor matches the file to you by them.');
    await page.getByLabel('Email or login').fill('ada@uni.example');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download hand-in file' }).click()]);
    expect(download.suggestedFilename()).toBe('transformer-block-ada-lovelace.json');
    const handIn = testInfo.outputPath('ada.json');
    await download.saveAs(handIn);
    const submission = JSON.parse(readFileSync(handIn, 'utf8'));
    expect(submission.version).toBe(2);
    expect(submission.student).toEqual({ name: 'Ada Lovelace', email: 'ada@uni.example' });
    expect(submission.assignment).toMatchObject({
      due: '2099-12-01',
      time: '23:59',
      timeZone: 'Europe/Paris',
      exercises: [
        { id: 'softmax-max', points: 2 },
        { id: 'my-rmsnorm', points: 1 },
      ],
    });
    expect(submission.exercises.map((e: { passed: boolean }) => e.passed)).toEqual([true, false]);
    expect(submission.exercises[0]).toMatchObject({ attempts: 1, hintsOpened: 1, solutionShownAt: expect.any(String), version: expect.any(String) });
    expect(submission.exercises[1]).toMatchObject({ code: null, attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' });
    await page.reload();
    await expect(page.getByLabel('Your name')).toHaveValue('Ada Lovelace');
    await expect(page.getByLabel('Email or login')).toHaveValue('ada@uni.example');

    // the instructor again, with the hand-in and a file cut short
    await page.goto('/grade/');
    const text = readFileSync(handIn, 'utf8');
    await page.getByLabel('Hand-in files').setInputFiles([
      { name: 'ada.json', mimeType: 'application/json', buffer: Buffer.from(text) },
      { name: 'bob.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 200)) },
      { name: 'cy.json', mimeType: 'application/json', buffer: Buffer.from(text.replace('Ada Lovelace', 'Cy')) },
    ]);
    await expect(page.locator('.grade-status')).toHaveText(
      /^Graded 1 student \(1 exercise runs in [\d.]+ s\), without a seed: the grading checks did not run; 2 files could not be graded \(below\)\.$/,
    );
    const row = page.locator('.grade-table tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row.locator('th')).toHaveText('Ada Lovelaceada@uni.example');
    await expect(row.locator('td.mark').nth(0)).toContainText('✓ passed 1/1');
    await expect(row.locator('td.mark').nth(0)).toContainText('solution shown');
    await expect(row.locator('td.mark').nth(1)).toHaveText('— missing 0/1');
    // without settings, the lesson's own points: an exercise each, and its checkpoints (1 + 1 + 2), unanswered
    await expect(row.locator('td.mark.checkpoint')).toHaveCount(3);
    await expect(row.locator('td').nth(-2)).toHaveText('1 of 6');
    await expect(page.locator('.grade-errors li')).toHaveText([
      'bob.json: the file is cut short (truncated): its JSON ends early',
      'cy.json: the file was changed after it was exported (its checksum does not match)',
    ]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Canvas gradebook CSV' }).click()]);
    const csvPath = testInfo.outputPath('grades.csv');
    await csv.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^Student,ID,SIS User ID,SIS Login ID,Section,/);
    expect(lines[1]).toMatch(/^Points Possible,,,,,6$/);
    expect(lines[2]).toMatch(/^Ada Lovelace,,,ada@uni\.example,,1$/);
    expect(await wcagViolations(page), 'the filled grade page').toEqual([]);
    expect(errors).toEqual([]);
  });
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
