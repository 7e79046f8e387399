// The cells of a page: edit (CodeMirror, loaded on first focus), Run / Stop / Reset, output streamed
// from a Web Worker, the comparison with the book, and the reader's edits kept across reloads.
// Nothing runs until the reader asks; while it runs, Run is off and a clock counts to the time limit.
// Reset shows the book's code, output and state, as the page first did.
import type { CellResult } from '../../runtime/execute.ts';
import { diffLines, outputText } from '../shared/output.ts';
import { DisplayArea } from './displays.ts';
import { EditableCode } from './editable.ts';
import { Runner } from '../../runtime/page/runner.ts';
import { loadEdit } from '../../progress/page/storage.ts';
import type { CellPageData } from '../shared/data.ts';

export function setUpCells(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.cell:not([data-ready])')) {
    root.dataset.ready = '';
    new CellView(root);
  }
}

class CellView extends EditableCode {
  private readonly data: CellPageData;
  private readonly runner = new Runner('the cell');
  private pending = '';
  private shown = '';
  private readonly displays: DisplayArea;
  private readonly el: {
    output: HTMLPreElement;
    diff: HTMLElement;
    run: HTMLButtonElement;
    stop: HTMLButtonElement;
    clock: HTMLElement;
  };
  private clock = 0;

  constructor(root: HTMLElement) {
    const data = JSON.parse(root.querySelector('.cell-data')!.textContent!) as CellPageData;
    super(root, {
      chapter: data.chapter,
      storageId: data.id,
      original: data.code,
      bookHash: root.dataset.bookHash!,
      label: `Code of cell ${data.id}`,
      resetMessage: "Back to the book's version.",
    });
    this.data = data;
    const q = <T extends HTMLElement>(s: string) => root.querySelector<T>(s)!;
    this.el = { output: q('.cell-output pre'), diff: q('.cell-diff'), run: q('[data-action="run"]'), stop: q('[data-action="stop"]'), clock: q('.cell-clock') };
    this.displays = new DisplayArea(q('.cell-displays'));
    this.el.run.addEventListener('click', () => this.run());
    this.el.stop.addEventListener('click', () => this.runner.stop('Stopped.'));
    q('[data-action="reset"]').addEventListener('click', () => this.reset());
    this.restore();
  }

  private restore(): void {
    const saved = loadEdit(this.data.chapter, this.data.id);
    if (saved.kind === 'corrupt') {
      this.notify(`Your saved edit of this cell could not be read, so the book's version is shown. The unreadable text is kept in this browser's storage under "${saved.keptAs}".`);
      return;
    }
    if (saved.kind !== 'saved' || saved.edit.code === this.data.code) return;
    this.showSaved(saved.edit.code);
    if (saved.edit.bookHash !== this.options.bookHash) {
      this.notify("The book's version of this cell has changed since you edited it.", [
        ['Compare', () => this.showDiff(diffLines(this.data.code, this.currentCode()).replace('--- want (the book)\n+++ got (the run)', "--- the book's version\n+++ your version"))],
        ["Use the book's version", () => this.reset()],
      ]);
    }
  }

  private showDiff(diff: string | null): void {
    this.el.diff.hidden = diff === null;
    if (diff === null) return;
    const pre = document.createElement('pre');
    pre.tabIndex = 0; // it may scroll: keyboard users must reach it
    for (const line of diff.split('\n')) {
      const span = document.createElement('span');
      span.className = line.startsWith('+ ') || line.startsWith('+++') ? 'added' : line.startsWith('- ') || line.startsWith('---') ? 'removed' : '';
      span.textContent = line + '\n';
      pre.append(span);
    }
    this.el.diff.replaceChildren(pre);
  }

  protected reset(): void {
    super.reset();
    this.showBook();
  }

  // as the page first showed the cell: the book's output, no verdict, nothing running
  private showBook(): void {
    if (this.runner.running) {
      this.runner.stop(null);
      this.setRunning(false);
    }
    this.editor?.markError(null);
    this.showDiff(null);
    this.displays.clear();
    this.pending = '';
    this.shown = '';
    this.el.output.textContent = this.data.expected ?? '';
    delete this.root.dataset.result;
    this.status('');
  }

  protected setRunning(running: boolean): void {
    const { run, stop, clock } = this.el;
    const focused = document.activeElement;
    super.setRunning(running);
    run.disabled = running;
    run.title = running ? 'Running: Stop ends it' : run.dataset.title!;
    stop.title = running ? 'Stop the run' : 'Nothing is running';
    // the button just pressed turns off: the keyboard moves to the one that took its place
    if (running && focused === run) stop.focus();
    if (!running && focused === stop) run.focus();
    window.clearInterval(this.clock);
    clock.hidden = !running;
    if (!running) return;
    const started = performance.now();
    const tick = () => (clock.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s (time limit ${this.data.timeoutMs / 1000} s)`);
    tick();
    this.clock = window.setInterval(tick, 100);
  }

  protected run(): void {
    if (this.runner.running) return; // Ctrl+Enter while it runs; Stop ends a run
    this.editor?.markError(null);
    this.showDiff(null);
    this.clearOutput();
    this.setRunning(true);
    this.status('Running…');
    this.runner.run({ code: this.currentCode(), setup: this.data.setup || undefined }, this.data.timeoutMs, {
      output: (text) => this.append(text),
      display: (display) => this.displays.add(display),
      done: (result) => this.finish(result),
      stopped: (message) => this.stopped(message),
      restarted: () => this.clearOutput(),
    });
  }

  private clearOutput(): void {
    this.displays.clear();
    this.pending = '';
    this.shown = '';
    this.el.output.textContent = '';
  }

  // output arrives in many small messages; paint it at most once a frame
  private append(text: string): void {
    const first = this.pending === '';
    this.pending += text;
    if (first) requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    if (this.pending === '') return;
    this.shown += this.pending;
    this.el.output.append(this.pending);
    this.pending = '';
  }

  private finish(result: CellResult): void {
    this.flush();
    this.displays.settle();
    this.setRunning(false);
    const seconds = `${(result.elapsedMs / 1000).toFixed(2)} s`;
    const got = outputText(result);
    const error = result.error;
    if (error) {
      this.el.output.append(`! ${error.name}: ${error.message}\n`);
      this.editor?.markError(error.line);
    }
    const matches = this.data.expected !== null && got === this.data.expected;
    this.root.dataset.result = matches ? 'matches' : 'differs';
    const what = error ? `${error.name}: ${error.message}${error.line === null ? '' : ` (line ${error.line})`}. ${seconds}.` : `Done in ${seconds}.`;
    // a prediction not yet made: what the run printed stays hidden with the book's output, and so
    // does the difference between them
    const withheld = this.root.querySelector('details.cell-withheld:not([open])') !== null;
    const verdict = matches ? 'The output matches the book.' : this.data.expected === null ? '' : withheld ? 'The output differs from the book.' : 'The output differs from the book:';
    this.status(`${what} ${verdict}${withheld ? ' It is hidden until you answer the checkpoint or show it.' : ''}`.trim());
    if (!matches && this.data.expected !== null && !withheld) this.showDiff(diffLines(this.data.expected, got));
  }

  private stopped(message: string): void {
    this.flush();
    this.displays.settle();
    this.setRunning(false);
    this.status(message);
  }
}
