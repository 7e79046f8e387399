// The hash gate and the loader, on a stand-in text and its own SHA-256 (microgpt.py's text is never
// in this repository): one byte changed is refused; offline, unreachable, an HTTP error and a
// mismatch each get their explanation; a good text is kept in Cache Storage and read from it later.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { excerptHtml } from '../shared/excerpt.ts';
import { passGate, sha256Hex } from '../shared/gate.ts';
import { type Env, loadOriginal } from './original.ts';

const standIn = ['"""A stand-in for a pinned file."""', '', '# a comment', 'x = 1 < 2', 'print(f"x is {x}")'].join('\n');
const bytes = new TextEncoder().encode(standIn);
const sha256 = createHash('sha256').update(bytes).digest('hex');
const url = 'https://gist.example/raw/0123/stand-in.py';

test('the hash is SHA-256, as Node computes it', async () => {
  assert.equal(await sha256Hex(bytes), sha256);
});

test('the gate lets the pinned bytes through and refuses a text one byte different', async () => {
  assert.deepEqual(await passGate(bytes, sha256), { ok: true, text: standIn });
  for (const at of [0, bytes.length >> 1, bytes.length - 1]) {
    const changed = bytes.slice();
    changed[at] ^= 0x01;
    const gate = await passGate(changed, sha256);
    assert.equal(gate.ok, false, `a change at byte ${at} is refused`);
  }
  assert.equal((await passGate(bytes.slice(0, -1), sha256)).ok, false, 'one byte missing is refused');
  assert.equal((await passGate(new Uint8Array([...bytes, 0x0a]), sha256)).ok, false, 'one byte more is refused');
});

// Cache Storage, as much of it as the loader uses
function memoryCaches(): CacheStorage & { stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>();
  const cache = {
    match: async (key: string) => (stored.has(key) ? new Response(stored.get(key)!.slice()) : undefined),
    put: async (key: string, response: Response) => void stored.set(key, new Uint8Array(await response.arrayBuffer())),
    delete: async (key: string) => stored.delete(key),
  };
  return { stored, open: async () => cache } as unknown as CacheStorage & { stored: Map<string, Uint8Array> };
}

function env(respond: () => Promise<Response>, online = true, caches = memoryCaches()): Env & { calls: number; caches: ReturnType<typeof memoryCaches> } {
  const e = { calls: 0, caches, online: () => online, fetch: async () => (e.calls++, respond()) };
  return e;
}

test('a good text is fetched once, kept, and read from the cache on the next visit without the network', async () => {
  const first = env(async () => new Response(bytes));
  assert.deepEqual(await loadOriginal({ url, sha256 }, first), { ok: true, text: standIn, from: 'network' });
  assert.equal(first.calls, 1);
  const offline = env(async () => Promise.reject(new TypeError('Failed to fetch')), false, first.caches);
  assert.deepEqual(await loadOriginal({ url, sha256 }, offline), { ok: true, text: standIn, from: 'cache' });
  assert.equal(offline.calls, 0);
});

test('a mismatching text is refused, not shown and not kept', async () => {
  const e = env(async () => new Response(standIn.replace('1', '2')));
  const outcome = await loadOriginal({ url, sha256 }, e);
  assert.equal(outcome.ok, false);
  assert.equal(!outcome.ok && outcome.why, 'mismatch');
  assert.match(!outcome.ok ? outcome.message : '', /not the revision this course maps \(its SHA-256 differs\)/);
  assert.equal(e.caches.stored.size, 0);
});

test('a kept copy that no longer passes the gate is dropped and fetched again', async () => {
  const caches = memoryCaches();
  caches.stored.set(url, new TextEncoder().encode('tampered'));
  const e = env(async () => new Response(bytes), true, caches);
  assert.deepEqual(await loadOriginal({ url, sha256 }, e), { ok: true, text: standIn, from: 'network' });
  assert.deepEqual(caches.stored.get(url), bytes);
});

test('offline before the first fetch, a blocked request and an HTTP error each say what happened', async () => {
  const failed = () => Promise.reject(new TypeError('Failed to fetch'));
  const offline = await loadOriginal({ url, sha256 }, env(failed, false));
  assert.deepEqual(offline, { ok: false, why: 'offline', message: 'You are offline, and this browser has not kept a copy of microgpt.py yet.' });
  const blocked = await loadOriginal({ url, sha256 }, env(failed, true));
  assert.deepEqual(blocked, { ok: false, why: 'unreachable', message: 'microgpt.py could not be fetched from gist.example: the network, a filter or an extension stopped the request.' });
  const missing = await loadOriginal(
    { url, sha256 },
    env(async () => new Response('no', { status: 404, statusText: 'Not Found' })),
  );
  assert.deepEqual(missing, { ok: false, why: 'status', message: 'gist.example answered 404 Not Found instead of microgpt.py.' });
});

test('without Cache Storage (not a secure context) the text is still fetched and shown', async () => {
  const e = { ...env(async () => new Response(bytes)), caches: undefined };
  assert.deepEqual(await loadOriginal({ url, sha256 }, e), { ok: true, text: standIn, from: 'network' });
});

test('the view shows the asked lines of the stand-in with their numbers, escaped, comments marked, a gap between ranges', () => {
  const html = excerptHtml(standIn, [
    { first: 3, last: 4 },
    { first: 5, last: 5 },
  ]);
  assert.equal(
    html,
    [
      '<span class="py-line comment" data-line="3"><span class="py-number" aria-hidden="true">3</span># a comment</span>',
      '<span class="py-line" data-line="4"><span class="py-number" aria-hidden="true">4</span>x = 1 &lt; 2</span>',
      '<span class="py-gap" aria-hidden="true">⋮</span>',
      '<span class="py-line" data-line="5"><span class="py-number" aria-hidden="true">5</span>print(f"x is {x}")</span>',
    ].join('\n'),
  );
});
