// What the page gets of a computed checkpoint: the question and what the reader picks from, and
// its answers only sealed (src/checkpoints/shared/seal.ts says what that protects and what not).
import { createHash } from 'node:crypto';
import type { CheckpointPageData } from '../shared/data.ts';
import { acceptedGridPoints, normaliseText, numberKey, orderKey, positionKey, sealAnswer } from '../shared/seal.ts';
import type { Computed } from './answers.ts';
import { DEFAULT_TIMEOUT_MS } from '../../book/build/model.ts';

// public and fixed, so the build's output is the same every time; it keeps one question's hashes
// from matching another's (a table of hashes of "27" would otherwise serve every question)
export const saltOf = (chapter: string, id: string) => createHash('sha256').update(`annotated-microgpt checkpoint\u0000${chapter}/${id}`).digest('hex').slice(0, 32);

// the steps as the page first shows them: shuffled by a generator seeded from the salt, never in
// the right order
export function shuffledSteps(steps: string[], salt: string): string[] {
  let state = parseInt(salt.slice(0, 8), 16) >>> 0;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
  const out = [...steps];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  if (out.every((s, i) => s === steps[i])) out.push(out.shift()!);
  return out;
}

// the cell whose output a numeric or choice answer is computed from, if any: the page withholds that output
const cellOf = (cp: Computed['checkpoint']) => (cp.source !== null && 'cell' in cp.source ? { cell: cp.source.cell } : {});

export async function pageData(c: Computed): Promise<CheckpointPageData> {
  const cp = c.checkpoint;
  const salt = saltOf(cp.chapter, cp.id);
  const base = { chapter: cp.chapter, id: cp.id, kind: cp.kind, question: cp.question, hint: cp.hint, salt };
  const seal = (entries: { key: string; correct: boolean; why: string }[]) => Promise.all(entries.map((e) => sealAnswer(salt, e.key, { correct: e.correct, why: e.why })));
  const sorted = async (entries: { key: string; correct: boolean; why: string }[]) => (await seal(entries)).sort((a, b) => a.h.localeCompare(b.h)); // in no telling order
  if (cp.variant) {
    // drawn for each reader: the page runs it for them, so nothing can be sealed ahead of time
    const mistakes = cp.mistakes.map((m) => ({ value: m.value, answer: m.answer, why: m.why }));
    const variant = { code: cp.variant.code, given: cp.given!, answer: cp.answer!, mistakes, why: cp.why, timeoutMs: DEFAULT_TIMEOUT_MS };
    return { ...base, ...(cp.kind === 'numeric' ? { tolerance: cp.tolerance! } : {}), sealed: [], variant };
  }
  switch (cp.kind) {
    case 'predict':
      if (cp.choices.length > 0)
        return {
          ...base,
          cell: (cp.source as { cell: string }).cell,
          choices: cp.choices.map((ch) => ch.text),
          sealed: await seal(cp.choices.map((ch, i) => ({ key: `choice:${i}`, correct: i === c.correctChoice, why: i === c.correctChoice ? cp.why || ch.why : ch.why }))),
        };
      return {
        ...base,
        cell: (cp.source as { cell: string }).cell,
        sealed: await sorted([{ key: `text:${normaliseText(c.text!)}`, correct: true, why: cp.why }, ...c.mistakes.map((m) => ({ ...m, correct: false }))]),
      };
    case 'numeric':
      return {
        ...base,
        ...cellOf(cp),
        tolerance: cp.tolerance!,
        sealed: await sorted([...acceptedGridPoints(c.number!, cp.tolerance!).map((k) => ({ key: numberKey(k), correct: true, why: cp.why })), ...c.mistakes.map((m) => ({ ...m, correct: false }))]),
      };
    case 'choice':
      return { ...base, ...cellOf(cp), choices: cp.choices.map((ch) => ch.text), sealed: await seal(cp.choices.map((ch, i) => ({ key: `choice:${i}`, correct: i === c.correctChoice, why: ch.why }))) };
    case 'line':
      return {
        ...base,
        region: { ...cp.region!, lines: c.regionLines.map((l) => l.number) },
        sealed: await sorted(c.lineNumbers.map((l) => ({ key: `line:${l.number}`, correct: l.correct, why: l.correct ? cp.why : l.why }))),
      };
    case 'order':
      return {
        ...base,
        steps: shuffledSteps(cp.steps, salt),
        sealed: await sorted([...cp.steps.map((s, k) => ({ key: positionKey(k, s), correct: true, why: '' })), { key: orderKey(cp.steps), correct: true, why: cp.why }]),
      };
  }
}
