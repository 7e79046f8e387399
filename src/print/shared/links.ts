// Links in a chapter, as the printed book needs them: the chapters write links relative to their
// own page (../dataset/), which on /print/ would point elsewhere. A link to a chapter goes to that
// chapter in the book (its start: section ids repeat across chapters); another page of the site
// keeps its path; a link within the page or off the site is left as it is.
const SITE = 'https://book.invalid';

export function bookHref(href: string, chapter: string, chapters: ReadonlySet<string>): string {
  if (href.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(href)) return href;
  const url = new URL(href, `${SITE}/chapters/${chapter}/`);
  const target = /^\/chapters\/([\w-]+)\/$/.exec(url.pathname)?.[1];
  if (target && chapters.has(target)) return target === chapter && url.hash ? url.hash : `#chapter-${target}`;
  return url.pathname + url.search + url.hash;
}

/** The chapter's rendered HTML with every href made right for the book. */
export function bookLinks(html: string, chapter: string, chapters: ReadonlySet<string>): string {
  return html.replace(/\shref="([^"]*)"/g, (_, href: string) => ` href="${bookHref(href.replace(/&amp;/g, '&'), chapter, chapters).replace(/&/g, '&amp;')}"`);
}

/** The chapter's folded deeper sections (src/site/build/remark-deeper.ts), open: the book holds them all. */
export const openDeeper = (html: string): string => html.replace(/<details class="deeper"(?![^>]*\sopen)/g, '<details class="deeper" open');
