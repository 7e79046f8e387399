// The printed book's appendix: each checkpoint's answer, as the build computes it from the code
// (the pages hold them only sealed), with the explanation a right answer gets.
import { loadBook } from '../../book/build/book.ts';
import type { Computed } from '../../checkpoints/build/answers.ts';
import { checkCheckpoints } from '../../checkpoints/build/check.ts';

export interface PrintedAnswer {
  chapter: string;
  id: string;
  question: string;
  answer: string;
  why: string;
}

export function answerText(c: Computed): string {
  const cp = c.checkpoint;
  if (cp.variant) return `Each reader's numbers differ; the page computes the answer for the numbers it gives (the book's sample readers get ${c.variants.map((v) => v.answer).join(', ')}).`;
  if (c.correctChoice !== null) return cp.choices[c.correctChoice].text;
  if (cp.kind === 'choice')
    return cp.choices
      .filter((choice) => choice.correct)
      .map((choice) => choice.text)
      .join('; ');
  if (cp.kind === 'order') return cp.steps.map((step, i) => `${i + 1}. ${step}`).join(' ');
  if (cp.kind === 'line') {
    const text = new Map(c.regionLines.map((l) => [l.number, l.text.trim()]));
    return c.lineNumbers
      .filter((l) => l.correct)
      .map((l) => `line ${l.number}: \`${text.get(l.number) ?? ''}\``)
      .join('; ');
  }
  if (c.number !== null) return `${Number(c.number.toPrecision(6))}${cp.tolerance ? ` (within ${cp.tolerance})` : ''}`;
  return c.text ?? cp.expect ?? '';
}

// every checkpoint of the book, in each chapter's order (outputs come from the build's cache)
export async function printedAnswers(): Promise<PrintedAnswer[]> {
  const report = await checkCheckpoints(loadBook());
  return report.computed.map((c) => ({ chapter: c.checkpoint.chapter, id: c.checkpoint.id, question: c.checkpoint.question, answer: answerText(c), why: c.checkpoint.why }));
}
