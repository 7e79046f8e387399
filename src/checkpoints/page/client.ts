// Checkpoints in the page: the reader answers, Check judges it at once by hashing the normalised
// answer and looking for it among the sealed ones (seal.ts), and the feedback for that answer is
// unsealed and shown. Any answer can be changed and checked again. A right answer is recorded in
// the reader's progress.
// A question drawn for each reader (a variant) runs its code for the reader's seed in a sealed
// Worker, as the grader will, shows the reader their numbers, and judges the answer from what it
// printed. Every checked answer is kept (storage.ts) for the hand-in file.
import { loadProgress, markCheckpointAnswered } from '../../progress/page/store.ts';
// What only Check or a variant needs is loaded when it is needed, not with every chapter.
import type { CheckpointAnswerValue } from '../shared/answers.ts';
import type { CheckpointPageData } from '../shared/data.ts';
import { type Feedback, normaliseText, openAnswer, parseNumber, positionKey } from '../shared/seal.ts';
import { richText } from './rich-text.ts';
import type { Drawn } from './variant.ts';

type Verdict = { state: 'right' | 'wrong' | 'incomplete'; title: string; why: string; marks?: boolean[] };

class CheckpointView {
  private readonly form: HTMLFormElement;
  private readonly feedback: HTMLElement;
  private readonly check: HTMLButtonElement;
  private tries = 0;
  private readonly root: HTMLElement;
  private readonly data: CheckpointPageData;
  // a variant's: what its code printed for the identity it was run for
  private drawn: Promise<Drawn> | null = null;

