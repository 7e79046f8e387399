// Checkpoints in the page: the reader answers, Check judges it at once by hashing the normalised
// answer and looking for it among the sealed ones (seal.ts), and the feedback for that answer is
// unsealed and shown (verdict.ts, loaded on the first Check). Any answer can be changed and checked
// again. A right answer is recorded in the reader's progress.
// A question drawn for each reader (a variant) runs its code for the reader's seed in a sealed
// Worker, as the grader will, shows the reader their numbers, and judges the answer from what it
// printed. Every checked answer is kept (storage.ts) for the hand-in file.
import { loadProgress } from '../../progress/page/store.ts';
import { checkpointAnswerKey, readItem } from '../../progress/page/storage.ts';
// What only Check or a variant needs is loaded when it is needed, not with every chapter.
import type { CheckpointPageData } from '../shared/data.ts';
import { cellOf, revealPredicted } from './reveal.ts';
import type { Drawn } from './variant.ts';

class CheckpointView {
  private readonly form: HTMLFormElement;
  private readonly feedback: HTMLElement;
  private readonly root: HTMLElement;
  private readonly data: CheckpointPageData;
  private tries = { count: 0 };
  // a variant's: what its code printed for the identity it was run for
  private drawn: Promise<Drawn> | null = null;

  constructor(root: HTMLElement, data: CheckpointPageData) {
    this.root = root;
    this.data = data;
    this.form = root.querySelector('form')!;
    this.feedback = root.querySelector('.checkpoint-feedback')!;
    root.querySelector<HTMLButtonElement>('[data-action="check"]')!.disabled = false;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void import('./verdict.ts').then(({ judge }) => judge(this.root, this.data, this.tries, this.drawn));
    });
    // a changed answer is a new attempt: the old verdict no longer applies to it
    this.form.addEventListener('input', () => this.clearVerdict());
    root.querySelector('[data-action="go-to-cell"]')?.addEventListener('click', () => this.goToCell());
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-move]')) button.addEventListener('click', () => this.move(button));
    if (loadProgress().progress.checkpoints?.[`${data.chapter}/${data.id}`]) {
      this.root.querySelector<HTMLElement>('.checkpoint-done')!.hidden = false;
      revealPredicted(data);
    }
    // answered on an earlier visit: the answer and what the page said of it, shown again (a
    // variant's once the reader's numbers are drawn again, if for the same login)
    const answeredBefore = readItem(checkpointAnswerKey(data.chapter, data.id)) !== null;
    const restore = () => void import('./verdict.ts').then(({ restoreAnswer }) => restoreAnswer(root, data, this.drawn));
    if (data.variant)
      void import('./variant.ts').then(({ setUpVariant }) => {
        setUpVariant(root, data, (drawn) => (this.drawn = drawn));
        if (answeredBefore) restore();
      });
    else if (answeredBefore) restore();
  }

  private clearVerdict(): void {
    delete this.root.dataset.state;
    for (const el of this.root.querySelectorAll('[data-mark]')) el.removeAttribute('data-mark');
  }

  // order: move a step one place, keeping the focus on the same button of the moved step
  private move(button: HTMLButtonElement): void {
    const li = button.closest('li')!;
    const by = Number(button.dataset.move);
    const sibling = by < 0 ? li.previousElementSibling : li.nextElementSibling;
    const status = this.feedback;
    if (!sibling) {
      status.textContent = by < 0 ? 'That step is already first.' : 'That step is already last.';
      return;
    }
    if (by < 0) sibling.before(li);
    else sibling.after(li);
    button.focus();
    this.clearVerdict();
    const position = [...li.parentElement!.children].indexOf(li) + 1;
    status.textContent = `Moved to place ${position} of ${li.parentElement!.children.length}.`;
  }

  // the reader asked to run it: the output they predicted is theirs to see
  private goToCell(): void {
    const cell = cellOf(this.data);
    if (!cell) return;
    revealPredicted(this.data);
    cell.scrollIntoView({ block: 'center' });
    const run = cell.querySelector<HTMLButtonElement>('[data-action="run"]');
    if (run && !run.disabled) {
      run.focus();
      run.click();
    } else cell.querySelector<HTMLElement>('pre, .cm-content')?.focus();
  }
}

export function setUpCheckpoints(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.checkpoint:not([data-ready])')) {
    root.dataset.ready = '';
    const data = JSON.parse(root.querySelector('.checkpoint-data')!.textContent!) as CheckpointPageData;
    new CheckpointView(root, data);
  }
}
