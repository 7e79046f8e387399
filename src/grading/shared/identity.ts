// Who handed a file in, as the grader can tell: the LMS's word (its download's file names) when the
// instructor says the files are that LMS's download, else the file's own, which the student typed.
// Every verdict resting on the file's word is flagged where it is made; this module says which.
import { normaliseIdentity } from '../../checkpoints/shared/answers.ts';
import { type Lms, LMS_NAMES, lmsFileInfo } from './lms-files.ts';
import type { Identity } from './sheet.ts';
import type { ParsedSubmission } from './submission.ts';
import { terminalLine } from './terminal-text.ts';

export interface FileIdentity {
  identity: Identity;
  lms: Lms | null; // the LMS whose download named the file
  lmsLate: boolean | null; // Canvas's late mark
  flags: string[];
}

// a name's letters and digits, case and accents ignored, in order of code point: "Smith, Jane",
// "Jane Smith" and Canvas's "smithjane" are the same
const letters = (name: string) =>
  [
    ...name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, ''),
  ]
    .sort()
    .join('');

// Moodle's blind marking writes "Participant" (with a group, "<group>-Participant") for every name
const isBlind = (lms: Lms, name: string) => lms === 'moodle' && /(^|-)participant$/i.test(name.trim());

export function identityOf(fileName: string, submission: ParsedSubmission, from: Lms | null): FileIdentity {
  const email = submission.student.email;
  const looksLikeEmail = email !== null && email.includes('@');
  const info = from ? lmsFileInfo(fileName, from) : null;
  const identity: Identity = {
    // shown everywhere, compared with others: no escape, control or bidi character may disguise it
    name: terminalLine(submission.student.name).trim() || '(no name)',
    email: looksLikeEmail ? email : null,
    login: email !== null && !looksLikeEmail ? email : null,
    lmsUserId: info?.userId ?? null,
    lmsName: info?.name ?? null,
    from: info ? 'lms' : 'file',
  };
  const flags: string[] = [];
  if (from && !info) flags.push(`not named as a ${LMS_NAMES[from]} download: identity and time from the file`);
  if (info && !isBlind(info.lms, info.name) && letters(info.name) !== letters(identity.name)) flags.push(`the name in the file ("${identity.name}") is not ${LMS_NAMES[info.lms]}'s ("${info.name}")`);
  return { identity, lms: info?.lms ?? null, lmsLate: info?.late ?? null, flags };
}

// one row per key: the LMS's user where it says, else the email or login, else the name
export function personKey(i: Identity): string {
  if (i.lmsUserId) return `lms:${i.lmsUserId}`;
  if (i.email) return `email:${normaliseIdentity(i.email)}`;
  if (i.login) return `login:${normaliseIdentity(i.login)}`;
  return `name:${sameNameKey(i.name)}`;
}

// names told apart as a person would: case, accents and spacing ignored
export const sameNameKey = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();

// what two hand-ins under one key share, in words: "the same email ada@uni.example"
export function keyWords(i: Identity, lms: Lms | null): string {
  if (i.lmsUserId) return `the same ${LMS_NAMES[lms ?? 'canvas']} user ${i.lmsUserId}`;
  if (i.email) return `the same email ${normaliseIdentity(i.email)}`;
  if (i.login) return `the same login ${normaliseIdentity(i.login)}`;
  return 'the same name';
}

// a student as another row's flag names them: the name, and the LMS's id or the email
export function who(i: Identity, lms: Lms | null): string {
  const id = i.lmsUserId ? `${lms === 'moodle' ? 'Moodle participant' : 'Canvas user'} ${i.lmsUserId}` : (i.email ?? i.login);
  return id ? `${i.name} (${id})` : i.name;
}
