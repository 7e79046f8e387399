// `npm run grade` as a terminal sees it: names, lesson ids, file names and a thrown error's text all
// come from students' files, and none may print an escape sequence, a control or a bidi character;
// --from says whose word the file names are; the Moodle export's warnings go to stderr.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { createSubmission } from '../shared/submission.ts';
import { terminalLine, terminalText } from '../shared/terminal-text.ts';
import { lessonRefs } from './book-defs.ts';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'grade-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const lesson = lessonRefs()[0];

// what a terminal would act on: ESC, CSI, any other C0 but tab and line feed, C1, the bidi controls
// eslint-disable-next-line no-control-regex -- the characters no output may hold
const UNSAFE = /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const CLEAR = '\x1b[2K\x1b[1A\r';

async function handIn(name: string, email: string, { lessonId = lesson.id, code = null as string | null } = {}): Promise<string> {
  const exercises = lesson.exercises.map((e, i) => ({ ...e, code: i === 0 ? code : null, passed: true, passedAt: null, attempts: 1, hintsOpened: 0, solutionShownAt: null, version: '' }));
  const assignment = { lesson: lessonId, className: '', note: '', due: '2026-12-01', time: '23:59', timeZone: 'UTC', exercises: lesson.exercises.map((e) => ({ ...e, points: 1 })) };
  return JSON.stringify(await createSubmission({ assignment, student: { name, email }, exportedAt: '2026-12-01T10:00:00.000Z', readings: [], exercises }));
}

function write(files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(tmp, name), text);
    return join(tmp, name);
  });
}

const grade = async (args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/grading/build/cli.ts', ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
};

test('terminal text: escape sequences, controls and bidi characters go; tabs, line feeds and CRLF stay', () => {
  assert.equal(terminalText('a\x1b[31mred\x1b[0m\tb\r\nc\n'), 'ared\tb\r\nc\n');
  assert.equal(terminalText('x\x1b]0;title\x07y\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\z'), 'xylinkz');
  assert.equal(terminalText('over\rwrite\x9b2Kc1\x85\u202eevil\u2066i\u2069\x00\x7f'), 'overwritec1evili');
  assert.equal(terminalText('\x1bPdcs never ended'), '');
  assert.equal(terminalLine('one\r\ntwo\n  three'), 'one two three');
  assert.equal(terminalText('Ada Lovelace, Zoë, 李, مريم'), 'Ada Lovelace, Zoë, 李, مريم', 'letters of any script stay');
});

test('a file that cannot be graded: its name and the error text reach stderr stripped, one line each', async () => {
  const [evil] = write({ [`evil${CLEAR}.json`]: await handIn('Eve', 'eve@school.edu', { lessonId: `x${CLEAR}\nother.json: not graded: forged line` }) });
  const out = await grade([evil]);
  assert.equal(out.code, 2);
  assert.doesNotMatch(out.stderr, UNSAFE);
  assert.deepEqual(out.stderr.trimEnd().split('\n'), ['evil.json: not graded: it is for a lesson this site does not have ("x other.json: not graded: forged line")', 'no file could be graded']);
});

test("names and a thrown error's text reach stdout stripped; --from moodle reads Moodle's names, and its export warns on stderr", async () => {
  // the escapes are made when the student's code runs: the file itself holds plain text
  const thrower = "throw new Error('\\x1b[2K\\x1b[1A\\rgotcha \\u202e');";
  const files = write({
    'Ada Lovelace_11_assignsubmission_file_a.json': await handIn(`Ada\x1b]0;pwned\x07 \u202eLovelace`, 'ada@school.edu', { code: thrower }),
    'Bob Babbage_12_assignsubmission_file_b.json': await handIn('Bob Babbage', 'no-at-sign'),
  });
  const [out, badFrom] = await Promise.all([grade([...files, '--from', 'moodle', '--format', 'moodle']), grade([...files, '--from', 'blackboard'])]);
  assert.equal(out.code, 0, out.stderr);
  assert.doesNotMatch(out.stdout, UNSAFE);
  assert.doesNotMatch(out.stderr, UNSAFE);
  assert.match(out.stdout, /^Ada Lovelace,ada@school\.edu,,0,"/m);
  assert.match(out.stdout, /the code stopped with Error: gotcha \)/, "the error's text, stripped");
  assert.doesNotMatch(out.stdout, /is not Moodle's/, 'the name, stripped, is the one Moodle gives');
  assert.match(
    out.stderr,
    /^moodle export: left out Bob Babbage \(Bob Babbage_12_assignsubmission_file_b\.json\): the file gives no email address \(only the login "no-at-sign"\); enter the grade by hand$/m,
  );
  assert.match(out.stderr, /^moodle export: the email address is as the student typed it/m);
  // Moodle's participant, not the file's word (without --from, the feedback would say "identity from the file only")
  assert.match(out.stdout, /\nFlags: grading checks not run \(no seed\)\n/);
  assert.deepEqual([badFrom.code, badFrom.stderr], [2, '--from must be one of canvas, moodle, not "blackboard"\n']);
});

test('a folder or an oversized file among the hand-ins is reported on its own line; the rest of the batch is graded', async () => {
  const [good, big] = write({ 'good.json': await handIn('Gus', 'gus@school.edu'), 'big.json': ' '.repeat(6 * 1024 * 1024) });
  const out = await grade([tmp, big, good, '--format', 'csv']);
  assert.equal(out.code, 0, out.stderr);
  assert.deepEqual(out.stderr.trimEnd().split('\n'), [
    `${tmp.split('/').at(-1)}: not graded: it is a folder, not a hand-in file`,
    'big.json: not graded: it is 6.0 MB, too large to be a hand-in file (is it the right file?)',
  ]);
  assert.match(out.stdout, /^gus@school\.edu,Gus,/m);
});
