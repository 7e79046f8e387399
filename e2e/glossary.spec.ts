// The glossary: its page lists every term as an anchor, and in a chapter the first use of a term
// links there, with its definition shown on hover and keyboard focus (and hidden by Escape).
import { expect, test } from '@playwright/test';
import { wcagInBothThemes } from './axe.ts';

const chapter = '/chapters/tokenizer/';
const term = 'tokenizer'; // its first use in that chapter is in the opening paragraph, and it is used again below

test('the glossary page lists the terms alphabetically, each an anchor with a link to where the course explains it', async ({ page }) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  // each term its own heading, under its letter's (search titles a hit by it), the term a <dfn>
  const entries = page.locator('section > .glossary-list > .glossary-entry > h3[id]:has(> dfn)');
  expect(await entries.count()).toBeGreaterThanOrEqual(25);
  const names = (await entries.allTextContents()).map((t) => t.trim());
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  for (const [id, name] of [
    ['token', 'token'],
    ['bos', 'BOS'],
    ['logit', 'logit'],
    ['softmax', 'softmax'],
    ['rmsnorm', 'RMSNorm'],
    ['attention-head', 'attention head'],
    ['moments', 'moments'],
  ]) {
    await expect(page.getByRole('heading', { level: 3, name, exact: true })).toHaveAttribute('id', id);
    await expect(page.locator(`h3#${id} ~ .glossary-where a[href^="/chapters/"]`)).toHaveCount(1);
  }
  // the sidebar leads here
  await expect(page.locator('nav[aria-label="Main"] a[href="/glossary/"]')).toHaveAttribute('aria-current', 'page');
  // and an anchor lands on its term
  await page.goto('/glossary/#residual-connection');
  await expect(page.locator('h3#residual-connection')).toBeInViewport();
});

test('in a chapter, the first use of a term links to the glossary and a later use does not', async ({ page }) => {
  await page.goto(chapter);
  const content = page.locator('.sl-markdown-content');
  const links = content.locator(`a.glossary-link[href="/glossary/#${term}"]`);
  await expect(links).toHaveCount(1);
  await expect(links).toHaveText(term);
  // every glossary link is to a different term: only the first use is linked
  const hrefs = await content.locator('a.glossary-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(3);
  expect(new Set(hrefs).size).toBe(hrefs.length);
  // the plain uses after the link: prose text, not inside a link, code or a heading
  const later = await links.evaluate((first, word) => {
    const walker = document.createTreeWalker(first.closest('.sl-markdown-content')!, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (!(first.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (text.parentElement!.closest('a, code, pre, h1, h2, h3, h4, h5, h6, summary, .glossary-tip, .katex')) continue;
      if (new RegExp(`\\b${word}\\b`, 'i').test(text.data)) found.push(text.data.trim().slice(0, 60));
    }
    return found;
  }, term);
  expect(later.length).toBeGreaterThan(0);
});

test('hovering the link shows its definition; the link keeps its term as its name and is described by the tooltip', async ({ page }) => {
  await page.goto(chapter);
  const link = page.locator(`a.glossary-link[href="/glossary/#${term}"]`);
  const tip = page.locator(`#glossary-tip-${term}`);
  await expect(link).toHaveAttribute('aria-describedby', `glossary-tip-${term}`);
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(link).toHaveAccessibleName(term);
  await expect(link).toHaveAccessibleDescription(/translation table between text and tokens/);
  await expect(tip).toBeHidden();
  await link.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('translation table');
  // the pointer can move onto the definition without losing it (WCAG 1.4.13)
  await tip.hover();
  await expect(tip).toBeVisible();
  // Escape hides it without moving the pointer
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.mouse.move(0, 0);
  await link.hover();
  await expect(tip).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
});

test('focusing the link with the keyboard shows its definition, and Escape hides it', async ({ page }) => {
  await page.goto(chapter);
  const link = page.locator(`a.glossary-link[href="/glossary/#${term}"]`);
  const tip = page.locator(`#glossary-tip-${term}`);
  await link.focus();
  await page.keyboard.press('Tab'); // on to the next control, then back: a keyboard focus
  await expect(tip).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  await expect(link).toBeFocused();
  await expect(tip).toBeVisible();
  await expect(link).toHaveAccessibleName(term);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(link).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(tip).toBeVisible();
  // Enter follows the link to the term's entry
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/glossary/#${term}$`));
  await expect(page.locator(`h3#${term}`)).toBeInViewport();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a first tap on a term shows its definition in place, a second goes to its glossary entry', async ({ page }) => {
    await page.goto(chapter);
    const link = page.locator(`a.glossary-link[href="/glossary/#${term}"]`);
    await link.tap();
    await expect(page.locator(`#glossary-tip-${term}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${chapter}$`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the definition fits the phone').toBe(true);
    await link.tap();
    await expect(page).toHaveURL(new RegExp(`/glossary/#${term}$`));
    await expect(page.locator(`h3#${term}`)).toBeInViewport();
    // the page does not scroll sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

// (the glossary page itself is checked with every page: e2e/every-page.spec.ts)
test("a chapter's tooltip, shown, has no WCAG 2.2 AA violations in the light and the dark theme", async ({ page }) => {
  await page.goto(chapter);
  await page.locator(`a.glossary-link[href="/glossary/#${term}"]`).hover();
  await expect(page.locator(`#glossary-tip-${term}`)).toBeVisible();
  expect(await wcagInBothThemes(page, '.glossary-term')).toEqual({ light: [], dark: [] });
  await expect(page.locator(`#glossary-tip-${term}`)).toBeVisible();
});
