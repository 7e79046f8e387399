// Every kind of page, loaded once: it loads without a console error or a failed request, shows its
// heading, and meets WCAG 2.2 AA (axe) in the light theme; switched to the dark theme in the same
// load with Starlight's own theme picker, it meets the rules that depend on colour; a chapter, at
// 1280 and 1920 px, cuts off no line of code; narrowed to a phone's width, the page does not scroll
// sideways and nothing in it does without showing that it scrolls (e2e/reading.ts). A chapter's
// deeper sections are folded when it loads, and opened before the rest is checked. Pages built
// from one template with other data (the engine's modules, the lesson plans) are checked on one of
// each engine and one lesson plan: the rest differ in text, not in markup or style. The built-site
// tests (e2e/dist.test.ts) check every page's links and assets.
import { expect, type Page, test } from '@playwright/test';
import { loadBook } from '../src/book/build/book.ts';
import { deeperSlugs } from '../src/book/build/core-path.ts';
import { COLOUR_RULES, wcagViolations } from './axe.ts';
import { cutCode, silentScrollers } from './reading.ts';
import { builtPages, collectErrors } from './site.ts';

const PHONE = { width: 390, height: 844 };
const WIDE = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

// the pages that stand for their template's others
const OTHERS_OF_A_TEMPLATE = [/^\/engine\/(?!value\/$|fast\/model\/$)/, /^\/lessons\/(?!first-hour\/$)[^/]+\/$/];
// the printed book is every chapter again on one page (axe alone takes a minute on it): its chapters
// are checked here one by one, and e2e/book.test.ts loads it (no console error, no failed request)
const THE_BOOK = /^\/print\/$/;
const pagesToCheck = (pages: string[]) => pages.filter((path) => !THE_BOOK.test(path) && !OTHERS_OF_A_TEMPLATE.some((others) => others.test(path)));

test('the pages checked stand for every page: each chapter and one page of each template', () => {
  const all = builtPages();
  const checked = pagesToCheck(all);
  expect(checked.filter((p) => p.startsWith('/chapters/'))).toEqual(all.filter((p) => p.startsWith('/chapters/')));
  expect(checked.filter((p) => p.startsWith('/engine/'))).toEqual(['/engine/fast/model/', '/engine/value/']);
  expect(checked.filter((p) => p.startsWith('/lessons/'))).toEqual(['/lessons/', '/lessons/first-hour/']);
  for (const page of ['/', '/glossary/', '/assign/', '/assignment/', '/grade/']) expect(checked).toContain(page);
});

const book = loadBook();

// in the GPT chapter (one load of it): a link into a folded section opens it, so does the address's
// #hash, and a cell in a folded section runs once it is open
async function foldedSectionsOpen(page: Page): Promise<void> {
  const folded = (h2: string) => page.locator(`h2#${h2} + details.deeper`);
  await page.evaluate(() => document.querySelector<HTMLAnchorElement>('starlight-toc a[href="#the-gain-microgpt-leaves-out"]')!.click());
  await expect(folded('deriving-the-gradients')).toHaveAttribute('open', '');
  await expect(page.locator('#the-gain-microgpt-leaves-out')).toBeInViewport();
  await page.evaluate(() => (location.hash = '#scale-microgpt-beside-gpt-2'));
  await expect(folded('scale-microgpt-beside-gpt-2')).toHaveAttribute('open', '');
  await expect(folded('why-several-heads')).not.toHaveAttribute('open');
  const cell = page.locator('[data-cell-id="gain-folds"]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('.cell-status')).toHaveText(/The output matches the book\./, { timeout: 30_000 });
}

for (const path of pagesToCheck(builtPages())) {
  test(`${path} loads cleanly, meets WCAG 2.2 AA in the light and dark themes, cuts no code, and fits a phone`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').first()).toBeVisible();
    const chapter = book.find((c) => path === `/chapters/${c.slug}/`);
    if (chapter) {
      // each deeper section folded, under its own h2; then all opened, so that what follows checks them too
      const folded = page.locator('details.deeper');
      const state = await folded.evaluateAll((all) => all.map((d) => [d.previousElementSibling?.matches('h2') && d.previousElementSibling.id, (d as HTMLDetailsElement).open]));
      expect(state.sort(), 'the deeper sections, folded').toEqual(
        deeperSlugs(chapter.data)
          .map((id) => [id, false])
          .sort(),
      );
      if (chapter.slug === 'gpt') await foldedSectionsOpen(page);
      await folded.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    }
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await wcagViolations(page), 'light theme').toEqual([]);
    await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await wcagViolations(page, { rules: COLOUR_RULES }), 'dark theme').toEqual([]);
    if (path.startsWith('/chapters/')) {
      for (const size of WIDE) {
        await page.setViewportSize(size);
        expect(await cutCode(page), `no code cut off at ${size.width} px`).toEqual([]);
      }
    }
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'on a phone, the page does not scroll sideways').toBe(0);
    expect(await silentScrollers(page), 'on a phone, what scrolls sideways shows that it does').toEqual([]);
    expect(errors).toEqual([]);
  });
}
