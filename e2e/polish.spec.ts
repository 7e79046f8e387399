// Small things a reader notices: figure text readable on a phone, static code that wraps and marks
// its continued lines, the site's own look on every form control, and keys written as keys.
import { expect, test } from '@playwright/test';

const chapters = ['introduction', 'dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference'];

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const slug of chapters) {
    test(`figure text on /chapters/${slug}/ is at least 11 px`, async ({ page }) => {
      await page.goto(`/chapters/${slug}/`);
      // the rendered size: the font size in the SVG's units times the SVG's scale on screen
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>('.sl-markdown-content svg text')]
          .filter((t) => t.getBBox().width > 0)
          .map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement!.getScreenCTM()?.a ?? 1) }))
          .filter((t) => t.px < 11 - 0.01),
      );
      expect(small.slice(0, 5)).toEqual([]);
    });
  }
});

test('static code longer than the column wraps, and marks each row that continues a line', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/chapters/gpt/');
  const pre = page.locator('.literate pre').first();
  const { scrolls, wrapped } = await pre.evaluate((el) => {
    const row = parseFloat(getComputedStyle(el).lineHeight);
    const lines = [...el.querySelectorAll('.line')];
    const long = lines.filter((l) => l.getBoundingClientRect().height > 1.5 * row);
    return {
      scrolls: el.scrollWidth > el.clientWidth,
      // each wrapped line: its mark box as tall as its rows after the first, and the mark in it
      wrapped: long.map((l) => {
        const after = getComputedStyle(l, '::after');
        return { marked: after.content.includes('↪'), rowsMarked: Math.round(parseFloat(after.height) / row), rows: Math.round(l.getBoundingClientRect().height / row) - 1 };
      }),
    };
  });
  expect(scrolls).toBe(false);
  expect(wrapped.length).toBeGreaterThan(0);
  for (const w of wrapped) expect(w).toEqual({ marked: true, rowsMarked: w.rows, rows: w.rows });
});

for (const path of ['/', '/assign/', '/grade/']) {
  test(`form controls on ${path} wear the site's button style`, async ({ page }) => {
    await page.goto(path);
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main input[type=file]')].map((el) => {
        const s = el instanceof HTMLInputElement ? getComputedStyle(el, '::file-selector-button') : getComputedStyle(el);
        return { what: el.outerHTML.slice(0, 60), radius: s.borderTopLeftRadius, cursor: s.cursor };
      }),
    );
    expect(styles.length).toBeGreaterThan(0);
    for (const s of styles) expect(s, s.what).toMatchObject({ radius: '4.8px', cursor: 'pointer' });
  });
}

test('keys are written as keys', async ({ page }) => {
  await page.goto('/chapters/introduction/');
  await expect(page.locator('.sl-markdown-content kbd').first()).toBeVisible();
});
