// What several specs do the same way: find a cell, type over its code as a reader would, and write
// a hand-in file the way the student's page does.
import { expect, type Locator, type Page } from '@playwright/test';
import { loadBook } from '../src/book/build/book.ts';
import { createSubmission, type SubmittedExercise } from '../src/grading/shared/submission.ts';

// an exercise of the book, by its chapter and id
export const bookExercise = (chapter: string, id: string) =>
  loadBook()
    .find((c) => c.slug === chapter)!
    .exercises.find((e) => e.id === id)!;

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
