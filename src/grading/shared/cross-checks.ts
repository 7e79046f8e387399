// What only the class as a whole shows: two students under one email or login (one may have taken
// the other's identity, and with it their variants), the very same file handed in twice, and the
// same code in every exercise. Each is a flag for the instructor to look at, never a verdict.
import { normaliseIdentity } from '../../checkpoints/shared/answers.ts';
import { type Lms } from './lms-files.ts';
import { who } from './identity.ts';
import type { GradedRow } from './sheet.ts';

export interface RowFacts {
  row: GradedRow;
  lms: Lms | null;
  checksum: string;
  code: (string | null)[]; // each counted exercise's code, normalised; null where none was handed in
  bookSolution: boolean[]; // each counted exercise's code is the book's own
}

export function crossCheck(facts: RowFacts[], variantsCount: boolean): void {
  for (const mine of facts) {
    const others = facts.filter((f) => f !== mine);
    const id = mine.row.identity.email ?? mine.row.identity.login;
    if (id) {
      const same = others.filter((f) => normaliseIdentity(f.row.identity.email ?? f.row.identity.login ?? '') === normaliseIdentity(id));
      for (const f of same) mine.row.flags.push(`same email or login (${normaliseIdentity(id)}) as ${who(f.row.identity, f.lms)}${variantsCount ? ': the same variants' : ''}`);
    }
    const sameFile = others.filter((f) => f.checksum === mine.checksum);
    for (const f of sameFile) mine.row.flags.push(`the same file as ${who(f.row.identity, f.lms)}: identical checksum`);
    // the book's solution everywhere is flagged on each exercise already
    if (mine.code.every((c) => c === null) || mine.bookSolution.every((b, i) => b || mine.code[i] === null)) continue;
    for (const f of others) if (!sameFile.includes(f) && f.code.every((c, i) => c === mine.code[i])) mine.row.flags.push(`the same code as ${who(f.row.identity, f.lms)} in every exercise`);
  }
}
