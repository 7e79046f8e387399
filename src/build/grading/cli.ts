// npm run grade -- <hand-in files…> [--seed S] [--settings file.json …] [--format canvas|moodle|csv|json]
// Grades hand-in files as /grade/ does (the same grade(), every exercise sealed in a worker thread of
// its own) and prints one lesson's grades in the LMS format asked for; files that can't be graded
// are listed on stderr. With several lessons among the files, --lesson picks one.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { canvasCsv, moodleCsv, plainCsv, sheetJson } from '../../shared/handin/exports.ts';
import { grade } from '../../shared/handin/grade.ts';
import { type GradingSettings, parseSettings, SettingsError } from '../../shared/handin/settings.ts';
import { checkpointDefs, exerciseDefs, lessonRefs, runVariantThread, sealedInput } from './book-defs.ts';
import { limit } from '../../shared/limit.ts';
import { runSealedThread } from './run-sealed.ts';
import { stoppedRuns } from './stopped-runs.ts';

const FORMATS = { canvas: canvasCsv, moodle: moodleCsv, csv: plainCsv, json: sheetJson } as const;

const usage = `usage: npm run grade -- <hand-in files…> [--seed S] [--settings grading.json] [--format canvas|moodle|csv|json] [--lesson id]
  --seed      the instructor's seed for the grading checks (without it they do not run)
  --settings  a grading settings file from /assign/ (points, due time, late rule); repeat for several lessons
  --format    what to print: canvas (default), moodle, csv, json
  --lesson    the lesson to print when the files are for several`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

export async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { seed: { type: 'string' }, settings: { type: 'string', multiple: true }, format: { type: 'string', default: 'canvas' }, lesson: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (args.values.help) return void console.log(usage);
  const format = args.values.format as keyof typeof FORMATS;
  if (!Object.hasOwn(FORMATS, format)) fail(`--format must be one of ${Object.keys(FORMATS).join(', ')}, not "${format}"`);
  if (args.positionals.length === 0) fail(`no hand-in files given\n${usage}`);
  const settings: GradingSettings[] = (args.values.settings ?? []).map((file) => {
    try {
      return parseSettings(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`${file}: ${error instanceof SettingsError ? error.message : (error as Error).message}`);
    }
  });
  const files = args.positionals.map((file) => {
    try {
      return { name: basename(file), text: readFileSync(file, 'utf8') };
    } catch (error) {
      fail(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  });
  const slot = limit(2); // two threads at a time, each fresh
  const lessons = lessonRefs();
  const variantRun = runVariantThread();
  const report = await grade({
    files,
    lessons,
    checkpoints: checkpointDefs(lessons),
    runVariant: (code, timeoutMs) => slot(() => variantRun(code, timeoutMs)),
    defs: exerciseDefs(),
    settings,
    seed: args.values.seed ?? null,
    run: (def, code, seed) => slot(() => runSealedThread(sealedInput(def, code, seed), def.timeoutMs)),
  });
  for (const e of report.errors) console.error(`${e.file}: not graded: ${e.message}`);
  // graded (the run fails), but a grade alone would not say why
  for (const s of stoppedRuns(report)) console.error(`${s.file}: ${s.exercise} was stopped: ${s.reason}`);
  const wanted = args.values.lesson;
  const graded = wanted ? report.lessons.filter((l) => l.sheet.lesson.id === wanted) : report.lessons;
  if (graded.length === 0) fail(wanted ? `no hand-in is for the lesson "${wanted}"` : 'no file could be graded');
  if (graded.length > 1) fail(`the files are for several lessons (${graded.map((l) => l.sheet.lesson.id).join(', ')}): pick one with --lesson`);
  process.stdout.write(FORMATS[format](graded[0].sheet));
}

if (import.meta.main) await main(process.argv.slice(2));
