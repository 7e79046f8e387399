// The exercises of a page: edit the starter code, Check (sealed as a grader runs it: in a Web Worker
// made for the one run, the engine less the exercise's answer, the checks out of the code's reach;
// each check shown passed or failed in order), hints one at a time, the solution after the reader confirms,
// Reset with Undo. The attempt is kept across reloads; a pass is recorded in the reader's progress.
// What the reader did (Checks pressed, hints opened, the solution shown) is recorded for the hand-in
// file, and the hints already opened stay open after a reload.
import { EditableCode } from '../../cells/page/editable.ts';
import { SealedRunner } from '../../runtime/page/sealed-runner.ts';
import { type ExerciseActivity, beforeSolutionSlot, exerciseSlot, loadActivity, loadEdit, recordActivity, saveEdit } from '../../progress/page/storage.ts';
import type { SealedResult } from '../../runtime/sealed.ts';
import type { ExercisePageData } from '../shared/data.ts';
import { loadProgress, markExercisePassed } from '../../progress/page/store.ts';

export function setUpExercises(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.exercise:not([data-ready])')) {
    root.dataset.ready = '';
    new ExerciseView(root);
  }
}

class ExerciseView extends EditableCode {
  private readonly data: ExercisePageData;
  private readonly runner = new SealedRunner('your code');
  private hintsShown = 0;
  private readonly q: <T extends HTMLElement>(selector: string) => T;

  constructor(root: HTMLElement) {
    const data = JSON.parse(root.querySelector('.exercise-data')!.textContent!) as ExercisePageData;
    super(root, {
      chapter: data.chapter,
      storageId: exerciseSlot(data.id),
      original: data.starter,
      bookHash: root.dataset.bookHash!,
      label: `Code of exercise ${data.id}`,
      resetMessage: 'Back to the starter code.',
    });
    this.data = data;
    this.q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
    const on = (action: string, handler: () => void) => this.q(`[data-action="${action}"]`).addEventListener('click', handler);
    on('check', () => this.check());
    on('stop', () => this.runner.stop('Stopped.'));
    on('hint', () => this.nextHint());
    on('solution', () => this.toggle('.exercise-confirm', true));
    on('cancel', () => this.toggle('.exercise-confirm', false));
    on('reveal', () => this.revealSolution());
    on('use-solution', () => this.useSolution());
    on('restore', () => this.restoreAttempt());
    on('reset', () => this.reset());
    this.restore();
    this.updateHintButton();
  }

  // what the reader did, kept for the hand-in file with the exercise's book version ('' from a page built without one)
  private record(change: (a: ExerciseActivity) => void): void {
    const version = this.data.version ?? '';
    recordActivity(this.data.chapter, this.data.id, (a) => {
      change(a);
      a.version = version;
    });
  }

  protected run(): void {
    this.check();
  }

  private restore(): void {
    const opened = Math.min(loadActivity(this.data.chapter, this.data.id).hintsOpened, this.data.hints.length);
    while (this.hintsShown < opened) this.showHint();
    const saved = loadEdit(this.data.chapter, exerciseSlot(this.data.id));
    if (saved.kind === 'corrupt') {
      this.notify(`Your saved attempt could not be read, so the starter code is shown. The unreadable text is kept in this browser's storage under "${saved.keptAs}".`);
      return;
    }
    if (saved.kind === 'saved' && saved.edit.code !== this.data.starter) this.showSaved(saved.edit.code);
    if (loadEdit(this.data.chapter, beforeSolutionSlot(this.data.id)).kind === 'saved') this.q('[data-action="restore"]').hidden = false;
    this.showEarlierPass();
  }

  // a pass from an earlier visit: shown as it was when the code is still the code that passed
  private showEarlierPass(): void {
    const pass = loadProgress().progress.exercises[`${this.data.chapter}/${this.data.id}`];
    if (!pass) return;
    const when = new Date(pass.passedAt).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
    if (pass.code !== this.currentCode()) {
      this.status(`You passed this exercise on ${when}, with other code than the code shown now; Check to try this code.`);
      return;
    }
    for (const li of this.root.querySelectorAll<HTMLLIElement>('.exercise-checks li')) {
      li.dataset.state = 'passed';
      li.textContent = `Passed: ${li.textContent}`;
    }
    this.root.dataset.result = 'passed';
    this.status(`You passed this exercise on ${when}: all ${this.data.checkNames.length} checks passed with this code.`);
  }

