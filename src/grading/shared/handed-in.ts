// When a hand-in came in, and so whether it is late: the instructor's side where it knows (a
// platform's submission time, Canvas's late mark in its download's names), else the time the file
// says it was exported, which the student can set. A verdict resting on the file's clock says so,
// on time or late, so the instructor knows which verdicts a student could have chosen.
import { dueInstant, type GradingSettings, lateness } from './settings.ts';
import type { GradedRow } from './sheet.ts';

export const FILE_CLOCK = "the file's own export time";

export interface HandedIn {
  at: string; // ISO time
  atFromFile: boolean; // the file's exportedAt, not a platform's time
  lmsLate: boolean | null; // Canvas's late mark, where the files are its download
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// settings null: lateness is not judged
export function judgeTime({ at, atFromFile, lmsLate }: HandedIn, settings: GradingSettings | null): { late: GradedRow['late']; flags: string[] } {
  if (!settings) return { late: null, flags: [] };
  const byClock = lateness(Date.parse(at), settings);
  // Canvas's word on late or not stands; how late it does not say
  if (lmsLate === false) return { late: null, flags: [] };
  if (lmsLate === true) {
    if (!byClock) return { late: lateness(dueInstant(settings) + 1, settings), flags: ["late by Canvas's mark; how late, unknown: counted as 1 day"] };
    return { late: byClock, flags: atFromFile ? [`late by Canvas's mark; ${plural(byClock.days, 'day')} by ${FILE_CLOCK}`] : [] };
  }
  if (!atFromFile) return { late: byClock, flags: [] };
  return { late: byClock, flags: [`${byClock ? 'late' : 'on time'} by ${FILE_CLOCK}`] };
}