  constructor(root: HTMLElement, data: CheckpointPageData) {
    this.root = root;
    this.data = data;
    this.form = root.querySelector('form')!;
    this.feedback = root.querySelector('.checkpoint-feedback')!;
    this.check = root.querySelector('[data-action="check"]')!;
    this.check.disabled = false;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.judge();
    });
    // a changed answer is a new attempt: the old verdict no longer applies to it
    this.form.addEventListener('input', () => this.clearVerdict());
    root.querySelector('[data-action="go-to-cell"]')?.addEventListener('click', () => this.goToCell());
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-move]')) button.addEventListener('click', () => this.move(button));
    if (loadProgress().progress.checkpoints?.[`${data.chapter}/${data.id}`]) this.root.querySelector<HTMLElement>('.checkpoint-done')!.hidden = false;
    if (data.variant) void import('./variant.ts').then(({ setUpVariant }) => setUpVariant(root, data, (drawn) => (this.drawn = drawn)));
  }

  private clearVerdict(): void {
    delete this.root.dataset.state;
    for (const el of this.root.querySelectorAll('[data-mark]')) el.removeAttribute('data-mark');
  }

  // the reader's answer as given, or a message saying what is missing
  private answer(): { answer: CheckpointAnswerValue } | { missing: string } {
    const d = this.data;
    const picked = (name: string) => this.form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
    if (d.choices) {
      const i = picked(`checkpoint-${d.id}-choice`);
      return i === undefined ? { missing: 'Pick one of the choices first.' } : { answer: i };
    }
    if (d.kind === 'line') {
      const n = picked(`checkpoint-${d.id}-line`);
      return n === undefined ? { missing: 'Pick a line first.' } : { answer: n };
    }
    if (d.kind === 'order') return { answer: this.steps() };
    const typed = this.form.querySelector<HTMLInputElement>('input[name="answer"]')!.value;
    if (d.kind === 'numeric') {
      if (typed.trim() === '') return { missing: 'Type a number first.' };
      return parseNumber(typed) === null ? { missing: `“${typed.trim()}” is not a number: write it with digits and a point, like 0.25 or -3 or 1e-6.` } : { answer: typed.trim() };
    }
    return normaliseText(typed) === '' ? { missing: 'Type your prediction first.' } : { answer: typed };
  }

  private steps(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('.checkpoint-steps > li')].map((li) => li.dataset.step!);
  }

  private async judge(): Promise<void> {
    const d = this.data;
    const answer = this.answer();
    if ('missing' in answer) return this.show({ state: 'incomplete', title: answer.missing, why: '' });
    let found: Feedback | null;
    let identity: string | null = null;
    const [{ answerKey, judgeVariant, normaliseIdentity }, { loadCheckpointAnswer, saveCheckpointAnswer }] = await Promise.all([import('../shared/answers.ts'), import('./record.ts')]);
    if (d.variant) {
      const drawn = this.drawn ? await this.drawn : { missing: 'Your numbers are still being drawn; check again in a moment.' };
      if ('missing' in drawn) return this.show({ state: 'incomplete', title: drawn.missing, why: '' });
      identity = normaliseIdentity(drawn.identity);
      found = judgeVariant(d, drawn.output, answer.answer);
    } else found = await openAnswer(d.salt, answerKey(d, answer.answer)!, d.sealed);
    this.tries++;
    const before = loadCheckpointAnswer(d.chapter, d.id);
    saveCheckpointAnswer(d.chapter, d.id, { answer: answer.answer, correct: found?.correct === true, answeredAt: new Date().toISOString(), tries: (before?.tries ?? 0) + 1, identity });
    window.dispatchEvent(new CustomEvent('microgpt:checkpoint-answer'));
    if (found?.correct) {
      markCheckpointAnswered(d.chapter, d.id, this.tries);
      const marks = d.kind === 'order' ? this.steps().map(() => true) : undefined;
      const then = d.kind === 'predict' && d.cell ? ' Now run the cell and see it print that.' : '';
      return this.show({ state: 'right', title: `Right.${then}`, why: found.why, marks });
    }
    if (d.kind === 'order') {
      const marks = await Promise.all(this.steps().map(async (s, k) => (await openAnswer(d.salt, positionKey(k, s), d.sealed)) !== null));
      const placed = marks.filter(Boolean).length;
      return this.show({ state: 'wrong', title: `Not yet: ${placed} of ${marks.length} steps are in their place (marked ✓). Move the others and check again.`, why: d.hint, marks });
    }
    const where = d.kind === 'predict' && d.cell ? ' Run the cell to see what it prints, or think again and check again.' : ' Try again.';
    this.show({ state: 'wrong', title: `Not quite.${(d.variant ? found?.why : found) ? '' : where}`, why: found?.why || d.hint });
  }

  private show({ state, title, why, marks }: Verdict): void {
    this.root.dataset.state = state;
    this.feedback.replaceChildren();
    const verdict = document.createElement('p');
    verdict.className = 'checkpoint-verdict';
    if (state !== 'incomplete') {
      const label = document.createElement('strong');
      label.textContent = state === 'right' ? '✓ ' : '✗ ';
      label.setAttribute('aria-hidden', 'true');
      verdict.append(label);
    }
    richText(verdict, title);
    this.feedback.append(verdict);
    if (why) {
      const explanation = document.createElement('p');
      explanation.className = 'checkpoint-why';
      richText(explanation, why);
      this.feedback.append(explanation);
    }
    // mark the answer picked (choices, lines) or each step's place
    for (const el of this.root.querySelectorAll('[data-mark]')) el.removeAttribute('data-mark');
    const picked = this.form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.closest('label');
    if (picked && state !== 'incomplete') picked.dataset.mark = state;
    if (marks) this.root.querySelectorAll<HTMLElement>('.checkpoint-steps > li').forEach((li, k) => (li.dataset.mark = marks[k] ? 'right' : 'wrong'));
    if (state === 'right') this.root.querySelector<HTMLElement>('.checkpoint-done')!.hidden = true;
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

  private goToCell(): void {
    const cell = document.querySelector<HTMLElement>(`.cell[data-cell-id="${CSS.escape(this.data.cell!)}"]`);
    if (!cell) return;
    cell.scrollIntoView({ block: 'center' });
    const run = cell.querySelector<HTMLButtonElement>('[data-action="run"]');
    (run && !run.disabled ? run : cell.querySelector<HTMLElement>('pre, .cm-content'))?.focus();
  }
}

export function setUpCheckpoints(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.checkpoint:not([data-ready])')) {
    root.dataset.ready = '';
    const data = JSON.parse(root.querySelector('.checkpoint-data')!.textContent!) as CheckpointPageData;
    new CheckpointView(root, data);
  }
}
