// What several specs do the same way: find a cell, type over its code as a reader would, write
// a hand-in file the way the student's page does, and serve a page whose code runs under a shorter
// time limit.
import { expect, type Locator, type Page } from '@playwright/test';
import { loadBook } from '../src/book/build/book.ts';
import { createSubmission, type SubmittedExercise } from '../src/grading/shared/submission.ts';

// an exercise of the book, by its chapter and id
export const bookExercise = (chapter: string, id: string) =>
  loadBook()
    .find((c) => c.slug === chapter)!
    .exercises.find((e) => e.id === id)!;

// Serves `path` with each cell's and exercise's time limit (the page's own data, 10 s by default)
// set to `seconds`: a test of what a limit does waits that long, not the book's 10 s, spinning a core
// all the while. The tests that show the limit a reader sees check the book's own.
export async function withTimeLimit(page: Page, path: string, seconds: number): Promise<void> {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const shortened = html.replaceAll('"timeoutMs":10000', `"timeoutMs":${seconds * 1000}`);
      expect(shortened, `${path} holds a 10 s time limit to shorten`).not.toEqual(html);
      await route.fulfill({ response, body: shortened });
    },
  );
}

export const cellOf = (page: Page, id: string) => page.locator(`[data-cell-id="${id}"]`);

// replace the cell's code by typing into its editor
export async function editCell(page: Page, cell: Locator, code: string): Promise<void> {
  await cell.locator('.cell-code').click();
  const editor = cell.locator('.cm-content');
  await expect(editor).toBeVisible();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

// an exercise as handed in: this code (null: never attempted), claimed passed when there is code
export const submitted = (e: { chapter: string; id: string }, code: string | null, { attempts = 1 } = {}): SubmittedExercise => ({
  chapter: e.chapter,
  id: e.id,
  code,
  passed: code !== null,
  passedAt: null,
  attempts,
  hintsOpened: 0,
  solutionShownAt: null,
  version: '',
});

// a hand-in file's text for a lesson, due far ahead, from a student of class "e2e"
export async function handInText(lesson: string, name: string, exercises: SubmittedExercise[], { email = `${name.toLowerCase()}@school.example`, exportedAt = '2026-12-01T10:00:00.000Z' } = {}) {
  const assignment = { lesson, className: 'e2e', note: '', due: '2099-12-01', time: '23:59', timeZone: 'UTC', exercises: [] };
  return JSON.stringify(await createSubmission({ assignment, student: { name, email }, exportedAt, readings: [], exercises }));
}
