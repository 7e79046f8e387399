// npm run screenshots: the home page, a chapter (its top, its code beside the prose, its folded deeper sections), the glossary and the last page, in light and dark,
// on a desktop (1280×800) and a phone (390×844), from the built site (npm run build first), into
// docs/screenshots/. The README links them.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, sitePage } from '../e2e/chromium.ts';
import { createStaticServer, defaultRoot, listen } from '../e2e/static-server.ts';

if (!existsSync(defaultRoot)) throw new Error('no built site in dist/: run npm run build first');
const out = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const pages = { home: '/', chapter: '/chapters/gpt/', 'chapter-code': '/chapters/gpt/#attention', 'chapter-deeper': '/chapters/gpt/', glossary: '/glossary/', 'last-page': '/chapters/next/' };
// what a page's picture shows, when not its top or its #hash: the first folded section (a #hash would open it)
const shown: Record<string, string> = { 'chapter-deeper': 'details.deeper' };
const devices = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

const server = createStaticServer();
const port = await listen(server, 0);
const browser = await launchChromium();
try {
  for (const [device, viewport] of Object.entries(devices)) {
    for (const theme of ['light', 'dark'] as const) {
      const page = await sitePage(browser, { viewport, colorScheme: theme, deviceScaleFactor: 1 });
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
        if (shown[name])
          await page
            .locator(shown[name])
            .first()
            .evaluate((e) => e.scrollIntoView({ block: 'center' }));
        const file = resolve(out, `${name}-${device}-${theme}.jpg`);
        await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
