// What cells and exercises share: code shown highlighted until the reader focuses it, then an
// editor (loaded on demand); Ctrl/Cmd+Enter runs it; edits saved in this browser under a key of
// their own; Reset to the original with Undo; a notice line with actions.
import type { CellEditor } from './editor.ts';
import { clearEdit, saveEdit } from '../../progress/page/storage.ts';

export interface EditableOptions {
  chapter: string;
  storageId: string; // the key the edits are saved under, within the chapter
  original: string; // the book's code: what Reset goes back to
  bookHash: string;
  label: string; // the editor's accessible name
  resetMessage: string; // what the notice says after Reset
}

export abstract class EditableCode {
  protected readonly root: HTMLElement;
  protected readonly options: EditableOptions;
  protected code: string;
  protected editor: CellEditor | null = null;
  private editorLoading: Promise<CellEditor> | null = null;
  private undoCode: string | null = null;

  constructor(root: HTMLElement, options: EditableOptions) {
    this.root = root;
    this.options = options;
    this.code = options.original;
    // the toolbar is disabled in the HTML until this script is here to answer it, its title saying so
    // (data-title is the title it has once it works); Stop stays off until a run
    for (const button of root.querySelectorAll<HTMLButtonElement>('.cell-toolbar button:not([data-action="stop"])')) {
      button.disabled = false;
      if (button.dataset.title !== undefined) button.title = button.dataset.title;
    }
    root.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        this.run();
      }
    });
    // the static code becomes an editor on first focus or click
    const codeEl = this.codeElement();
    const activate = () => void this.loadEditor();
    codeEl.addEventListener('click', activate, { once: true });
    codeEl.querySelector('pre')?.addEventListener('focus', activate, { once: true });
  }

  protected abstract run(): void;

  protected codeElement(): HTMLElement {
    return this.root.querySelector<HTMLElement>('.cell-code')!;
  }

  protected loadEditor(): Promise<CellEditor> {
    this.editorLoading ??= import('./editor.ts').then(({ createEditor }) => {
      const host = document.createElement('div');
      host.className = 'cell-editor';
      const codeEl = this.codeElement();
      // the editor takes the focus only from the code it replaces: a reader who tabbed on while it
      // loaded keeps the focus where they went
      const focused = codeEl.contains(document.activeElement);
      codeEl.replaceChildren(host);
      delete codeEl.dataset.static;
      this.editor = createEditor(
        host,
        this.code,
        this.options.label,
        (code) => this.edited(code),
        () => this.run(),
      );
      if (focused) this.editor.focus();
      return this.editor;
    });
    return this.editorLoading;
  }

  protected currentCode(): string {
    return this.editor?.getCode() ?? this.code;
  }

  // shows saved code from an earlier visit, marked as edited
  protected showSaved(code: string): void {
    this.code = code;
    this.root.toggleAttribute('data-edited', code !== this.options.original);
    void this.loadEditor();
  }

  protected edited(code: string): void {
    this.code = code;
    const { chapter, storageId, original, bookHash } = this.options;
    const isOriginal = code === original;
    this.root.toggleAttribute('data-edited', !isOriginal);
    if (isOriginal) clearEdit(chapter, storageId);
    else if (!saveEdit(chapter, storageId, { code, bookHash, savedAt: new Date().toISOString() })) {
      this.notify('Your edits could not be saved in this browser (storage is full or turned off); they last until you leave the page.');
    }
  }

  protected setCode(code: string): void {
    if (this.editor)
      this.editor.setCode(code); // fires edited()
    else {
      this.edited(code);
      void this.loadEditor();
    }
  }

  protected reset(): void {
    const previous = this.currentCode();
    if (previous === this.options.original) return;
    this.undoCode = previous;
    this.setCode(this.options.original);
    this.notify(this.options.resetMessage, [['Undo', () => this.undoReset()]]);
  }

  private undoReset(): void {
    if (this.undoCode === null) return;
    this.setCode(this.undoCode);
    this.undoCode = null;
    this.notify('');
  }

  protected notify(text: string, actions: [string, () => void][] = []): void {
    const notice = this.root.querySelector<HTMLElement>('.cell-notice')!;
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

  protected setRunning(running: boolean): void {
    this.root.querySelector<HTMLButtonElement>('[data-action="stop"]')!.disabled = !running;
    this.root.toggleAttribute('data-running', running);
  }

  protected status(text: string): void {
    this.root.querySelector('.cell-status')!.textContent = text;
  }
}