  private check(): void {
    this.record((a) => a.attempts++);
    const items = [...this.root.querySelectorAll<HTMLLIElement>('.exercise-checks li')];
    for (const li of items) li.dataset.state = 'running';
    this.editor?.markError(null);
    const output = this.q<HTMLPreElement>('.cell-output pre');
    output.textContent = '';
    this.q('.cell-output').hidden = true;
    this.setRunning(true);
    this.status('Checking…');
    const code = this.currentCode();
    const { setup, checks, provides, withhold, solution } = this.data;
    // the solution says what kind of thing each provided name must be (with no seed, nothing is compared with it)
    void this.runner.run({ setup, code, checks, provides, withhold, solution, seed: null }, this.data.timeoutMs).then((result) => {
      this.setRunning(false);
      if (result.error?.name === 'Stopped') {
        for (const li of items) li.dataset.state = 'pending';
        this.status(result.error.message);
        return;
      }
      if (result.output !== '') {
        this.q('.cell-output').hidden = false;
        output.textContent = result.output;
      }
      this.finish(result, code);
    });
  }

  // Reset brings back the starter code, so nothing the last Check said holds any more
  protected reset(): void {
    const changed = this.currentCode() !== this.options.original;
    super.reset();
    if (!changed) return;
    this.runner.stop('Stopped.');
    this.clearResult();
  }

  private clearResult(): void {
    this.q('.exercise-checks').replaceChildren(
      ...this.data.checkNames.map((name) => {
        const li = document.createElement('li');
        li.dataset.state = 'pending';
        li.textContent = name;
        return li;
      }),
    );
    this.q('.cell-output pre').textContent = '';
    this.q('.cell-output').hidden = true;
    this.editor?.markError(null);
    delete this.root.dataset.result;
    this.status('');
  }

  private finish(result: SealedResult, code: string): void {
    const list = this.q('.exercise-checks');
    // the checks as they ran (the list from the page is the book's, before any run); code that
    // stopped before them (a syntax error, a throw) ran none, and the list says so, not "failed"
    list.replaceChildren(
      ...result.checks.map((c) => {
        const li = document.createElement('li');
        li.dataset.state = result.error ? 'not-run' : c.passed ? 'passed' : 'failed';
        li.textContent = `${result.error ? 'Not run' : c.passed ? 'Passed' : 'Failed'}: ${c.name}`;
        return li;
      }),
    );
    const failed = result.checks.find((c) => !c.passed);
    if (result.error) {
      this.editor?.markError(result.error.line);
      const where = result.error.line === null ? '' : ` (line ${result.error.line})`;
      this.status(`Your code stopped with ${result.error.name}: ${result.error.message}${where}. The checks did not run.`);
    } else if (result.passed) {
      markExercisePassed(this.data.chapter, this.data.id, code);
      this.root.dataset.result = 'passed';
      this.status(`All ${result.checks.length} checks passed.`);
      return;
    } else {
      const passed = result.checks.filter((c) => c.passed).length;
      this.status(`${passed} of ${result.checks.length} checks passed. First failure, "${failed?.name}": ${failed?.message}`);
    }
    this.root.dataset.result = 'failed';
  }

  private nextHint(): void {
    if (this.hintsShown >= this.data.hints.length) return;
    this.showHint();
    const shown = this.hintsShown;
    this.record((a) => (a.hintsOpened = Math.max(a.hintsOpened, shown)));
    this.updateHintButton();
  }

  private showHint(): void {
    this.q('.exercise-hints').hidden = false;
    this.root.querySelectorAll<HTMLLIElement>('.exercise-hints li')[this.hintsShown].hidden = false;
    this.hintsShown++;
  }

  private updateHintButton(): void {
    const button = this.q<HTMLButtonElement>('[data-action="hint"]');
    const total = this.data.hints.length;
    button.textContent = this.hintsShown === 0 ? `Hint (${total})` : this.hintsShown < total ? `Next hint (${this.hintsShown} of ${total} shown)` : `All ${total} hints shown`;
    button.disabled = this.hintsShown >= total;
  }

  private revealSolution(): void {
    this.record((a) => (a.solutionShownAt ??= new Date().toISOString()));
    this.toggle('.exercise-confirm', false);
    this.toggle('.exercise-solution', true);
    this.q('.exercise-solution button').focus();
  }

  private useSolution(): void {
    const attempt = this.currentCode();
    if (attempt !== this.data.solution) saveEdit(this.data.chapter, beforeSolutionSlot(this.data.id), { code: attempt, bookHash: this.options.bookHash, savedAt: new Date().toISOString() });
    this.setCode(this.data.solution);
    this.q('[data-action="restore"]').hidden = false;
    this.notify('The solution is in the editor. "Restore my attempt" brings your code back.');
  }

  private restoreAttempt(): void {
    const saved = loadEdit(this.data.chapter, beforeSolutionSlot(this.data.id));
    if (saved.kind !== 'saved') return this.notify('There is no saved attempt to restore.');
    this.setCode(saved.edit.code);
    this.notify('Your attempt is back in the editor.');
  }

  private toggle(selector: string, show: boolean): void {
    this.q(selector).hidden = !show;
  }
}
