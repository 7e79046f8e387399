// A graded lesson as every export reads it (Canvas, Moodle, plain CSV, JSON, Gradescope): one row
// per student, with points per exercise, lateness and flags, all decided on the instructor's side.

// who handed it in: the name, email and login as the file says (the student typed them), and the
// LMS's own user and name where the instructor said the files are its download
export interface Identity {
  name: string;
  email: string | null;
  login: string | null; // the LMS login / SIS login id, as typed
  lmsUserId: string | null; // the LMS's own user id (Canvas's "ID", Moodle's participant id), from its file names
  lmsName: string | null; // the name the LMS's file name gives
  from: 'lms' | 'file'; // 'lms': the user id is the LMS's word
}

export interface CheckVerdict {
  name: string;
  passed: boolean;
  message: string | null;
  hidden: boolean; // one of the grading checks on inputs generated from the instructor's seed
}

export interface ExerciseScore {
  key: string; // chapter/id
  title: string;
  points: number; // awarded, before any late penalty
  max: number;
  state: 'passed' | 'partial' | 'failed' | 'missing';
  checks: CheckVerdict[];
  flags: string[]; // e.g. "solution shown", "same as the book's solution", "changed since hand-in"
}

// a checkpoint's answer, checked again on the instructor's side
export interface CheckpointScore {
  key: string; // chapter/id
  title: string; // the question
  points: number; // awarded, before any late penalty
  max: number;
  state: 'right' | 'wrong' | 'missing';
  answer: string | null; // the student's answer, as shown
  note: string; // what it was checked against ("right", "wrong for ada@…", "not answered")
  variant: boolean; // drawn for each student
  flags: string[]; // e.g. "the student's page had shown right"
}

export interface GradedRow {
  identity: Identity;
  file: string;
  handedInAt: string | null; // ISO time from the instructor's side (a platform's submission time) when known, else the file's export time
  timeFrom: 'platform' | 'file'; // where handedInAt came from
  late: { days: number; penaltyPercent: number } | null;
  points: number; // after the late penalty, rounded to 2 decimals
  max: number;
  exercises: ExerciseScore[];
  checkpoints?: CheckpointScore[]; // absent: the lesson counted none
  flags: string[]; // e.g. "latest of 2 hand-ins", "identity from the file only"
}

// a hand-in that did not count: a later one under the same key (LMS user, email or login) carries
// another name; graded all the same, for the instructor to see whose it was
export interface ReplacedRow extends GradedRow {
  replacedBy: { name: string; file: string };
}

export interface GradeSheet {
  lesson: { id: string; title: string };
  assignment: { name: string; lmsAssignmentId: string | null }; // the LMS column: "<name> (<id>)" in Canvas
  max: number;
  rows: GradedRow[];
  replaced: ReplacedRow[];
}
