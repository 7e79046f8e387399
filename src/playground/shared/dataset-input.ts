// The documents the reader gives the playground: the default names, a file, or pasted text, one
// document per line. Each is read as microgpt reads its input.txt (engine/src/dataset.ts), after
// checks with a message for what it would refuse or choke on: nothing, binary, too much.
import { DatasetError, decodeText, defaultDatasetText, loadDocs } from '../../../engine/src/dataset.ts';
import { Tokenizer } from '../../../engine/src/tokenizer.ts';
import { MAX_TEXT_BYTES } from './limits.ts';

export { DatasetError };

export type DataSource = { kind: 'names' } | { kind: 'text'; text: string; name: string };

export interface DataSummary {
  numDocs: number;
  uchars: string[]; // the vocabulary, BOS left out
  heldOut: number; // how many documents the held-out loss reads (the last tenth of the shuffle)
}

const LIMIT = `the playground reads at most ${MAX_TEXT_BYTES.toLocaleString('en')} (${MAX_TEXT_BYTES / 1e6} MB, about 200,000 names)`;

// C0 controls Python's strip() does not treat as whitespace: no text file of names holds them
// eslint-disable-next-line no-control-regex -- the characters it rejects
const CONTROL = /[\x00-\x08\x0e-\x1b\x7f]/;

export function checkSize(bytes: number, name: string): void {
  if (bytes > MAX_TEXT_BYTES) throw new DatasetError(`${name} is ${bytes.toLocaleString('en')} bytes; ${LIMIT}`);
}

// the documents of a text, or a DatasetError saying why there are none to train on
export function readText(text: string, name: string): string[] {
  // a UTF-16 unit is at least one byte of UTF-8: too many units is too many bytes, found without encoding
  if (text.length > MAX_TEXT_BYTES) throw new DatasetError(`${name} is over ${MAX_TEXT_BYTES.toLocaleString('en')} bytes; ${LIMIT}`);
  checkSize(new TextEncoder().encode(text).length, name);
  const control = CONTROL.exec(text);
  if (text.includes('\ufffd') || control?.[0] === '\0') {
    throw new DatasetError(
      `${name} looks binary (${text.includes('\ufffd') ? 'it holds U+FFFD, the mark of bytes that are not text' : 'it holds a NUL character'}); expected text, one document per line`,
    );
  }
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new DatasetError(`${name} holds the control character U+${code} on line ${line}; expected text, one document per line`);
  }
  return loadDocs(text, name);
}

// a file's bytes: UTF-8 text, as Python's open() reads it, within the size limit
export function readBytes(bytes: Uint8Array, name: string): string {
  checkSize(bytes.length, name);
  return decodeText(bytes, name);
}

export function loadSource(source: DataSource): string[] {
  return source.kind === 'names' ? loadDocs(defaultDatasetText(), 'the default names') : readText(source.text, source.name);
}

export function summarize(docs: readonly string[]): DataSummary {
  return { numDocs: docs.length, uchars: new Tokenizer(docs).uchars, heldOut: heldOutCount(docs.length) };
}

// the book's held-out set: the last tenth of the shuffled documents (842 of the 8,422 names)
export function heldOutCount(numDocs: number): number {
  return Math.round(numDocs / 10);
}
