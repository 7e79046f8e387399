// A checkpoint's latest checked answer, kept in this browser under its key in storage.ts, for the
// hand-in file. Loaded by Check and the assignment page, not with every chapter.
import { checkpointAnswerKey, readItem, setAside, writeItem } from '../../progress/page/storage.ts';

// A checkpoint's latest checked answer, for the hand-in file: the answer itself (the grader checks
// it again), what the page said of it (shown on the checklist, never trusted), the tries, and for a
// question drawn for each reader, the email or login it was drawn for.
export interface CheckpointRecord {
  answer: string | string[]; // typed text, a choice's index, a line number, or the steps in order
  correct: boolean; // the page's verdict
  answeredAt: string;
  tries: number;
  identity: string | null; // a variant's: whose numbers it answered
}

export function loadCheckpointAnswer(chapter: string, id: string): CheckpointRecord | null {
  const raw = readItem(checkpointAnswerKey(chapter, id));
  if (raw === null) return null;
  try {
    const r = JSON.parse(raw) as CheckpointRecord;
    const answerOk = typeof r.answer === 'string' || (Array.isArray(r.answer) && r.answer.every((s) => typeof s === 'string'));
    if (!answerOk || typeof r.correct !== 'boolean' || typeof r.answeredAt !== 'string' || !Number.isInteger(r.tries) || !(r.identity === null || typeof r.identity === 'string'))
      throw new Error('not a checkpoint answer');
    return { answer: r.answer, correct: r.correct, answeredAt: r.answeredAt, tries: r.tries, identity: r.identity };
  } catch {
    setAside(checkpointAnswerKey(chapter, id), raw);
    return null;
  }
}

export function saveCheckpointAnswer(chapter: string, id: string, record: CheckpointRecord): boolean {
  return writeItem(checkpointAnswerKey(chapter, id), JSON.stringify(record));
}
