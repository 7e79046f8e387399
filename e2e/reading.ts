// What the every-page spec measures of reading: code that is cut off (a code block that scrolls
// sideways), and on a phone, anything that scrolls sideways without showing that it does.
import type { Page } from '@playwright/test';

// every block of code: quoted engine source, cells and their hidden setup (opened to be measured),
// code in the prose, the lines of a "find the line" question; and a figure's part that may scroll
// on a phone, which must fit a desktop's column
export const CODE_BLOCKS = ['.literate pre', '.cell-code pre', '.hidden-setup-code pre', '.sl-markdown-content pre:not(.cell-output pre)', '.checkpoint-lines-scroll', '.figure .scroll-x'].join(', ');

// a sideways scroller that says so: an edge shaded while there is more to see (site.css): display
// math, a figure's wide part, and what a cell prints (a table of numbers keeps its columns)
export const SAYS_IT_SCROLLS = '.scroll-x, .katex-display, .cell-output pre, .cell-diff pre';

export function cutCode(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const closed = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    for (const d of closed) d.open = true;
    const cut = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map(
        (el) =>
          `${el.closest('[data-region], [data-cell-id], [id]')?.getAttribute('data-region') ?? el.closest('[data-cell-id]')?.getAttribute('data-cell-id') ?? el.className}: ${el.scrollWidth} px of code in ${el.clientWidth}`,
      );
    for (const d of closed) d.open = false;
    return cut;
  }, CODE_BLOCKS);
}

export function silentScrollers(page: Page): Promise<string[]> {
  return page.evaluate((says) => {
    // the cheap test first (a chapter has tens of thousands of highlighted and typeset spans)
    const scrolls = (el: Element) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    return [...document.querySelectorAll('main *:not(code *, .katex *, svg *)')]
      .filter((el) => scrolls(el) && !el.matches(says))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${el.scrollWidth} px in ${el.clientWidth}): ${(el.textContent ?? '').trim().slice(0, 40)}`);
  }, SAYS_IT_SCROLLS);
}
