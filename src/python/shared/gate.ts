// The hash gate: the text fetched from the gist is shown only when its SHA-256 is the pinned
// revision's, so the line map always points at the lines it was made for. Web Crypto, which the
// browser and Node both have.

export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type Gate = { ok: true; text: string } | { ok: false; actual: string };

// the bytes as text when they are the pinned file, byte for byte; otherwise their hash
export async function passGate(bytes: Uint8Array<ArrayBuffer>, sha256: string): Promise<Gate> {
  const actual = await sha256Hex(bytes);
  if (actual !== sha256.toLowerCase()) return { ok: false, actual };
  return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}
