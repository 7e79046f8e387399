// Checkpoints: each kind answered wrong (with the explanation for that answer), then right after a
// retry; keyboard-only answering; a right answer kept in progress; the answers absent from the
// page source; no WCAG 2.2 AA violations in either theme, feedback shown; and a phone's width.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { wcagInBothThemes } from './axe.ts';

const feedback = (cp: Locator) => cp.locator('.checkpoint-feedback');

async function ready(page: Page, path: string, id: string): Promise<Locator> {
  await page.goto(`${path}#checkpoint-${id}`);
  const cp = page.locator(`#checkpoint-${id}`);
  await expect(cp.getByRole('button', { name: 'Check' })).toBeEnabled();
  return cp;
}

test('multiple choice: a wrong choice says why it is wrong, a retry with the right one says right, and progress keeps it', async ({ page }) => {
  const cp = await ready(page, '/chapters/tokenizer/', 'astral-tokens');
  const group = cp.getByRole('group', { name: /How many tokens does the tokenizer make of/ });
  await group.getByRole('radio', { name: '5', exact: true }).check();
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(cp).toHaveAttribute('data-state', 'wrong');
  await expect(feedback(cp)).toContainText('Not quite.');
  await expect(feedback(cp)).toContainText('5 is what length counts: UTF-16 units');
  await group.getByRole('radio', { name: '4', exact: true }).check();
  await expect(cp).not.toHaveAttribute('data-state'); // a changed answer clears the old verdict
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(cp).toHaveAttribute('data-state', 'right');
  await expect(feedback(cp)).toContainText('Right.');
  await expect(feedback(cp)).toContainText('which visits whole code points');
  const saved = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('progress'))?.[1]);
  expect(JSON.parse(saved!).checkpoints['tokenizer/astral-tokens']).toMatchObject({ tries: 2 });
  await page.reload();
  await expect(page.locator('#checkpoint-astral-tokens .checkpoint-done')).toBeVisible();
  // the home page counts it, in the summary and beside the chapter
  await page.goto('/');
  await expect(page.locator('.progress-summary')).toContainText(/, 1 of \d+ checkpoints answered\./);
  await expect(page.locator('.chapter-list li[data-chapter="tokenizer"] .chapter-progress')).toContainText(/1 of \d+ checkpoints answered/);
});

test('predict the output: the output hidden until answered, a foreseen wrong prediction explained, the line or the number accepted, and the answer shown again on return', async ({ page }) => {
  const cp = await ready(page, '/chapters/tokenizer/', 'four-names-vocab');
  const output = page.locator('.cell[data-cell-id="vocabulary-table"] .cell-output pre');
  await expect(output).toBeHidden(); // the book's output would give the answer away
  await expect(cp.getByRole('group', { name: /What number does its last line/ })).toBeVisible();
  const input = cp.getByLabel(/Your answer, as the question asks for it/);
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(feedback(cp)).toHaveText('Type your prediction first.');
  await input.fill('7');
  await input.press('Enter');
  await expect(cp).toHaveAttribute('data-state', 'wrong');
  await expect(feedback(cp)).toContainText('7 is the number of distinct letters, but BOS is a token too');
  await input.fill('9');
  await input.press('Enter');
  await expect(feedback(cp)).toContainText('Run the cell to see what it prints');
  await expect(feedback(cp)).toContainText('Count each distinct letter once'); // the hint, for an answer nobody foresaw
  await expect(output).toBeHidden();
  await input.fill('vocab size: 8'); // the line the question points at, as it prints
  await input.press('Enter');
  await expect(cp).toHaveAttribute('data-state', 'right');
  await expect(feedback(cp)).toContainText('Now run the cell');
  await expect(output).toBeVisible();
  await cp.getByRole('button', { name: 'Go to the cell and run it' }).click();
  const cell = page.locator('.cell[data-cell-id="vocabulary-table"]');
  await expect(cell.locator('.cell-status')).toHaveText(/The output matches the book/); // it ran
  await page.reload();
  await expect(input).toHaveValue('vocab size: 8');
  await expect(cp).toHaveAttribute('data-state', 'right');
  await expect(feedback(cp)).toContainText('Seven distinct letters');
  await expect(output).toBeVisible();
});

test('predict by picking: the choice the cell prints is right, and each other choice says why not', async ({ page }) => {
  const cp = await ready(page, '/chapters/autograd/', 'mul-local-grads');
  await cp.getByRole('radio', { name: '[ 2, -3 ]' }).check();
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(feedback(cp)).toContainText("Those are the inputs' own numbers");
  await cp.getByRole('radio', { name: '[ -3, 2 ]' }).check();
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(cp).toHaveAttribute('data-state', 'right');
  await expect(feedback(cp)).toContainText('its partner');
});

