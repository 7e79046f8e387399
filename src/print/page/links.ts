// On the printed book's page, a link to a chapter goes to that chapter in the book (a section of
// it, to the chapter's start: ids repeat across chapters), so the PDF's links stay inside the PDF.
export function linkWithinTheBook(): void {
  const book = document.querySelector('[data-print-book]');
  if (!book) return;
  for (const link of book.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const url = new URL(link.href, location.href);
    const chapter = url.origin === location.origin ? /^\/chapters\/([\w-]+)\/$/.exec(url.pathname)?.[1] : undefined;
    if (chapter && document.getElementById(`chapter-${chapter}`)) link.setAttribute('href', `#chapter-${chapter}`);
  }
}
