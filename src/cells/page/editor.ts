// The cell editor: CodeMirror 6 with TypeScript highlighting, loaded only when a reader starts
// editing. Ctrl/Cmd+Enter runs the cell; Tab is left to move focus, so the keyboard never gets stuck.
import { javascript } from '@codemirror/lang-javascript';
import { syntaxHighlighting } from '@codemirror/language';
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup } from 'codemirror';

const setErrorLine = StateEffect.define<number | null>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setErrorLine)) continue;
      if (effect.value === null || effect.value > tr.state.doc.lines) return Decoration.none;
      const line = tr.state.doc.line(effect.value);
      return Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(line.from)]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export interface CellEditor {
  getCode(): string;
  setCode(code: string): void;
  markError(line: number | null): void;
  focus(): void;
}

export function createEditor(parent: HTMLElement, code: string, label: string, onChange: (code: string) => void, onRun: () => void): CellEditor {
  const view = new EditorView({
    parent,
    doc: code,
    extensions: [
      keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true), preventDefault: true }]),
      basicSetup,
      javascript({ typescript: true }),
      syntaxHighlighting(classHighlighter), // tok-* classes, coloured by site.css in light and dark
      errorLine,
      EditorView.lineWrapping, // no sideways scrolling, on a phone either
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((update) => update.docChanged && onChange(update.state.doc.toString())),
    ],
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    markError: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
    focus: () => view.focus(),
  };
}
