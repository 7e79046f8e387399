// The book as one PDF: /print/ of the built site, served here, printed by Chromium in one call
// (Playwright's page.pdf: tagged, with an outline from the headings, page numbers in the footer),
// with the checkpoints' answers appended unless left out.
import { existsSync, statSync } from 'node:fs';
import { loadBook } from '../../book/build/book.ts';
import { launchChromium } from '../../../e2e/chromium.ts';
import { createStaticServer, listen } from '../../../e2e/static-server.ts';
import { printedAnswers } from './answers.ts';
import { appendixHtml } from './appendix.ts';

export interface BookOptions {
  dist: string;
  out: string;
  answers: boolean;
  chapters?: string[]; // slugs: only these (a handout); every chapter when absent
}

export interface BookReport {
  bytes: number;
  seconds: number;
  loadSeconds: number; // of seconds: until the page was ready to print
  problems: string[]; // the page's console errors and failed requests, if any
}

const footer = `<div style="width:100%;font-size:8px;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export async function writeBook({ dist, out, answers, chapters: only }: BookOptions): Promise<BookReport> {
  const start = performance.now();
  let loaded: number;
  const problems: string[] = [];
  if (!existsSync(`${dist}/print/index.html`)) throw new Error(`${dist} has no /print/ page: build the site first (npm run build)`);
  const book = loadBook().map(({ slug, title }) => ({ slug, title })); // in reading order
  const unknown = (only ?? []).filter((slug) => !book.some((c) => c.slug === slug));
  if (unknown.length > 0) throw new Error(`no such chapter: ${unknown.join(', ')} (the chapters: ${book.map((c) => c.slug).join(', ')})`);
  const chapters = only ? book.filter((c) => only.includes(c.slug)) : book;
  const appendix = answers ? appendixHtml(await printedAnswers(), chapters) : '';
  const server = createStaticServer(dist);
  const port = await listen(server, 0);
  const browser = await launchChromium();
  try {
    // no service worker: the book is printed, not installed
    const context = await browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/print/`, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluate(
      async ({ html, keep }) => {
        const book = document.querySelector('[data-print-book]')!;
        if (keep) {
          for (const chapter of book.querySelectorAll<HTMLElement>('.print-chapter[data-chapter]')) if (!keep.includes(chapter.dataset.chapter!)) chapter.remove();
          for (const entry of book.querySelectorAll<HTMLAnchorElement>('.print-contents a')) if (!keep.some((slug) => entry.hash === `#chapter-${slug}`)) entry.closest('li')!.remove();
        }
        if (html) book.insertAdjacentHTML('beforeend', html);
        document.title = 'Annotated microgpt';
        await document.fonts.ready;
      },
      { html: appendix, keep: only ?? null },
    );
    loaded = performance.now();
    await page.pdf({
      path: out,
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
    });
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections();
  }
  const end = performance.now();
  return { bytes: statSync(out).size, seconds: (end - start) / 1000, loadSeconds: (loaded! - start) / 1000, problems };
}
