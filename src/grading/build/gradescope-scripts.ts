// The text files of the Gradescope autograder zip: the two scripts Gradescope's specification asks
// for at the zip's root, and a README for the instructor who uploads it.
import type { LessonRef } from '../shared/grade.ts';
import { defaultSettings, type GradingSettings, totalPoints } from '../shared/settings.ts';

// Run once, as root, when Gradescope builds the autograder's image (Ubuntu). Node from nodejs.org's
// Linux x64 build, checked against the release's SHA-256 list: a broken or cut download stops the
// build instead of leaving a node that fails on every submission.
export function setupScript(nodeVersion: string): string {
  return `#!/usr/bin/env bash
# Installs Node.js ${nodeVersion} for the autograder (the harness needs nothing else).
set -euo pipefail
NODE=${nodeVersion}
FILE=node-$NODE-linux-x64.tar.xz
apt-get update -qq
apt-get install -y -qq curl ca-certificates xz-utils >/dev/null
cd /tmp
curl -fsSLO "https://nodejs.org/dist/$NODE/$FILE"
curl -fsSL "https://nodejs.org/dist/$NODE/SHASUMS256.txt" | grep " $FILE\\$" | sha256sum -c -
mkdir -p /opt/node
tar -xJf "$FILE" -C /opt/node --strip-components=1
rm "$FILE"
/opt/node/bin/node --version
`;
}

// Run for each submission, from /autograder; Gradescope copies it to /autograder/run_autograder and
// the zip's files to /autograder/source
export function runAutograderScript(): string {
  return `#!/usr/bin/env bash
# Grades the hand-in in /autograder/submission into /autograder/results/results.json.
exec /opt/node/bin/node /autograder/source/grader.mjs
`;
}

const dueText = (s: GradingSettings) => `${s.due.date} ${s.due.time} (${s.due.timeZone})`;
const lateText = (s: GradingSettings) =>
  s.late.rule === 'none'
    ? 'graded as usual'
    : s.late.rule === 'zero'
      ? 'no points'
      : `-${s.late.percentPerDay}% per started day${s.late.maxDays > 0 ? `, no points after ${s.late.maxDays} days` : ''}`;

export function bundleReadme({ lesson, settings, nodeVersion, exercises }: { lesson: LessonRef; settings: GradingSettings | null; nodeVersion: string; exercises: string[] }): string {
  // what grade() counts: the settings' exercises and checkpoints, or the lesson's own points
  const counted = settings ?? defaultSettings(lesson, '9999-12-31');
  const points = totalPoints(counted);
  const checkpoints = counted.checkpoints ?? [];
  return `# Gradescope autograder: ${lesson.title}

**For the instructor only.** grader.mjs holds the book's solutions and the seed of the grading
checks: upload this zip to Gradescope and never share it, or its contents, with students.

Made by \`npm run gradescope\` (Annotated microgpt) for the lesson \`${lesson.id}\`:
${exercises.map((t) => `- ${t}`).join('\n')}${checkpoints.length > 0 ? `\n- ${checkpoints.length} checkpoint question${checkpoints.length === 1 ? '' : 's'} (${checkpoints.map((c) => `${c.chapter}/${c.id}`).join(', ')})` : ''}

Points: ${points} in all. ${settings ? `Due ${dueText(settings)}; late work: ${lateText(settings)}.` : "No grading settings were given: every exercise is one point, each checkpoint the lesson's points, and lateness is not judged."}
Lateness is judged from Gradescope's submission time against the due time above, not against the
Gradescope assignment's own due date; set the two alike.

## On Gradescope

1. A Programming Assignment; Configure Autograder: upload this zip, base image Ubuntu 22.04
   (Node ${nodeVersion}'s official build needs a newer glibc than Ubuntu 18.04's).
2. Set the assignment's total points to ${points}.
3. Students upload the one hand-in file (.json) the assignment page saves for them.
4. Test it with Test Autograder on a hand-in of your own before the release date.

Each exercise runs sealed in a worker thread of its own, one after another, within the exercise's
time limit. If good hand-ins time out on Gradescope, raise the CPU allocation in the autograder
settings. Checks on the seed's inputs are shown to students after the due date.

## Files

- setup.sh: installs Node ${nodeVersion} from nodejs.org into /opt/node (run once, at build).
- run_autograder: runs grader.mjs for each submission.
- grader.mjs: reads /autograder/submission/*.json, writes /autograder/results/results.json.
- sealed-thread.mjs: the worker thread each exercise runs in.

To change the settings, the seed or the exercises, make a new zip and upload it again.
`;
}
