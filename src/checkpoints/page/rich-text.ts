// A question's or an answer's text into the page: `code` in backticks as <code>, the rest as text.
import { inlineCode } from '../../shared/inline-code.ts';

export function richText(parent: HTMLElement, text: string): void {
  for (const piece of inlineCode(text)) parent.append(piece.code ? Object.assign(document.createElement('code'), { textContent: piece.text }) : piece.text);
}