test('numeric: within the tolerance is right, a computed mistake is explained, text that is no number is refused', async ({ page }) => {
  const cp = await ready(page, '/chapters/autograd/', 'chain-rule-slope');
  const input = cp.getByLabel(/Your answer \(right within ±0.01\)/);
  await input.fill('about 23');
  await input.press('Enter');
  await expect(feedback(cp)).toContainText('is not a number');
  await expect(cp).toHaveAttribute('data-state', 'incomplete');
  await input.fill('5.75');
  await input.press('Enter');
  await expect(cp).toHaveAttribute('data-state', 'wrong');
  await expect(feedback(cp)).toContainText('That is y itself');
  await input.fill('23.02');
  await input.press('Enter');
  await expect(cp).toHaveAttribute('data-state', 'right');
  await expect(feedback(cp)).toContainText('dy/dx = 4y');
});

test('click the line: a tempting wrong line says why, the right line is right', async ({ page }) => {
  const cp = await ready(page, '/chapters/tokenizer/', 'bos-line');
  await cp.getByRole('radio', { name: /this\.vocabSize = this\.uchars\.length \+ 1;/ }).check();
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(feedback(cp)).toContainText('Look one line up');
  await cp.getByRole('radio', { name: /this\.BOS = this\.uchars\.length;/ }).check();
  await cp.getByRole('button', { name: 'Check' }).click();
  await expect(cp).toHaveAttribute('data-state', 'right');
});

test('keyboard only: choose with the arrow keys, order steps with the move buttons, check with Enter', async ({ page }) => {
  // multiple choice
  const choice = await ready(page, '/chapters/autograd/', 'relu-blocks');
  await choice.getByRole('radio').first().focus();
  await page.keyboard.press('Space'); // select the first choice: 0
  await page.keyboard.press('ArrowDown'); // then the second: 1
  await page.keyboard.press('Tab');
  await expect(choice.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(feedback(choice)).toContainText("1 is relu's slope where it passes");
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(choice).toHaveAttribute('data-state', 'right');

  // order: move each step into place with its Up button and Enter, then check
  const order = await ready(page, '/chapters/autograd/', 'backward-steps');
  const right = ['Compute the loss forward', 'Sort the graph', "Set the loss's own grad to 1", 'Walk the sorted list in reverse', 'At each node, add local gradient'];
  const steps = order.locator('.checkpoint-steps > li');
  await order.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  await expect(order).toHaveAttribute('data-state', 'wrong');
  await expect(feedback(order)).toContainText(/Not yet: \d of 5 steps are in their place/);
  for (const [target, text] of right.entries()) {
    const texts = await steps.locator('.checkpoint-step-text').allTextContents();
    const at = texts.findIndex((t) => t.startsWith(text));
    const up = steps.nth(at).getByRole('button', { name: /^Up/ });
    await up.focus();
    for (let k = at; k > target; k--) await page.keyboard.press('Enter'); // the focus stays on the moved step's button
    await expect(steps.nth(target).locator('.checkpoint-step-text')).toHaveText(new RegExp(`^${text.replace(/[()]/g, '\\$&')}`));
  }
  await order.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  await expect(order).toHaveAttribute('data-state', 'right');
  await expect(feedback(order)).toContainText('The graph exists only once the forward pass has built it');
});

test('the answers are not in the page source', async ({ page, request }) => {
  const html = await (await request.get('/chapters/tokenizer/')).text();
  expect(html).toContain('data-checkpoint-id="four-names-vocab"');
  for (const secret of ['Seven distinct letters', '7 is the number of distinct letters', '"correct"', 'mistakes:']) expect(html, `the page source holds ${secret}`).not.toContain(secret);
  await page.goto('/chapters/tokenizer/');
  const data = await page.locator('#checkpoint-four-names-vocab .checkpoint-data').textContent();
  expect(data).not.toMatch(/"(answer|why)"/);
});

test('checkpoints, feedback shown, have no WCAG 2.2 AA violations in the light and the dark theme', async ({ page }) => {
  for (const path of ['/chapters/tokenizer/', '/chapters/autograd/']) {
    await page.goto(path);
    const checkpoints = page.locator('.checkpoint');
    await expect(checkpoints.first().getByRole('button', { name: 'Check' })).toBeEnabled();
    // one wrong and one right verdict on the page, so both colours are checked
    const [first, second] = [checkpoints.nth(0), checkpoints.nth(1)];
    const firstRadio = first.getByRole('radio').first();
    if (await firstRadio.count()) await firstRadio.check();
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first).toHaveAttribute('data-state', /right|wrong/);
    await second.getByRole('button', { name: 'Check' }).click();
    await expect(second).toHaveAttribute('data-state', /.+/);
    expect(await wcagInBothThemes(page, '.checkpoint'), path).toEqual({ light: [], dark: [] });
  }
});

test('at a phone width (390px) checkpoints fit: nothing widens the page, buttons stay in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/chapters/tokenizer/', '/chapters/autograd/']) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const cp of await page.locator('.checkpoint').all()) {
      const box = (await cp.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const check = (await cp.getByRole('button', { name: 'Check' }).boundingBox())!;
      expect(check.x + check.width).toBeLessThanOrEqual(390);
    }
  }
});
