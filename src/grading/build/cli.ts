// npm run grade -- <hand-in files…> [--seed S] [--settings file.json …] [--from canvas|moodle] [--format canvas|moodle|csv|json]
// Grades hand-in files as /grade/ does (the same grade(), every exercise sealed in a worker thread of
// its own) and prints one lesson's grades in the LMS format asked for; files that can't be graded,
// hand-ins replaced by another name's and what the export leaves out are listed on stderr. With
// several lessons among the files, --lesson picks one. Everything printed is stripped of terminal
// escapes and control characters first: names, ids and messages come from the students' files.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { canvasCsv, moodleCsv, moodleWarnings, plainCsv, sheetJson } from '../shared/exports.ts';
import { grade } from '../shared/grade.ts';
import { type Lms, LMS_NAMES } from '../shared/lms-files.ts';
import type { GradeSheet } from '../shared/sheet.ts';
import { terminalLine, terminalText } from '../shared/terminal-text.ts';
import { readSettingsFile } from './read-settings.ts';
import { MAX_HANDIN_BYTES, tooLarge } from '../shared/read-submission.ts';
import type { GradingSettings } from '../shared/settings.ts';
import { checkpointDefs, exerciseDefs, lessonRefs, runVariantThread, sealedInput } from './book-defs.ts';
import { limit } from '../../shared/limit.ts';
import { runSealedThread } from '../../runtime/build/run-sealed.ts';
import { stoppedRuns } from './stopped-runs.ts';

const FORMATS = { canvas: canvasCsv, moodle: moodleCsv, csv: plainCsv, json: sheetJson } as const;
const WARNINGS: Partial<Record<keyof typeof FORMATS, (sheet: GradeSheet) => string[]>> = { moodle: moodleWarnings };

const usage = `usage: npm run grade -- <hand-in files…> [--seed S] [--settings grading.json] [--from canvas|moodle] [--format canvas|moodle|csv|json] [--lesson id]
  --seed      the instructor's seed for the grading checks (without it they do not run)
  --settings  a grading settings file from /assign/ (points, due time, late rule); repeat for several lessons
  --from      the files are this LMS's bulk download, as it named them: the student's LMS user (and
              Canvas's late mark) come from the file names; without it, who and when are the files' own word
  --format    what to print: canvas (default), moodle, csv, json
  --lesson    the lesson to print when the files are for several`;

const warn = (line: string) => console.error(terminalLine(line));

function fail(message: string): never {
  for (const line of message.split('\n')) warn(line);
  process.exit(2);
}

export async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        settings: { type: 'string', multiple: true },
        from: { type: 'string' },
        format: { type: 'string', default: 'canvas' },
        lesson: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (args.values.help) return void console.log(usage);
  const format = args.values.format as keyof typeof FORMATS;
  if (!Object.hasOwn(FORMATS, format)) fail(`--format must be one of ${Object.keys(FORMATS).join(', ')}, not "${format}"`);
  const from = (args.values.from ?? null) as Lms | null;
  if (from !== null && !Object.hasOwn(LMS_NAMES, from)) fail(`--from must be one of ${Object.keys(LMS_NAMES).join(', ')}, not "${from}"`);
  if (args.positionals.length === 0) fail(`no hand-in files given\n${usage}`);
  const settings: GradingSettings[] = (args.values.settings ?? []).map((file) => readSettingsFile(file, fail));
  // a file that is not one to read is said on its own line, and the rest are graded
  const unread: { file: string; message: string }[] = [];
  const files = args.positionals.flatMap((file) => {
    const name = basename(file);
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) unread.push({ file: name, message: 'it is a folder, not a hand-in file' });
      else if (stat.size > MAX_HANDIN_BYTES) unread.push({ file: name, message: tooLarge(stat.size) });
      else return [{ name, text: readFileSync(file, 'utf8') }];
    } catch (error) {
      unread.push({ file: name, message: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    }
    return [];
  });
  const slot = limit(2); // two threads at a time, each fresh
  const lessons = lessonRefs();
  const variantRun = runVariantThread();
  const report = await grade({
    files,
    from,
    lessons,
    checkpoints: await checkpointDefs(lessons),
    runVariant: (code, timeoutMs) => slot(() => variantRun(code, timeoutMs)),
    defs: exerciseDefs(),
    settings,
    seed: args.values.seed ?? null,
    run: (def, code, seed) => slot(() => runSealedThread(sealedInput(def, code, seed), def.timeoutMs)),
  });
  for (const e of [...unread, ...report.errors]) warn(`${e.file}: not graded: ${e.message}`);
  // graded (the run fails), but a grade alone would not say why
  for (const s of stoppedRuns(report)) warn(`${s.file}: ${s.exercise} was stopped: ${s.reason}`);
  const wanted = args.values.lesson;
  const graded = wanted ? report.lessons.filter((l) => l.sheet.lesson.id === wanted) : report.lessons;
  if (graded.length === 0) fail(wanted ? `no hand-in is for the lesson "${wanted}"` : 'no file could be graded');
  if (graded.length > 1) fail(`the files are for several lessons (${graded.map((l) => l.sheet.lesson.id).join(', ')}): pick one with --lesson`);
  const { sheet } = graded[0];
  for (const r of sheet.replaced) warn(`${r.file}: did not count: ${r.identity.name}'s hand-in, replaced by ${r.replacedBy.name}'s (${r.replacedBy.file}); it scored ${r.points} of ${r.max}`);
  for (const w of WARNINGS[format]?.(sheet) ?? []) warn(`${format} export: ${w}`);
  const flagged = sheet.rows.filter((r) => r.flags.length > 0).length;
  if (flagged > 0 && (format === 'canvas' || format === 'moodle')) warn(`${flagged} of ${sheet.rows.length} rows have flags: --format csv or json shows them`);
  process.stdout.write(terminalText(FORMATS[format](sheet)));
}

if (import.meta.main) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    // a crash's text may hold a student's: printed stripped, never raw
    console.error(terminalText(String((error as Error)?.stack ?? error)));
    process.exit(1);
  }
}
