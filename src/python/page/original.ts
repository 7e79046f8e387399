// microgpt.py's text, fetched by the reader's browser only when the reader asks: from Cache Storage
// when an earlier visit kept it, else from the gist's immutable raw URL. Nothing is shown, or
// kept, unless its SHA-256 is the pinned revision's.
import { passGate } from '../shared/gate.ts';

export interface Pinned {
  url: string; // the raw file at the pinned revision
  sha256: string;
}

export type Outcome = { ok: true; text: string; from: 'cache' | 'network' } | { ok: false; why: 'offline' | 'unreachable' | 'status' | 'mismatch'; message: string };

// what the loader uses from the browser, so a test can hand it stand-ins
export interface Env {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  caches: CacheStorage | undefined; // absent outside a secure context
  online: () => boolean;
}

export const CACHE_NAME = 'microgpt-py';

const browser = (): Env => ({
  fetch: (url, init) => fetch(url, init),
  caches: typeof caches === 'undefined' ? undefined : caches,
  online: () => navigator.onLine,
});

const host = (url: string) => new URL(url).host;

async function fromCache(pinned: Pinned, env: Env): Promise<string | null> {
  try {
    const cache = await env.caches?.open(CACHE_NAME);
    const kept = await cache?.match(pinned.url);
    if (!cache || !kept) return null;
    const gate = await passGate(new Uint8Array(await kept.arrayBuffer()), pinned.sha256);
    if (gate.ok) return gate.text;
    await cache.delete(pinned.url); // not the pinned file: forget it and fetch again
  } catch {
    // storage refused (private mode, quota): fetch instead
  }
  return null;
}

export async function loadOriginal(pinned: Pinned, env: Env = browser()): Promise<Outcome> {
  const kept = await fromCache(pinned, env);
  if (kept !== null) return { ok: true, text: kept, from: 'cache' };
  let response: Response;
  try {
    response = await env.fetch(pinned.url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    if (!env.online()) return { ok: false, why: 'offline', message: 'You are offline, and this browser has not kept a copy of microgpt.py yet.' };
    return { ok: false, why: 'unreachable', message: `microgpt.py could not be fetched from ${host(pinned.url)}: the network, a filter or an extension stopped the request.` };
  }
  if (!response.ok) return { ok: false, why: 'status', message: `${host(pinned.url)} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} instead of microgpt.py.` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gate = await passGate(bytes, pinned.sha256);
  if (!gate.ok) return { ok: false, why: 'mismatch', message: `The file ${host(pinned.url)} sent is not the revision this course maps (its SHA-256 differs), so it is not shown.` };
  try {
    const cache = await env.caches?.open(CACHE_NAME);
    await cache?.put(pinned.url, new Response(bytes, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  } catch {
    // not kept: the next visit fetches it again
  }
  return { ok: true, text: gate.text, from: 'network' };
}

// one fetch per page, however many regions ask
let pending: Promise<Outcome> | null = null;
export function originalOnce(pinned: Pinned): Promise<Outcome> {
  pending ??= loadOriginal(pinned).then((outcome) => {
    if (!outcome.ok) pending = null; // a failure may pass: let the next click try again
    return outcome;
  });
  return pending;
}
