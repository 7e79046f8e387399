// Offline, end to end: one visit with the network, then none. The first page is controlled by the
// service worker once it is ready (clientsClaim), every file precached; offline, the page reloads,
// a sidebar link opens another chapter, a cell runs, a checkpoint is answered and search finds a
// chapter. A fresh context: no other test's service worker or caches.
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { precacheList } from '../src/offline/build/manifest.ts';

test('after one visit the course works with no network: reload, sidebar, a cell, a checkpoint, search', async ({ browser }, testInfo) => {
  const expected = precacheList(resolve(import.meta.dirname, '..', 'dist')).length;
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto('/chapters/introduction/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const precache = names.find((n) => n.includes('precache'));
    return precache ? (await (await caches.open(precache)).keys()).length : 0;
  });
  expect(cached).toBe(expected);
  // installable: Chromium finds nothing missing (manifest, icons, a service worker); a test's
  // context is incognito, which is no fault of the site's
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  console.log(`fully cached first visit: ${((Date.now() - started) / 1000).toFixed(1)} s (${cached} files)`);

  await context.setOffline(true);
  // really offline: what is not precached (a cartridge) cannot be fetched
  expect(
    await page.evaluate(() =>
      fetch('/cartridges/first-hour.imscc').then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await page.reload();
  await expect(page.locator('h1')).toContainText('Introduction');

  await page.locator('nav.sidebar a[href="/chapters/tokenizer/"]').first().click();
  await expect(page).toHaveURL(/\/chapters\/tokenizer\/$/);

  const cell = page.locator('[data-cell-id="vocabulary-table"]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('.cell-status')).toHaveText(/The output matches the book\./, { timeout: 30_000 });

  const checkpoint = page.locator('#checkpoint-astral-tokens');
  await checkpoint.getByRole('radio', { name: '4', exact: true }).check();
  await checkpoint.getByRole('button', { name: 'Check' }).click();
  await expect(checkpoint).toHaveAttribute('data-state', 'right');

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('optimizer');
  await expect(dialog.locator('a[href*="/chapters/"]').first()).toBeVisible({ timeout: 15_000 });
  await context.close();
});
