// A checkpoint answer as the reader gave it, judged the same way everywhere: in the chapter page
// (feedback at once), and on the instructor's side (/grade/, `npm run grade`, Gradescope), which
// never trusts what a hand-in says about it. Plain TypeScript and Web Crypto, so the page, Node
// and the Gradescope bundle all run this one file.
//
// - A fixed question: the answer becomes the key its sealed answer has (seal.ts), and is right
//   when the sealed answer for that key opens to `correct: true`. The grader holds the very sealed
//   data the chapter page holds, so grading needs no answer the page does not already hide.
// - A variant question (`variant:` code using `variantSeed`): the seed comes from the reader's
//   identity (the email or login they hand in with) and the question's id, the code runs for that
//   seed (in a sealed realm), and the book's answer expression gives the answer for that reader.
//   The grader recomputes it from the identity it grades, never from anything the hand-in says.
import type { CheckpointPageData } from './data.ts';
import { type Feedback, gridPoint, normaliseText, numberKey, openAnswer, orderKey, parseNumber } from './seal.ts';

// what the reader answered: typed text (predict, numeric), the index of a choice, a line number,
// or the steps in the order they put them
export type CheckpointAnswerValue = string | string[];

// what an answer expression sees: the output as text and as lines, and number pickers
export function evaluateAnswer(expression: string, output: string): unknown {
  const lines = output.split('\n');
  // num() and nums() read the whole output; given a line that is not there (lines[9] of three), they
  // say so rather than fall back to the whole output
  const textOf = (args: unknown[]): string => {
    if (args.length === 0) return output;
    if (typeof args[0] !== 'string') throw new Error(`no number in ${String(args[0])}: expected a line of text`);
    return args[0];
  };
  const nums = (...args: unknown[]) => [...textOf(args).matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi)].map((m) => Number(m[0]));
  const num = (...args: unknown[]) => {
    const found = nums(...args);
    if (found.length === 0) throw new Error(`no number in ${JSON.stringify(textOf(args))}`);
    return found[0];
  };
  return new Function('output', 'lines', 'num', 'nums', `"use strict"; return (${expression});`)(output, lines, num, nums);
}

// the identity a variant is drawn for: the email or login as typed, trimmed, case ignored
export const normaliseIdentity = (identity: string) => identity.normalize('NFC').trim().toLowerCase();

// a reader's seed for one question: a 32-bit number from a hash of the identity and the question,
// so two readers get different numbers and one reader gets different numbers in each question
export async function variantSeed(identity: string, chapter: string, id: string): Promise<number> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`annotated-microgpt variant\u0000${chapter}/${id}\u0000${normaliseIdentity(identity)}`));
  return new DataView(digest).getUint32(0);
}

// the code a variant runs: the book's, with the seed bound before it
export const variantProgram = (code: string, seed: number) => `const variantSeed = ${seed};\n${code}`;

// the key an answer is sealed under, or null when the answer is not one the question takes
export function answerKey(d: Pick<CheckpointPageData, 'kind' | 'choices' | 'tolerance' | 'region' | 'steps'>, answer: CheckpointAnswerValue | null): string | null {
  if (answer === null) return null;
  if (d.kind === 'order') return Array.isArray(answer) && answer.every((s) => typeof s === 'string') ? orderKey(answer) : null;
  if (typeof answer !== 'string') return null;
  if (d.choices) {
    const i = Number(answer);
    return /^\d+$/.test(answer) && i < d.choices.length ? `choice:${i}` : null;
  }
  if (d.kind === 'line') return /^\d+$/.test(answer) && (d.region?.lines.includes(Number(answer)) ?? false) ? `line:${Number(answer)}` : null;
  if (d.kind === 'numeric') {
    const n = parseNumber(answer);
    return n === null ? null : numberKey(gridPoint(n, d.tolerance!));
  }
  const text = normaliseText(answer);
  return text === '' ? null : `text:${text}`;
}

