// What Gradescope says about a submission (/autograder/submission_metadata.json, its "Submission
// Metadata" page): when it was submitted and by whom. That is the instructor's side of the story, so
// its time decides lateness, over the time the hand-in file says it was exported.
import { readFileSync } from 'node:fs';
import type { GradedRow } from '../../shared/handin/sheet.ts';

export interface SubmissionMetadata {
  createdAt: string | null; // the submission time, ISO 8601 with an offset
  dueDate: string | null; // the Gradescope assignment's, shown to the instructor only
  users: { name: string; email: string }[]; // several for a group submission
}

const isTime = (x: unknown): x is string => typeof x === 'string' && !Number.isNaN(Date.parse(x));

// null when the file is missing or not JSON; fields that are not what they should be read as unknown
export function readMetadata(path: string): SubmissionMetadata | null {
  let data: any;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const users = Array.isArray(data.users) ? data.users.filter((u: any) => typeof u?.email === 'string').map((u: any) => ({ name: String(u.name ?? ''), email: u.email as string })) : [];
  return { createdAt: isTime(data.created_at) ? data.created_at : null, dueDate: isTime(data.assignment?.due_date) ? data.assignment.due_date : null, users };
}

// a flag when the student the file names is none of the Gradescope users who submitted it
export function submitterFlag(row: GradedRow, metadata: SubmissionMetadata): string | null {
  const named = (row.identity.email ?? row.identity.login)?.toLowerCase();
  if (!named || metadata.users.length === 0) return null;
  const emails = metadata.users.map((u) => u.email.toLowerCase());
  if (emails.some((e) => e === named || e.startsWith(`${named}@`))) return null;
  return `the file names ${named}, but Gradescope's submitter is ${emails.join(', ')}`;
}
