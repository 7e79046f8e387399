// Pasted text in a link: deflated (the platform's CompressionStream) and written in base64url.
// A link is anyone's to make, so unpacking stops at the playground's size limit instead of
// inflating whatever the link holds, and says why.
import { fromBase64Url, toBase64Url } from './base64.ts';
import { MAX_TEXT_BYTES } from './limits.ts';

export class PackError extends Error {
  name = 'PackError';
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new PackError(`the link's text unpacks to more than ${(limit / 1e6).toFixed(0)} MB, the playground's limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function pack(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(await readAll(stream, Infinity));
}

// the text a link carries, at most limit bytes of it once inflated
export async function unpack(packed: string, limit = MAX_TEXT_BYTES): Promise<string> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64Url(packed);
  } catch {
    throw new PackError("the link's text is not base64url");
  }
  let inflated: Uint8Array;
  try {
    inflated = await readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), limit);
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError("the link's text is damaged: it does not unpack");
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new PackError("the link's text is not UTF-8");
  }
}

// SHA-256 of the text's UTF-8 bytes, in hex; null where the browser offers no digest (a page
// served over plain http from another machine is not a secure context)
export async function fingerprint(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
