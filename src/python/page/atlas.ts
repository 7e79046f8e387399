// /python/'s "Show microgpt.py": the pinned file fetched (or read from Cache Storage) and checked,
// then each line's text put in its place in the atlas; or one line saying why not, and the link.
import { splitLines } from '../shared/excerpt.ts';
import { explain, pinned } from './live.ts';
import { originalOnce } from './original.ts';

export async function showFile(button: HTMLButtonElement): Promise<void> {
  const status = button.parentElement?.querySelector<HTMLElement>('.python-file-status');
  button.disabled = true;
  if (status) status.textContent = 'Fetching microgpt.py…';
  const outcome = await originalOnce(pinned);
  button.disabled = false;
  if (!outcome.ok) {
    status?.replaceChildren(explain(outcome.message, [{ first: 1, last: 1 }]));
    return;
  }
  const lines = splitLines(outcome.text);
  for (const span of document.querySelectorAll<HTMLElement>('.atlas .py-line')) {
    const text = span.querySelector('.py-text');
    if (text) text.textContent = lines[Number(span.dataset.line) - 1] ?? '';
    if (/^\s*#/.test(text?.textContent ?? '')) span.classList.add('comment');
  }
  button.hidden = true;
  if (status) status.textContent = `microgpt.py, checked (SHA-256 as pinned), ${outcome.from === 'cache' ? 'from this browser’s copy' : 'from the gist'}.`;
}
