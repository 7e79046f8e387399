// What the playground's URL holds: the data choice, every setting that is not the default, and
// the one setting a second run changes. The URL keeps the strings as typed, so a bad value in a
// link reaches the form and gets its message there, instead of being replaced by a default.
import { defaults, type Key, keys, fields, format, type Raw, type Settings } from './settings.ts';

// Where the documents come from. Pasted text small enough travels in the URL itself (packed);
// otherwise, and for a file, the URL holds its fingerprint, so the page can tell the reader
// whether the text they load is the one the link was made with.
export type DataRef = { kind: 'names' } | { kind: 'text'; packed: string } | { kind: 'text'; sha256: string; docs: number } | { kind: 'file'; name: string; sha256: string; docs: number };

// the second run: the first's settings with one changed
export interface CompareRef {
  key: Key;
  value: string;
}

export interface QueryState {
  raw: Raw;
  data: DataRef;
  compare: CompareRef | null;
  problems: string[]; // what the link holds that the page cannot use, each said plainly
}

// the settings a comparison may change: everything that changes a run's numbers
export const comparable: Key[] = keys.filter((k) => k !== 'evalEvery' && k !== 'sampleEvery' && k !== 'snapshotEvery');

const byParam = new Map(keys.map((k) => [fields[k].param, k]));
const HEX = /^[0-9a-f]{64}$/;
const MAX_PACKED = 16_000; // characters of packed text a link may carry
const MAX_NAME = 200;

function docsCount(text: string | null): number | null {
  return text !== null && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export function readQuery(search: string): QueryState {
  const params = new URLSearchParams(search);
  const raw: Raw = {};
  const problems: string[] = [];
  for (const [param, value] of params) {
    const key = byParam.get(param);
    if (key) raw[key] = value;
    else if (!['data', 'text', 'sha256', 'docs', 'name', 'compare'].includes(param)) problems.push(`the link's "${param}" is not a setting of the playground; it was left out`);
  }

  let data: DataRef = { kind: 'names' };
  const kind = params.get('data') ?? 'names';
  const sha256 = params.get('sha256');
  const docs = docsCount(params.get('docs'));
  if (kind === 'text' && params.has('text')) {
    const packed = params.get('text')!;
    if (packed.length <= MAX_PACKED && /^[A-Za-z0-9_-]*$/.test(packed)) data = { kind: 'text', packed };
    else problems.push(`the link's text is not one the playground packed (over ${MAX_PACKED.toLocaleString('en')} characters, or other characters); the default names are used instead`);
  } else if ((kind === 'text' || kind === 'file') && sha256 !== null && HEX.test(sha256) && docs !== null) {
    const name = (params.get('name') ?? '').slice(0, MAX_NAME);
    data = kind === 'text' ? { kind, sha256, docs } : { kind, name, sha256, docs };
  } else if (kind !== 'names') {
    problems.push(`the link's data (${JSON.stringify(kind.slice(0, 40))}) is incomplete; the default names are used instead`);
  }

  let compare: CompareRef | null = null;
  const spec = params.get('compare');
  if (spec !== null) {
    const at = spec.indexOf(':');
    const key = at > 0 ? byParam.get(spec.slice(0, at)) : undefined;
    if (key && comparable.includes(key)) compare = { key, value: spec.slice(at + 1) };
    else problems.push(`the link's comparison ${JSON.stringify(spec.slice(0, 60))} does not name a setting (it reads setting:value, e.g. lr:0.02)`);
  }
  return { raw, data, compare, problems };
}

// The query for these settings and data: the defaults left out, so the default run's link is bare
export function writeQuery(settings: Settings, data: DataRef, compare: CompareRef | null = null): string {
  const params = new URLSearchParams();
  if (data.kind !== 'names') {
    params.set('data', data.kind);
    if ('packed' in data) params.set('text', data.packed);
    else {
      if (data.kind === 'file') params.set('name', data.name);
      params.set('sha256', data.sha256);
      params.set('docs', String(data.docs));
    }
  }
  for (const key of keys) if (settings[key] !== defaults[key]) params.set(fields[key].param, format(settings, key));
  if (compare) params.set('compare', `${fields[compare.key].param}:${compare.value}`);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
