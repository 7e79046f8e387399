// What the JSON files and stores this site reads back share: zod's mini build (a few KB in a page,
// where the full one would be over the chapter pages' JavaScript budget on its own), and one way of
// saying what is wrong: the field's path, then what it needs, as "exercises[0].attempts: needs …".
import * as z from 'zod/mini';

export { z };

// a schema's error: "is missing" when the field is absent, else what it needs
export const need = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : `needs ${what}`) });

// a field's path as written in JavaScript: exercises[0].attempts
export const fieldPath = (path: readonly PropertyKey[]) => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`)).join('');

// one problem as a sentence naming its field; `files` is what the format calls its files ("hand-in files")
export function describeIssue(issue: z.core.$ZodIssue, files: string): string {
  const at = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') return `${at === '' ? 'the file' : `${at}:`} has a field "${issue.keys[0]}" that ${files} do not have`;
  return `${at === '' ? 'the file' : at}: ${issue.message}`;
}

// a list whose entries are unique by chapter and id; a repeat is an issue at its index
export const uniqueByKey = <T extends { chapter: string; id: string }>() =>
  z.superRefine<T[]>((items, context) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = `${item.chapter}/${item.id}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: [i], message: `"${key}" is listed twice`, input: item });
      seen.add(key);
    });
  });
