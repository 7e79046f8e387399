// "Show the Python": microgpt.py's lines for a quoted region, beside its TypeScript (side by side
// when the figure is wide, a TypeScript/Python switch when it is not; the switch's choice is
// remembered). Loaded on the reader's click; the text comes through the hash gate or not at all.
import { gist, rawUrl, revision, sha256 } from '../shared/microgpt-py.json';
import { excerptHtml } from '../shared/excerpt.ts';
import { type LineRange, formatRanges, gistUrl, parseRange } from '../shared/lines.ts';
import { originalOnce } from './original.ts';

export const pinned = { url: rawUrl, sha256, gist, revision };
const SIDE_KEY = 'microgpt-python-side'; // which of the two a narrow figure shows: 'ts' or 'python'

export const rangesOf = (attribute: string | undefined): LineRange[] => (attribute ?? '').split(',').flatMap((r) => parseRange(r) ?? []);

function rememberedSide(): 'ts' | 'python' {
  try {
    return localStorage.getItem(SIDE_KEY) === 'ts' ? 'ts' : 'python';
  } catch {
    return 'python';
  }
}

function remember(side: 'ts' | 'python'): void {
  try {
    localStorage.setItem(SIDE_KEY, side);
  } catch {
    // storage refused: the choice lasts this page only
  }
}

// the note that replaces the view when the text cannot be shown: what happened, and the link
export function explain(message: string, ranges: readonly LineRange[]): HTMLElement {
  const note = document.createElement('p');
  note.className = 'python-note';
  note.setAttribute('role', 'status');
  const link = document.createElement('a');
  link.href = gistUrl(pinned, ranges[0]);
  link.textContent = `read microgpt.py ${formatRanges(ranges.slice(0, 1))} on GitHub`;
  note.append(`${message} You can `, link, '.');
  return note;
}

function paneTitle(...content: (Node | string)[]): HTMLElement {
  const title = document.createElement('p');
  title.className = 'python-pane-title';
  title.append(...content);
  return title;
}

function pane(ranges: readonly LineRange[], text: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'python-pane python-pane-py';
  const link = document.createElement('a');
  link.href = gistUrl(pinned, ranges[0]);
  link.textContent = `microgpt.py ${formatRanges(ranges)}`;
  link.title = `revision ${revision.slice(0, 7)}, its SHA-256 checked`;
  const title = paneTitle('Python: ', link);
  const pre = document.createElement('pre');
  pre.className = 'python-code';
  pre.tabIndex = 0;
  const code = document.createElement('code');
  code.innerHTML = excerptHtml(text, ranges); // the pinned file's text, escaped
  pre.append(code);
  box.append(title, pre);
  return box;
}

function switcher(pair: HTMLElement): HTMLElement {
  const group = document.createElement('div');
  group.className = 'python-switch';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Which code to show');
  const buttons = (['ts', 'python'] as const).map((side) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = side === 'ts' ? 'TypeScript' : 'Python';
    b.dataset.side = side;
    b.addEventListener('click', () => {
      show(side);
      remember(side);
    });
    return b;
  });
  const show = (side: 'ts' | 'python') => {
    pair.dataset.side = side;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.side === side));
  };
  show(rememberedSide());
  group.append(...buttons);
  return group;
}

const shown = new WeakMap<HTMLElement, { pair: HTMLElement; ts: Element }>();

// the TypeScript the region's figure shows (inside the Copy button's box when there is one)
function typescriptOf(figure: HTMLElement): Element | null {
  return figure.querySelector(':scope > .copy-code-box, :scope > pre');
}

export async function toggle(button: HTMLButtonElement): Promise<void> {
  const figure = (button.closest('figure.literate') ?? button.closest('section')?.querySelector('figure.literate')) as HTMLElement | null;
  if (!figure) return;
  const open = shown.get(figure);
  if (open) {
    open.pair.replaceWith(open.ts); // back as it was
    shown.delete(figure);
    button.setAttribute('aria-expanded', 'false');
    button.textContent = 'Show the Python';
    return;
  }
  const ranges = rangesOf(button.closest<HTMLElement>('[data-python-ranges]')?.dataset.pythonRanges);
  const ts = typescriptOf(figure);
  if (!ts || ranges.length === 0) return;
  figure.querySelector(':scope > .python-note')?.remove();
  button.disabled = true;
  button.textContent = 'Fetching microgpt.py…';
  const outcome = await originalOnce(pinned);
  button.disabled = false;
  if (!outcome.ok) {
    button.textContent = 'Show the Python';
    figure.append(explain(outcome.message, ranges));
    return;
  }
  const pair = document.createElement('div');
  pair.className = 'python-pair';
  const grid = document.createElement('div');
  grid.className = 'python-panes';
  const tsPane = document.createElement('div');
  tsPane.className = 'python-pane python-pane-ts';
  ts.replaceWith(pair);
  tsPane.append(paneTitle('TypeScript'), ts);
  grid.append(tsPane, pane(ranges, outcome.text));
  pair.append(switcher(pair), grid);
  shown.set(figure, { pair, ts });
  button.setAttribute('aria-expanded', 'true');
  button.textContent = 'Hide the Python';
}
