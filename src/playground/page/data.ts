// The data the reader chose: the default names, a file (picked or dropped), or pasted text. The
// Worker reads and checks it; the page says what it found, or why it cannot train on it, and never
// changes the text the reader typed: a dropped file becomes the file choice, beside the text.
import type { DataSource, DataSummary } from '../shared/dataset-input.ts';
import { MAX_TEXT_BYTES } from '../shared/limits.ts';
import type { Described } from '../shared/protocol.ts';
import { fingerprint, pack } from '../shared/text-codec.ts';
import type { DataRef } from '../shared/url-state.ts';
import type { Trainer } from './trainer.ts';

export type DataKind = 'names' | 'file' | 'text';

interface Loaded {
  summary: DataSummary;
  text: string | null; // null for the default names
  name: string; // as messages and the model file name it
  sha256: string | null;
}

// a link can ask for a text it could not carry: the page checks what the reader gives against it
type Expected = { sha256: string; docs: number; name: string | null } | null;

const TEXT_NAME = 'the pasted text';
const MAX_LINK_TEXT = 6000; // characters of packed text put in a link; longer text goes by fingerprint

export class DataChoice {
  onChange: () => void = () => {};
  private readonly box: HTMLFieldSetElement;
  private readonly trainer: Trainer;
  private readonly status: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly names: Loaded;
  private readonly loaded = new Map<DataKind, Loaded | { error: string } | 'reading'>();
  private expected: Expected = null;
  private textTimer = 0;
  private textVersion = 0;

