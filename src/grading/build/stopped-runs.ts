// The runs of a graded batch that were stopped rather than judged (past the time limit, past the
// memory cap), by file and exercise, for the command-line grader to name on stderr: the grades show
// them as a failed "the code runs" check, and an instructor reading a CSV would not see why.
import type { GradeReport } from '../shared/grade.ts';

// the error names a run that was stopped comes back with (run-sealed.ts)
const STOPPED = /^(Timeout|OutOfMemory): /;

export interface StoppedRun {
  file: string;
  exercise: string; // chapter/id
  reason: string;
}

export function stoppedRuns(report: GradeReport): StoppedRun[] {
  const stopped: StoppedRun[] = [];
  for (const { sheet } of report.lessons)
    for (const row of sheet.rows)
      for (const e of row.exercises)
        for (const c of e.checks) if (c.name === 'the code runs' && !c.passed && c.message && STOPPED.test(c.message)) stopped.push({ file: row.file, exercise: e.key, reason: c.message });
  return stopped.sort((a, b) => a.file.localeCompare(b.file) || a.exercise.localeCompare(b.exercise));
}
