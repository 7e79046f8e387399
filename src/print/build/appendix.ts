// The answers appendix of the PDF, as HTML put at the end of /print/ by `npm run book` (never on
// the published page: checkpoints can count towards grades). One section, grouped by chapter in
// reading order; each answer under its question.
import { inlineCode } from '../../shared/inline-code.ts';
import type { PrintedAnswer } from './answers.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rich = (text: string) =>
  inlineCode(text)
    .map((p) => (p.code ? `<code>${escape(p.text)}</code>` : escape(p.text)))
    .join('');

export function appendixHtml(answers: PrintedAnswer[], chapters: { slug: string; title: string }[]): string {
  const parts = ['<section class="print-chapter print-answers" id="answers"><h1>Answers to the checkpoints</h1>'];
  for (const chapter of chapters) {
    const mine = answers.filter((a) => a.chapter === chapter.slug);
    if (mine.length === 0) continue;
    parts.push(`<h2>${escape(chapter.title)}</h2><ol>`);
    for (const a of mine) {
      parts.push(`<li><p>${rich(a.question)}</p><p><strong>Answer:</strong> ${rich(a.answer)}</p>${a.why ? `<p>${rich(a.why)}</p>` : ''}</li>`);
    }
    parts.push('</ol>');
  }
  parts.push('</section>');
  return parts.join('');
}