  constructor(box: HTMLFieldSetElement, trainer: Trainer, names: DataSummary) {
    this.box = box;
    this.trainer = trainer;
    this.status = box.querySelector('.pg-data-status')!;
    this.textarea = box.querySelector('textarea')!;
    this.names = { summary: names, text: null, name: 'the default names', sha256: null };
    this.loaded.set('names', this.names);
    for (const radio of this.radios()) radio.addEventListener('change', () => this.changed());
    box.querySelector<HTMLInputElement>('input[type="file"]')!.addEventListener('change', (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void this.readFile(file);
    });
    this.textarea.addEventListener('input', () => {
      this.select('text');
      window.clearTimeout(this.textTimer);
      this.textTimer = window.setTimeout(() => void this.readText(), 250);
    });
    // a file dropped anywhere on the data choice is read as the file choice; dropped text goes
    // into the text box as the browser puts it there
    box.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    box.addEventListener('drop', (event) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void this.readFile(file);
    });
    if (this.textarea.value !== '') void this.readText(); // text the browser kept across a reload
    this.show();
  }

  kind(): DataKind {
    return (this.radios().find((r) => r.checked)?.value as DataKind | undefined) ?? 'names';
  }

  // what a run can train on now, or the message that says why not
  current(): { ok: true; source: DataSource; loaded: Loaded } | { ok: false; message: string } {
    const state = this.loaded.get(this.kind());
    if (state === 'reading') return { ok: false, message: 'The data is still being read; try again in a moment.' };
    if (state === undefined)
      return { ok: false, message: this.kind() === 'file' ? 'Choose a file to train on, or another data choice.' : 'Paste or type some text to train on, one document per line.' };
    if ('error' in state) return { ok: false, message: state.error };
    return { ok: true, source: state.text === null ? { kind: 'names' } : { kind: 'text', text: state.text, name: state.name }, loaded: state };
  }

  summary(): DataSummary | null {
    const c = this.current();
    return c.ok ? c.loaded.summary : null;
  }

  // the data as a link holds it: small pasted text itself, else its fingerprint
  async ref(): Promise<DataRef> {
    const c = this.current();
    if (!c.ok || c.loaded.text === null) return { kind: 'names' };
    const { text, summary, sha256, name } = c.loaded;
    if (this.kind() === 'text') {
      const packed = await pack(text);
      if (packed.length <= MAX_LINK_TEXT) return { kind: 'text', packed };
    }
    const sha = sha256 ?? (await fingerprint(text)) ?? '';
    return this.kind() === 'file' ? { kind: 'file', name, sha256: sha, docs: summary.numDocs } : { kind: 'text', sha256: sha, docs: summary.numDocs };
  }

  // a link's data: its text put in the text box, or what the reader must give to reproduce it
  useLink(data: DataRef, text: string | null): void {
    if (data.kind === 'names') return;
    this.select(data.kind);
    if (text !== null) {
      this.textarea.value = text;
      void this.readText();
    } else if ('sha256' in data) {
      this.expected = { sha256: data.sha256, docs: data.docs, name: data.kind === 'file' ? data.name : null };
      this.show();
    }
  }

  private radios(): HTMLInputElement[] {
    return [...this.box.querySelectorAll<HTMLInputElement>('input[name="data"]')];
  }

  private select(kind: DataKind): void {
    const radio = this.radios().find((r) => r.value === kind)!;
    if (!radio.checked) {
      radio.checked = true;
      this.changed();
    }
  }

  private changed(): void {
    if (this.kind() === 'text' && !this.loaded.has('text') && this.textarea.value !== '') void this.readText();
    this.show();
    this.onChange();
  }

  private async readFile(file: File): Promise<void> {
    this.select('file');
    const name = file.name.slice(0, 200);
    if (file.size > MAX_TEXT_BYTES) {
      this.loaded.set('file', { error: `${name} is ${file.size.toLocaleString('en')} bytes; the playground reads at most ${MAX_TEXT_BYTES.toLocaleString('en')} (${MAX_TEXT_BYTES / 1e6} MB)` });
      return this.changed();
    }
    this.loaded.set('file', 'reading');
    this.changed();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { result } = await this.trainer.ask<'described'>((id) => ({ type: 'describe', id, input: { kind: 'bytes', bytes, name } }), [bytes.buffer]);
    this.settle('file', result, name);
  }

  private async readText(): Promise<void> {
    const version = ++this.textVersion;
    const text = this.textarea.value;
    if (text.length > MAX_TEXT_BYTES) {
      this.loaded.set('text', { error: `${TEXT_NAME} is over ${MAX_TEXT_BYTES.toLocaleString('en')} bytes; the playground reads at most ${MAX_TEXT_BYTES / 1e6} MB. Your text is still here.` });
      return this.changed();
    }
    this.loaded.set('text', 'reading');
    const { result } = await this.trainer.ask<'described'>((id) => ({ type: 'describe', id, input: { kind: 'text', text, name: TEXT_NAME } }));
    if (version !== this.textVersion) return; // the text has changed since
    this.settle('text', result, TEXT_NAME, text);
  }

  private settle(kind: DataKind, result: Described, name: string, text: string | null = null): void {
    if (result.ok) this.loaded.set(kind, { summary: result.summary, text: text ?? result.text, name, sha256: result.sha256 });
    else this.loaded.set(kind, { error: result.message });
    this.changed();
  }

  private show(): void {
    const kind = this.kind();
    const state = this.loaded.get(kind);
    this.box.dataset.kind = kind;
    let text: string;
    let bad = false;
    if (state === 'reading') text = 'Reading…';
    else if (state === undefined) text = kind === 'file' ? 'No file chosen yet.' : 'No text yet.';
    else if ('error' in state) {
      text = state.error;
      bad = true;
    } else {
      const { numDocs, uchars, heldOut } = state.summary;
      text = `${state.name}: ${numDocs.toLocaleString('en')} documents, ${uchars.length} distinct characters; ${heldOut.toLocaleString('en')} held out for the held-out loss.`;
    }
    const expected = kind !== 'names' && this.expected && (kind === 'file') === (this.expected.name !== null) ? this.expected : null;
    if (expected) {
      const sha = expected.sha256.slice(0, 12);
      const loaded = state && state !== 'reading' && !('error' in state) ? state : null;
      if (!loaded)
        text += ` This link was made with ${expected.name ?? 'a pasted text'} (${expected.docs.toLocaleString('en')} documents, SHA-256 ${sha}…): ${kind === 'file' ? 'load that file' : 'paste that text'} to train on it.`;
      else if (loaded.sha256 === expected.sha256) text += ' It is the text the link was made with.';
      else {
        text += ` It is not the text the link was made with (SHA-256 ${sha}…), so the numbers will differ from the link’s.`;
        bad = true;
      }
    }
    this.status.textContent = text.charAt(0).toUpperCase() + text.slice(1);
    this.status.classList.toggle('pg-bad', bad);
  }
}
