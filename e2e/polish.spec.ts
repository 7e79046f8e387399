// Small things a reader notices: figure text readable on a phone, static code that says it
// scrolls, the site's own look on every form control, and keys written as keys.
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

test('static code wider than the column scrolls and shows that it does', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/chapters/gpt/');
  const pre = page.locator('.literate pre').first();
  const { scrollable, overflow, shadow } = await pre.evaluate((el) => ({
    scrollable: el.scrollWidth > el.clientWidth,
    overflow: getComputedStyle(el).overflowX,
    shadow: getComputedStyle(el).backgroundImage,
  }));
  expect(scrollable).toBe(true);
  expect(overflow).toBe('auto');
  expect(shadow).toContain('linear-gradient');
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
