// What an LMS's bulk download says about a hand-in, in the names it gives the files: who handed it
// in (its own user id and name) and, for Canvas, whether it came in after Canvas's due date. This is
// the instructor's side of the story only when the instructor says the files are such a download: a
// student names the file they send, and can name it like one.
//
// Canvas ("Download Submissions"): <sortable name, punctuation removed, lower case>_[LATE_]<user id>_<submission id>_<original name>,
//   e.g. "smithjane_LATE_123456_7890123_first-hour-hand-in.json" (a re-submission adds "-1" before the extension).
// Moodle ("Download all submissions", one file each): <full name>_<participant id>_assignsubmission_file_<original name>,
//   e.g. "Jane Smith_1234_assignsubmission_file_first-hour-hand-in.json" (with blind marking, "Participant" for the name).
//   The participant id is the assignment's own; Moodle's grade import cannot match on it.

export type Lms = 'canvas' | 'moodle';

export interface LmsFileInfo {
  lms: Lms;
  userId: string; // Canvas's user id, or Moodle's participant id
  late: boolean | null; // Canvas marks late hand-ins; Moodle's names do not say
  name: string; // as the file name writes it
}

export const LMS_NAMES: Record<Lms, string> = { canvas: 'Canvas', moodle: 'Moodle' };

// the LMS's prefix comes first, so a student's own file name after it cannot stand in for it
const CANVAS = /^([^_]+)_(LATE_)?(\d+)_(\d+)_(.+)$/u;
const MOODLE = /^(.+?)_(\d+)_assignsubmission_file_(.+)$/u;

// the last path segment only: an LMS zip may nest files in folders
export function lmsFileInfo(fileName: string, lms: Lms): LmsFileInfo | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (lms === 'canvas') {
    const canvas = CANVAS.exec(base);
    return canvas ? { lms, userId: canvas[3], late: canvas[2] !== undefined, name: canvas[1] } : null;
  }
  const moodle = MOODLE.exec(base);
  return moodle ? { lms, userId: moodle[2], late: null, name: moodle[1] } : null;
}
