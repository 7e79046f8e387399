// #region tokenizer
// The tokenizer: every distinct character of the dataset is a token id, plus one special token,
// BOS (beginning of sequence), which marks where a document starts and ends.
import { compareCodePoints } from './dataset.ts';

export class Tokenizer {
  readonly uchars: string[]; // unique characters in the dataset become token ids 0..n-1
  readonly BOS: number; // token id for the special Beginning of Sequence token
  readonly vocabSize: number; // total number of unique tokens, +1 is for BOS
  private readonly ids: Map<string, number>;

  constructor(docs: readonly string[]) {
    // characters are code points, as Python iterates a str: [...doc], not doc.split('')
    const chars = new Set<string>();
    for (const doc of docs) for (const ch of doc) chars.add(ch);
    this.uchars = [...chars].sort(compareCodePoints);
    this.BOS = this.uchars.length;
    this.vocabSize = this.uchars.length + 1;
    this.ids = new Map(this.uchars.map((ch, i) => [ch, i]));
  }

  encode(text: string): number[] {
    const tokens: number[] = [];
    let position = 0;
    for (const ch of text) {
      const id = this.ids.get(ch);
      if (id === undefined) throw new RangeError(`unknown character ${describe(ch)} at position ${position} of ${JSON.stringify(text)}: not in the vocabulary`);
      tokens.push(id);
      position++;
    }
    return tokens;
  }

  decode(tokens: readonly number[]): string {
    return tokens
      .map((id) => {
        if (id === this.BOS) return '';
        const ch = this.uchars[id];
        if (ch === undefined) throw new RangeError(`unknown token id ${id}: the vocabulary has ${this.vocabSize} tokens`);
        return ch;
      })
      .join('');
  }
}

function describe(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${JSON.stringify(ch)} (U+${hex})`;
}
// #endregion tokenizer
