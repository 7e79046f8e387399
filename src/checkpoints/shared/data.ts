// What a <Checkpoint> writes into the page for its script (src/checkpoints/build/seal-data.ts makes
// it): the question and what the reader answers from, the answers only sealed (seal.ts).
import type { SealedAnswer } from './seal.ts';

export type CheckpointKind = 'predict' | 'numeric' | 'choice' | 'line' | 'order';

export interface CheckpointPageData {
  chapter: string;
  id: string;
  kind: CheckpointKind;
  question: string; // `code` in backticks
  hint: string; // shown with a wrong answer the question has no explanation for
  salt: string;
  sealed: SealedAnswer[]; // choice and predict-with-choices: one per choice, in order; otherwise in no telling order
  cell?: string; // the cell whose output the answer is (predict), or is computed from (numeric, choice)
  choices?: string[]; // choice, predict with choices
  tolerance?: number; // numeric
  region?: { file: string; region: string; lines: number[] }; // line: the file's line numbers shown
  steps?: string[]; // order: as first shown (shuffled)
  // a question drawn for each reader (numeric, predict): its code runs in the page for the reader's
  // seed, and the grader runs it again for the identity it grades. Nothing of it is sealed: the code
  // is the book's, and the right answer is whatever it prints for that seed
  variant?: {
    code: string; // uses `variantSeed`, a 32-bit number (src/checkpoints/shared/answers.ts)
    given: string; // an expression over the output: the reader's own numbers, shown with the question
    answer: string; // an expression over the output: the right answer
    mistakes: { value: string | null; answer: string | null; why: string }[];
    why: string;
    timeoutMs: number;
  };
}
