// The files this site writes and reads back (hand-ins, grading settings, saved progress): JSON
// objects whose "format" says what they are and whose "version" says which shape they have. One
// reading of that envelope, with one wording for a text that is not one, before each file's own
// schema reads the rest.
export interface VersionedFormat {
  format: string; // e.g. "annotated-microgpt-submission"
  versions: readonly number[]; // the ones this site reads
  noun: string; // what the reader calls such a file: "hand-in file"
  notJson?: string; // what to say of a text that is not JSON
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

// the file's object, or `fail` with what is wrong with its envelope
export function readVersionedJson(
  text: unknown,
  { format, versions, noun, notJson = 'it is not JSON' }: VersionedFormat,
  fail: (message: string) => Error,
): Record<string, unknown> & { version: number } {
  if (typeof text !== 'string') throw fail(`not a ${noun}: ${notJson}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const looksCut = text.trimStart().startsWith('{') && !text.trimEnd().endsWith('}');
    throw fail(looksCut ? 'the file is cut short (truncated): its JSON ends early' : `not a ${noun}: ${notJson}`);
  }
  if (!isRecord(data) || data.format !== format) throw fail(`not a ${noun}: "format" is not "${format}"`);
  if (!versions.includes(data.version as number)) throw fail(`${noun} version ${JSON.stringify(data.version)} is not one this site reads (${versions.join(' or ')})`);
  return data as Record<string, unknown> & { version: number };
}