// the keys a typed prediction is tried under, in order: the text as typed, then, when it holds one
// number, that number alone, so "vocab size: 8" answers a question asking for the number it prints
export function answerKeys(d: Pick<CheckpointPageData, 'kind' | 'choices' | 'tolerance' | 'region' | 'steps'>, answer: CheckpointAnswerValue | null): string[] {
  const key = answerKey(d, answer);
  if (key === null) return [];
  if (d.kind !== 'predict' || d.choices || typeof answer !== 'string') return [key];
  const numbers = normaliseText(answer).match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  const alone = numbers.length === 1 ? `text:${numbers[0]}` : null;
  return alone && alone !== key ? [key, alone] : [key];
}

// the first of an answer's keys that opens a sealed answer, and what it says
export async function openFirst(d: CheckpointPageData, answer: CheckpointAnswerValue | null): Promise<Feedback | null> {
  const found = await Promise.all(answerKeys(d, answer).map((key) => openAnswer(d.salt, key, d.sealed)));
  return found.find((f) => f?.correct) ?? found.find((f) => f !== null) ?? null;
}

export interface VariantVerdict {
  correct: boolean;
  why: string;
  answer: string; // the right answer for this reader, as text (for the grader's report, never the page's)
}

// a variant question's verdict on an answer, from what its code printed for this reader
export function judgeVariant(d: CheckpointPageData, output: string, answer: CheckpointAnswerValue | null): VariantVerdict {
  const v = d.variant!;
  const value = evaluateAnswer(v.answer, output);
  const right = String(value);
  if (typeof answer !== 'string') return { correct: false, why: '', answer: right };
  const mistakes = v.mistakes.map((m) => ({ value: m.value ?? String(evaluateAnswer(m.answer!, output)), why: m.why }));
  if (d.kind === 'numeric') {
    const n = parseNumber(answer);
    const close = (x: number) => n !== null && Math.abs(n - x) <= d.tolerance! * (1 + 1e-9);
    if (close(Number(value))) return { correct: true, why: d.variant!.why, answer: right };
    return { correct: false, why: mistakes.find((m) => close(Number(m.value)))?.why ?? '', answer: right };
  }
  const typed = normaliseText(answer);
  if (typed !== '' && typed === normaliseText(right)) return { correct: true, why: d.variant!.why, answer: right };
  return { correct: false, why: mistakes.find((m) => normaliseText(m.value) === typed)?.why ?? '', answer: right };
}

// the text a variant question shows the reader with it: their own numbers
export const variantGiven = (d: CheckpointPageData, output: string) => String(evaluateAnswer(d.variant!.given, output));

// runs a variant's code (the book's) and gives what it printed
export type RunVariant = (code: string, timeoutMs: number) => Promise<{ output: string; error: { name: string; message: string } | null }>;

export interface CheckpointVerdict {
  correct: boolean;
  note: string; // for the instructor: what the answer was checked against
}

// the instructor's side: is this answer right for this reader? A fixed question is checked against
// its sealed answers; a variant is recomputed for the identity given (the grader's, not the file's)
export async function checkAnswer(d: CheckpointPageData, answer: CheckpointAnswerValue | null, identity: string | null, run: RunVariant | null): Promise<CheckpointVerdict> {
  if (answer === null) return { correct: false, note: 'not answered' };
  if (!d.variant) {
    if (answerKey(d, answer) === null) return { correct: false, note: 'not an answer this question takes' };
    const found = await openFirst(d, answer);
    return { correct: found?.correct === true, note: found?.correct ? 'right' : 'wrong' };
  }
  if (!identity || normaliseIdentity(identity) === '') return { correct: false, note: 'no email or login to draw the variant from' };
  if (!run) return { correct: false, note: 'variant not recomputed (no runner)' };
  const seed = await variantSeed(identity, d.chapter, d.id);
  const result = await run(variantProgram(d.variant.code, seed), d.variant.timeoutMs);
  if (result.error) return { correct: false, note: `the variant's code failed (${result.error.name}: ${result.error.message}); tell the site's maintainers` };
  const output = result.output.endsWith('\n') ? result.output.slice(0, -1) : result.output;
  const verdict = judgeVariant(d, output, answer);
  return { correct: verdict.correct, note: verdict.correct ? `right for ${normaliseIdentity(identity)}` : `wrong for ${normaliseIdentity(identity)} (the answer for them is ${verdict.answer})` };
}
