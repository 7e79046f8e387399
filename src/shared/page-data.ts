// Data written into a page for its scripts: JSON safe inside <script type="application/json">
// (nothing in it can close the element), and a short hash of a book version, so a reader's saved
// edit can tell when the book's version changed under it.

export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

// FNV-1a over the text's code points, in hex
export function versionHash(...parts: string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return hash.toString(16);
}
