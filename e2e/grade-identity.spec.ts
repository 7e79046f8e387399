// /grade/ with identity and time from the instructor's side: file names are read only when the
// instructor says the files are an LMS download, a classmate's file re-uploaded under another Canvas
// account is flagged, a hand-in that replaced another name's row is listed with its own grade, and
// the Moodle export says what it leaves out. Nothing is handed in but names, so nothing runs.
import { expect, test } from '@playwright/test';
import { loadLessons } from '../src/lessons/build/lessons.ts';
import { handInText, submitted } from './helpers.ts';
import { collectErrors } from './site.ts';

const lesson = loadLessons().find((l) => l.id === 'first-hour')!;

const handIn = (name: string, email: string, exportedAt?: string) =>
  handInText(
    lesson.id,
    name,
    lesson.exercises.map((e) => submitted(e, null, { attempts: 0 })),
    { email, exportedAt },
  );
const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test("a Canvas download is read as one only when the instructor says so; a classmate's file under another account is flagged", async ({ page }) => {
  const errors = collectErrors(page);
  const ada = await handIn('Ada Lovelace', 'ada@school.example');
  const files = [json('lovelaceada_100_1_hand-in.json', ada), json('evilmallory_200_2_hand-in.json', ada)];
  await page.goto('/grade/');
  await page.getByLabel('Hand-in files').setInputFiles(files);
  await expect(page.locator('.grade-status')).toContainText('Graded 1 student');
  await expect(page.locator('.grade-table tbody tr td').last()).toContainText('identity from the file only');

  await page.getByLabel('Where the files come from').selectOption('canvas');
  await page.getByLabel('Hand-in files').setInputFiles(files);
  await expect(page.locator('.grade-status')).toContainText('Graded 2 students');
  const flags = page.locator('.grade-table tbody tr', { has: page.getByText('ada@school.example') }).locator('td:last-child');
  await expect(flags).toHaveCount(2);
  await expect(flags.filter({ hasText: 'is not Canvas\'s ("evilmallory")' })).toContainText('the same file as Ada Lovelace (Canvas user 100): identical checksum');
  expect(errors).toEqual([]);
});

test("a hand-in under a classmate's email is listed as replacing theirs, and the Moodle export says what it leaves out", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/grade/');
  await page
    .getByLabel('Hand-in files')
    .setInputFiles([
      json('ada.json', await handIn('Ada Lovelace', 'ada@school.example')),
      json('mallory.json', await handIn('Mallory', 'ada@school.example', '2026-12-01T11:00:00.000Z')),
      json('lou.json', await handIn('Lou', 'lou-login')),
    ]);
  await expect(page.locator('.grade-status')).toContainText('Graded 2 students');
  await expect(page.locator('.grade-table tbody tr', { hasText: 'Mallory' })).toContainText('replaced the hand-in of Ada Lovelace (ada.json) under the same email ada@school.example');
  await expect(page.getByRole('heading', { name: 'Hand-ins that did not count' })).toBeVisible();
  await expect(page.locator('.grade-replaced li')).toHaveText([/^Ada Lovelace \(ada\.json\), 0 of \d+(\.\d+)?: replaced by Mallory \(mallory\.json\)/]);
  await expect(page.locator('.grade-export-warnings li').first()).toHaveText('left out Lou (lou.json): the file gives no email address (only the login "lou-login"); enter the grade by hand');
  expect(errors).toEqual([]);
});
