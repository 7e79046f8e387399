// A cell tells the truth about its state: Reset goes back to the book's output, Run cannot restart
// a run unseen, focus stays where the reader put it, and nothing typed or clicked at load is lost.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { cellOf, editCell as edit } from './helpers.ts';

const button = (cell: Locator, name: string) => cell.getByRole('button', { name, exact: true });

// holds back the scripts whose address matches until release() is called
async function hold(page: Page, url: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// WCAG's contrast ratio of two computed rgb() colours
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("Reset shows the book's output and state again, as on first load", async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'round-trip');
  const output = cell.getByRole('region', { name: 'Output' });
  const book = (await output.textContent())!;
  await edit(page, cell, "import { table } from '@microgpt/display';\ntable([{ a: 1 }], { title: 'mine' });\nconsole.log('mine');");
  await button(cell, 'Run').click();
  await expect(cell.locator('.cell-status')).toContainText('differs from the book');
  await expect(cell.locator('.cell-diff')).toBeVisible();
  await expect(cell.locator('.cell-displays')).toBeVisible();
  await button(cell, 'Reset').click();
  await expect(cell.locator('.cm-content')).toContainText('tokenizer.decode(ids)');
  await expect(output).toHaveText(book);
  await expect(cell.locator('.cell-status')).toHaveText('');
  await expect(cell.locator('.cell-diff')).toBeHidden();
  await expect(cell.locator('.cell-displays')).toBeHidden();
  await expect(cell).not.toHaveAttribute('data-result');
});

test('Reset during a run stops it and shows the book again', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'local-grads');
  const output = cell.getByRole('region', { name: 'Output' });
  const book = (await output.textContent())!;
  await edit(page, cell, 'console.log("spinning");\nwhile (true) {}');
  await button(cell, 'Run').click();
  await expect(output).toHaveText('spinning\n');
  await button(cell, 'Reset').click();
  await expect(output).toHaveText(book);
  await expect(cell.locator('.cell-status')).toHaveText('');
  await expect(button(cell, 'Stop')).toBeDisabled();
  await expect(button(cell, 'Run')).toBeEnabled();
});

test('Run is off while a cell runs, which shows its time so far and its limit; Ctrl+Enter does not restart it', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(page, cell, 'while (true) {}');
  await button(cell, 'Run').click();
  await expect(button(cell, 'Run')).toBeDisabled();
  const clock = cell.getByRole('timer');
  await expect(clock).toHaveText(/^\d+\.\d s \(time limit 10 s\)$/);
  await expect(clock).toHaveText(/^[1-9]\.\d s/); // it counts: a second has passed
  await cell.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  // a restart would set the clock back to 0.0 s at once
  expect(Number.parseFloat((await clock.textContent())!)).toBeGreaterThanOrEqual(1);
  await expect(cell.locator('.cell-status')).toHaveText('Running…');
  await button(cell, 'Stop').click();
  await expect(cell.locator('.cell-status')).toHaveText('Stopped.');
  await expect(button(cell, 'Run')).toBeEnabled();
  await expect(clock).toBeHidden();
});

test('before the script loads, the disabled buttons say why', async ({ page }) => {
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'encode-name');
  for (const name of ['Run', 'Reset']) {
    await expect(button(cell, name)).toBeDisabled();
    await expect(button(cell, name)).toHaveAccessibleDescription(/page's script/);
  }
  await expect(button(cell, 'Stop')).toHaveAccessibleDescription(/nothing is running/i);
  await page.unroute('**/*.js');
  await page.reload();
  await expect(button(cellOf(page, 'encode-name'), 'Run')).toBeEnabled();
  await expect(button(cellOf(page, 'encode-name'), 'Run')).toHaveAccessibleDescription('Run (Ctrl+Enter)');
});

test("tabbing onto a cell's code and on past it: the editor, loading meanwhile, does not take focus back", async ({ page }) => {
  const release = await hold(page, '**/_astro/editor.*.js');
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'encode-name');
  await cell.locator('.cell-code pre').focus();
  await page.keyboard.press('Tab');
  await expect(button(cell, 'Run')).toBeFocused();
  release();
  await expect(cell.locator('.cm-editor')).toBeVisible();
  await expect(button(cell, 'Run')).toBeFocused();
});

test("focusing a cell's code and staying there: the editor takes focus when it arrives", async ({ page }) => {
  const release = await hold(page, '**/_astro/editor.*.js');
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'encode-name');
  await cell.locator('.cell-code pre').focus();
  release();
  await expect(cell.locator('.cm-content')).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the editor's focus ring stands out from the page (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/chapters/tokenizer/');
    const cell = cellOf(page, 'encode-name');
    await cell.locator('.cell-code').click();
    await expect(cell.locator('.cm-content')).toBeFocused();
    const ring = await cell.locator('.cm-editor').evaluate((e) => {
      const s = getComputedStyle(e);
      return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth), color: s.outlineColor, page: getComputedStyle(document.body).backgroundColor };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.page)).toBeGreaterThanOrEqual(3); // WCAG 1.4.11, non-text contrast
  });
}

test('"/" pressed before search has loaded keeps what is typed next', async ({ page }) => {
  const release = await hold(page, '**/_astro/ui-core.*.js'); // Pagefind's search box
  await page.goto('/chapters/introduction/', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('button[data-open-modal]')).toBeEnabled();
  await expect(page.locator('button[data-open-modal]')).toHaveAttribute('aria-label', /K$/); // the "/" shortcut is in place
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('adam');
  release();
  const input = dialog.getByRole('textbox');
  await expect(input).toHaveValue('adam');
  await expect(input).toBeFocused();
  await expect(dialog.locator('a[href*="/chapters/adam/"]').first()).toBeVisible({ timeout: 15_000 });
});
