// Offline, end to end: one visit with the network, then none. The first page is controlled by the
// service worker once it is ready (clientsClaim), every file precached; offline, the page reloads,
// a sidebar link opens another chapter, a cell runs, a checkpoint is answered, search finds a
// chapter, loading a dataset from a URL says it needs the network and the playground trains. A fresh context: no other test's service worker or caches.
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { precacheList } from '../src/offline/build/manifest.ts';

const dist = resolve(import.meta.dirname, '..', 'dist');
// the other tests block service workers (playwright.config.ts); these need theirs
const withServiceWorker = { serviceWorkers: 'allow' } as const;

test('after one visit the course works with no network: reload, sidebar, a cell, a checkpoint, search, the playground', async ({ browser }, testInfo) => {
  const expected = precacheList(dist).length;
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...withServiceWorker });
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

  // what needs the network says so; the playground trains (its Worker and chart come from the cache)
  await page.goto('/chapters/dataset/');
  await page.locator('.dataset-url').getByRole('button', { name: 'Load from URL' }).click();
  await expect(page.locator('.dataset-error')).toContainText('offline');
  await page.goto('/playground/');
  await page
    .locator('.pg-run')
    .getByRole('button', { name: /^Train/ })
    .click();
  await expect(page.locator('.pg-chart canvas')).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test('a new version waits for the reader: the page asks, Reload brings it in, and an edit in a cell survives', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...withServiceWorker });
  const page = await context.newPage();
  await page.goto('/chapters/tokenizer/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const cell = page.locator('[data-cell-id="encode-name"]');
  await cell.locator('.cell-code').click();
  await cell.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('console.log("my edit");');

  // a new deploy: the service worker's script changes (a comment added to dist/sw.js, taken out after)
  const sw = resolve(dist, 'sw.js');
  const deployed = readFileSync(sw, 'utf8');
  try {
    writeFileSync(sw, `${deployed}\n// the next version\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  } finally {
    writeFileSync(sw, deployed);
  }
  const prompt = page.locator('.offline-update');
  await expect(prompt).toContainText('A new version of the course is ready', { timeout: 30_000 });
  await expect(page.locator('[data-cell-id="encode-name"] .cm-content')).toHaveText('console.log("my edit");'); // nothing reloaded by itself
  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.locator('.offline-update')).toHaveCount(0);
  await expect(page.locator('[data-cell-id="encode-name"]')).toHaveAttribute('data-edited', '');
  await expect(page.locator('[data-cell-id="encode-name"] .cell-code')).toContainText('console.log("my edit");');
  await context.close();
});
