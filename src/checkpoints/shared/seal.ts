// Checkpoint answers as the page holds them: never in plain text, only as salted SHA-256 hashes of
// normalised answers, each beside a "box" (AES-GCM) holding the feedback for that answer, whose key
// is derived from the answer itself. The build seals (src/checkpoints/build/seal-data.ts); the page
// opens the box of whatever the reader answered. Both use Web Crypto, so the normalisation and the
// hashing are this one file on both sides.
//
// What this protects, and what it does not: a reader who opens the page source (or the network
// tab) sees hashes and ciphertexts, not the answer or the feedback that would give it away, so the
// answer cannot be read off before answering. It does not stop a determined student: every
// question's answer space is small (a handful of choices or lines, a few thousand plausible
// numbers or printed lines), and the page holds everything needed to try them all with these very
// functions, offline. It is a seal against casual peeking, not a secret; grading will recompute
// answers on the server and never trust what the page says.

export interface SealedAnswer {
  h: string; // hex SHA-256 of salt, NUL, the normalised answer
  iv: string; // base64, 12 bytes
  box: string; // base64 AES-GCM ciphertext of the feedback (JSON)
}

export interface Feedback {
  correct: boolean;
  why: string; // the explanation for this answer ('' when there is none)
}

// what a typed answer counts as: Unicode NFC, trimmed, runs of whitespace as one space, none
// around brackets, commas, colons and equals signs, typographic quotes and minus as ASCII;
// so "[5, 13,13 , 1]" and "[ 5, 13, 13, 1 ]" are the same answer
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2212/g, '-')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ ?([[\](){},:;=]) ?/g, '$1');
}

// a typed number: digits with an optional sign, point and exponent (a Unicode minus too); no
// thousands separators, since "1,5" could mean either; null when it is not a number
export function parseNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/^\+/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

// A numeric answer with a tolerance cannot be hashed as typed: 23.018 and 23.0184 must both be
// right. So numbers are hashed on a grid a quarter of the tolerance wide: the reader's number is
// rounded to the nearest grid point k, and the page holds a hash for every k within 4.5 grid steps
// of the true answer. Every number within the tolerance lands on one of them; a number up to 1.25
// times the tolerance away may too (the grid's rounding), never one further off.
export const GRID_STEPS_PER_TOLERANCE = 4;
export const gridPoint = (x: number, tolerance: number): number => Math.round((x * GRID_STEPS_PER_TOLERANCE) / tolerance);
export function acceptedGridPoints(answer: number, tolerance: number): number[] {
  const centre = (answer * GRID_STEPS_PER_TOLERANCE) / tolerance;
  const points: number[] = [];
  for (let k = Math.ceil(centre - GRID_STEPS_PER_TOLERANCE - 0.5); k <= Math.floor(centre + GRID_STEPS_PER_TOLERANCE + 0.5); k++) points.push(k);
  return points;
}
export const numberKey = (k: number) => `number:${k}`;
// an order question: each step in its place (so the page can say which are in place), and the whole
export const positionKey = (k: number, step: string) => `position:${k}:${normaliseText(step)}`;
export const orderKey = (steps: string[]) => `order:${steps.map(normaliseText).join('\u001f')}`;

const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const toBase64 = (data: Uint8Array) => btoa(String.fromCharCode(...data));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function answerHash(salt: string, key: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes(`${salt}\u0000${key}`)));
}

// the box's key: a different hash of the same salt and answer, so the hash shown does not open it
async function boxKey(salt: string, key: string): Promise<CryptoKey> {
  const raw = await crypto.subtle.digest('SHA-256', bytes(`box\u0000${salt}\u0000${key}`));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

// the build's side: one sealed answer. Each key seals one message only, so a fixed IV derived from
// the hash is safe, and the build's output is the same every time.
export async function sealAnswer(salt: string, key: string, feedback: Feedback): Promise<SealedAnswer> {
  const h = await answerHash(salt, key);
  const iv = fromHex(h).slice(0, 12);
  const box = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await boxKey(salt, key), bytes(JSON.stringify(feedback))));
  return { h, iv: toBase64(iv), box: toBase64(box) };
}

const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));

// the page's side: the feedback for an answer, or null when the page holds none for it (a wrong
// answer the author did not foresee)
export async function openAnswer(salt: string, key: string, sealed: SealedAnswer[]): Promise<Feedback | null> {
  const h = await answerHash(salt, key);
  const found = sealed.find((s) => s.h === h);
  if (!found) return null;
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(found.iv) }, await boxKey(salt, key), fromBase64(found.box));
  return JSON.parse(new TextDecoder().decode(plain)) as Feedback;
}
