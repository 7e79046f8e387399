// A reader's edits, kept per chapter and cell in localStorage, with the hash of the book's version
// they started from. A saved entry that cannot be read is set aside, never silently dropped.

export interface SavedEdit {
  code: string;
  bookHash: string; // the book's version when the reader edited it
  savedAt: string;
}

const key = (chapter: string, id: string) => `microgpt:cell:${chapter}:${id}`;

export type LoadResult = { kind: 'none' } | { kind: 'saved'; edit: SavedEdit } | { kind: 'corrupt'; raw: string };

export function loadEdit(chapter: string, id: string): LoadResult {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key(chapter, id));
  } catch {
    return { kind: 'none' }; // storage disabled: nothing was saved
  }
  if (raw === null) return { kind: 'none' };
  try {
    const edit = JSON.parse(raw) as SavedEdit;
    if (typeof edit.code !== 'string' || typeof edit.bookHash !== 'string') throw new Error('not an edit');
    return { kind: 'saved', edit };
  } catch {
    // keep the unreadable text where a reader (or support) can still find it
    try {
      localStorage.setItem(`${key(chapter, id)}:unreadable`, raw);
      localStorage.removeItem(key(chapter, id));
    } catch {}
    return { kind: 'corrupt', raw };
  }
}

export function saveEdit(chapter: string, id: string, edit: SavedEdit): boolean {
  try {
    localStorage.setItem(key(chapter, id), JSON.stringify(edit));
    return true;
  } catch {
    return false; // full or disabled storage: the edit stays in the page
  }
}

export function clearEdit(chapter: string, id: string): void {
  try {
    localStorage.removeItem(key(chapter, id));
  } catch {}
}
