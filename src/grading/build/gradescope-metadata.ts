// What Gradescope says about a submission (/autograder/submission_metadata.json, its "Submission
// Metadata" page): when it was submitted and by whom. That is the instructor's side of the story, so
// its time decides lateness, over the time the hand-in file says it was exported.
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { GradedRow } from '../shared/sheet.ts';

export interface SubmissionMetadata {
  createdAt: string | null; // the submission time, ISO 8601 with an offset
  dueDate: string | null; // the Gradescope assignment's, shown to the instructor only
  users: { name: string; email: string }[]; // several for a group submission
}

// a field that is not what it should be reads as unknown (null), never as an error
const time = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)))
  .nullable()
  .catch(null);
const user = z.object({ name: z.unknown().transform((name) => String(name ?? '')), email: z.string() });
const metadataSchema = z.object({
  created_at: time,
  assignment: z.object({ due_date: time }).catch({ due_date: null }),
  users: z
    .array(z.unknown())
    .catch([])
    .transform((users) => users.flatMap((u) => user.safeParse(u).data ?? [])),
});

// null when the file is missing or not a JSON object
export function readMetadata(path: string): SubmissionMetadata | null {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  const read = metadataSchema.safeParse(data);
  if (!read.success) return null;
  return { createdAt: read.data.created_at, dueDate: read.data.assignment.due_date, users: read.data.users };
}

// a flag when the student the file names is none of the Gradescope users who submitted it
export function submitterFlag(row: GradedRow, metadata: SubmissionMetadata): string | null {
  const named = (row.identity.email ?? row.identity.login)?.toLowerCase();
  if (!named || metadata.users.length === 0) return null;
  const emails = metadata.users.map((u) => u.email.toLowerCase());
  if (emails.some((e) => e === named || e.startsWith(`${named}@`))) return null;
  return `the file names ${named}, but Gradescope's submitter is ${emails.join(', ')}`;
}
