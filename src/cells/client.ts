// The cells of a page: edit (CodeMirror, loaded on first focus), Run / Stop / Reset, output streamed
// from a Web Worker, the comparison with the book, and the reader's edits kept across reloads.
// Nothing runs until the reader asks.
import type { CellResult } from '../runtime/execute.ts';
import { diffLines, outputText } from './compare.ts';
import { DisplayArea } from './displays.ts';
import type { CellEditor } from './editor.ts';
import { Runner } from './runner.ts';
import { clearEdit, loadEdit, saveEdit } from './storage.ts';

interface CellData {
  chapter: string;
  id: string;
  setup: string;
  code: string;
  expected: string | null;
  timeoutMs: number;
  throws: boolean;
}

export function setUpCells(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.cell:not([data-ready])')) {
    root.dataset.ready = '';
    new CellView(root);
  }
}

class CellView {
  private readonly data: CellData;
  private readonly bookHash: string;
  private code: string;
  private editor: CellEditor | null = null;
  private editorLoading: Promise<CellEditor> | null = null;
  private readonly runner = new Runner('the cell');
  private pending = '';
  private shown = '';
  private undoCode: string | null = null;
  private readonly displays: DisplayArea;
  private readonly el: {
    code: HTMLElement;
    run: HTMLButtonElement;
    stop: HTMLButtonElement;
    reset: HTMLButtonElement;
    status: HTMLElement;
    notice: HTMLElement;
    output: HTMLPreElement;
    diff: HTMLElement;
  };

  private readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.data = JSON.parse(root.querySelector('.cell-data')!.textContent!) as CellData;
    this.bookHash = root.dataset.bookHash!;
    this.code = this.data.code;
    const q = <T extends HTMLElement>(s: string) => root.querySelector<T>(s)!;
    this.el = {
      code: q('.cell-code'),
      run: q('[data-action="run"]'),
      stop: q('[data-action="stop"]'),
      reset: q('[data-action="reset"]'),
      status: q('.cell-status'),
      notice: q('.cell-notice'),
      output: q('.cell-output pre'),
      diff: q('.cell-diff'),
    };
    this.displays = new DisplayArea(q('.cell-displays'));
    this.el.run.addEventListener('click', () => this.run());
    this.el.stop.addEventListener('click', () => this.runner.stop('Stopped.'));
    this.el.reset.addEventListener('click', () => this.reset());
    root.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        this.run();
      }
    });
    // the static code becomes an editor on first focus or click
    const activate = () => void this.loadEditor().then((e) => e.focus());
    this.el.code.addEventListener('click', activate, { once: true });
    this.el.code.querySelector('pre')?.addEventListener('focus', activate, { once: true });
    this.restore();
  }

  private restore(): void {
    const saved = loadEdit(this.data.chapter, this.data.id);
    if (saved.kind === 'corrupt') {
      this.notify(`Your saved edit of this cell could not be read, so the book's version is shown. The unreadable text is kept in this browser's storage under "microgpt:cell:${this.data.chapter}:${this.data.id}:unreadable".`);
      return;
    }
    if (saved.kind !== 'saved' || saved.edit.code === this.data.code) return;
    this.code = saved.edit.code;
    this.markEdited(true);
    void this.loadEditor();
    if (saved.edit.bookHash !== this.bookHash) {
      this.notify("The book's version of this cell has changed since you edited it.", [
        ['Compare', () => this.showDiff(diffLines(this.data.code, this.currentCode()).replace('--- want (the book)\n+++ got (the run)', "--- the book's version\n+++ your version"))],
        ["Use the book's version", () => this.reset()],
      ]);
    }
  }

  private loadEditor(): Promise<CellEditor> {
    this.editorLoading ??= import('./editor.ts').then(({ createEditor }) => {
      const host = document.createElement('div');
      host.className = 'cell-editor';
      this.el.code.replaceChildren(host);
      delete this.el.code.dataset.static;
      this.editor = createEditor(host, this.code, `Code of cell ${this.data.id}`, (code) => this.edited(code), () => this.run());
      return this.editor;
    });
    return this.editorLoading;
  }

  private currentCode(): string {
    return this.editor?.getCode() ?? this.code;
  }

  private edited(code: string): void {
    this.code = code;
    const isBook = code === this.data.code;
    this.markEdited(!isBook);
    if (isBook) clearEdit(this.data.chapter, this.data.id);
    else if (!saveEdit(this.data.chapter, this.data.id, { code, bookHash: this.bookHash, savedAt: new Date().toISOString() })) {
      this.notify('Your edits could not be saved in this browser (storage is full or turned off); they last until you leave the page.');
    }
  }

  private markEdited(edited: boolean): void {
    this.root.toggleAttribute('data-edited', edited);
  }

  private reset(): void {
    const previous = this.currentCode();
    if (previous === this.data.code) return;
    this.undoCode = previous;
    this.setCode(this.data.code);
    this.notify("Back to the book's version.", [['Undo', () => this.undoReset()]]);
  }

  private undoReset(): void {
    if (this.undoCode === null) return;
    this.setCode(this.undoCode);
    this.undoCode = null;
    this.notify('');
  }

  private setCode(code: string): void {
    if (this.editor) this.editor.setCode(code); // fires edited()
    else {
      this.edited(code);
      void this.loadEditor();
    }
  }

  private notify(text: string, actions: [string, () => void][] = []): void {
    const notice = this.el.notice;
    notice.replaceChildren();
    notice.hidden = text === '';
    if (text === '') return;
    const p = document.createElement('p');
    p.textContent = text;
    notice.append(p);
    for (const [label, act] of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', act);
      notice.append(button);
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

  private run(): void {
    this.editor?.markError(null);
    this.showDiff(null);
    this.displays.clear();
    this.pending = '';
    this.shown = '';
    this.el.output.textContent = '';
    this.setRunning(true);
    this.status('Running…');
    this.runner.run({ code: this.currentCode(), setup: this.data.setup || undefined }, this.data.timeoutMs, {
      output: (text) => this.append(text),
      display: (display) => this.displays.add(display),
      done: (result) => this.finish(result),
      stopped: (message) => this.stopped(message),
    });
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
    const verdict = matches ? 'The output matches the book.' : this.data.expected === null ? '' : 'The output differs from the book:';
    this.status(`${what} ${verdict}`.trim());
    if (!matches && this.data.expected !== null) this.showDiff(diffLines(this.data.expected, got));
  }

  private stopped(message: string): void {
    this.flush();
    this.displays.settle();
    this.setRunning(false);
    this.status(message);
  }

  private setRunning(running: boolean): void {
    this.el.stop.disabled = !running;
    this.root.toggleAttribute('data-running', running);
  }

  private status(text: string): void {
    this.el.status.textContent = text;
  }
}
