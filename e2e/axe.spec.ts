// The accessibility check the other specs rely on finds what it should: a faint paragraph, an image
// with no text in the page and inside a frame, and only the colour rules when asked for them.
import { expect, test } from '@playwright/test';
import { COLOUR_RULES, wcagViolations } from './axe.ts';

const html = `<!doctype html><html lang="en"><head><title>t</title></head><body><main>
  <h1>Heading</h1><p style="color:#eee;background:#fff">faint</p><img src="data:,">
  <iframe title="a frame" srcdoc="<!doctype html><html lang='en'><head><title>f</title></head><body><img src='data:,'></body></html>"></iframe>
</main></body></html>`;

test('wcagViolations reports each violated rule once, frames included, and the colour rules alone when asked', async ({ page }) => {
  // a page with an origin of its own, which its frame shares as the site's frames do
  await page.route('http://axe.test/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://axe.test/');
  await expect.poll(() => page.frames().length).toBe(2);
  expect(await wcagViolations(page)).toEqual(['color-contrast: Elements must meet minimum color contrast ratio thresholds (1) e.g. p', 'image-alt: Images must have alternative text (2) e.g. img']);
  expect(await wcagViolations(page, { rules: COLOUR_RULES })).toEqual(['color-contrast: Elements must meet minimum color contrast ratio thresholds (1) e.g. p']);
  expect(await wcagViolations(page, { include: 'iframe' })).toEqual(['image-alt: Images must have alternative text (1) e.g. iframe img']);
});

// In each block of code, one token of each style is weighed for contrast (e2e/axe.ts): a faint style
// is reported once per block, a style on another background is a style of its own, and a block with
// something positioned inside it has every token weighed.
const code = `<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Code</h1>
  <pre style="background:#fff"><code><span class="line"><span style="color:#000">fine</span> <span style="color:#bbb">faint</span></span>
<span class="line"><span style="color:#bbb">faint</span> <span style="color:#bbb">faint</span></span>
<span class="line" style="background:#555"><span style="color:#000">black on grey</span></span></code></pre>
  <pre style="background:#fff"><code><span style="color:#bbb">faint</span></code></pre>
  <pre style="background:#fff"><code><span style="color:#bbb">faint</span> <span style="color:#bbb">faint</span><span style="position:relative">;</span></code></pre>
</main></body></html>`;

test('in a block of code, a faint style is reported once, a style on another background apart, and each token where something inside is positioned', async ({ page }) => {
  await page.route('http://axe.test/', (route) => route.fulfill({ contentType: 'text/html', body: code }));
  await page.goto('http://axe.test/');
  const [contrast] = await wcagViolations(page, { rules: ['color-contrast'] });
  // the first block's faint tokens and its black on grey, the second block's, and the third's two faint tokens
  expect(contrast).toMatch(/^color-contrast: .* \(5\) e\.g\. /);
});
