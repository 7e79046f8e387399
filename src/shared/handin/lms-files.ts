// What an LMS's bulk download says about a hand-in, in the names it gives the files: who handed it
// in (its own user id) and, for Canvas, whether it came in after Canvas's due date. This is the
// instructor's side of the story, and beats what the file says of itself.
//
// Canvas ("Download Submissions"): <sortable name without punctuation>_[LATE_]<user id>_<submission id>_<original name>,
//   e.g. "smithjane_LATE_123456_7890123_first-hour-hand-in.json" (a re-submission adds "-1" before the extension).
// Moodle ("Download all submissions", one file each): <full name>_<participant id>_assignsubmission_file_<original name>,
//   e.g. "Jane Smith_1234_assignsubmission_file_first-hour-hand-in.json".

export interface LmsFileInfo {
  lms: 'canvas' | 'moodle';
  userId: string; // Canvas's user id, or Moodle's participant id
  late: boolean | null; // Canvas marks late hand-ins; Moodle's names do not say
  name: string; // as the file name writes it
}

const CANVAS = /^([a-z0-9]+)_(LATE_)?(\d+)_(\d+)_(.+)$/;
const MOODLE = /^(.+?)_(\d+)_assignsubmission_file_(.+)$/;

// the last path segment only: an LMS zip may nest files in folders
export function lmsFileInfo(fileName: string): LmsFileInfo | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const canvas = CANVAS.exec(base);
  if (canvas) return { lms: 'canvas', userId: canvas[3], late: canvas[2] !== undefined, name: canvas[1] };
  const moodle = MOODLE.exec(base);
  if (moodle) return { lms: 'moodle', userId: moodle[2], late: null, name: moodle[1] };
  return null;
}
