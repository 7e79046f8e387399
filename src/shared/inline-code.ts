// Text with `code` in backticks, as the book writes questions, hints and definitions: its pieces in
// order, plain text and code (without the backticks), for a page or a tree to render.
export interface TextPiece {
  code: boolean;
  text: string;
}

export function inlineCode(text: string): TextPiece[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((piece) => piece !== '')
    .map((piece) => (/^`[^`]+`$/.test(piece) ? { code: true, text: piece.slice(1, -1) } : { code: false, text: piece }));
}
