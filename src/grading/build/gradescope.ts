// npm run gradescope -- --lesson <id> --seed S [--settings grading.json] [--out file.zip] [--node vX.Y.Z]
// Writes a Gradescope autograder zip for one lesson: setup.sh (installs Node), run_autograder, the
// harness grader.mjs (grade(), the engine and the sealed runtime in one ES module, with the lesson's
// exercises, the settings and the seed baked in), sealed-thread.mjs and a README.
//
// The sealed runs need a fresh realm each, so the bundle starts a worker thread per exercise like
// `npm run grade`. The thread's entry is a second bundle beside the harness, not a workerData
// branch of the harness: lockdown() has to run before the code it protects loads, and a thread
// started from the harness's own file would load all of the harness first.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { strToU8, type ZipOptions, zipSync } from 'fflate';
import type { CheckpointDef, ExerciseDef, LessonRef } from '../shared/grade.ts';
import { readSettingsFile } from './read-settings.ts';
import type { GradingSettings } from '../shared/settings.ts';
import { checkpointDefs, exerciseDefs, lessonRefs } from './book-defs.ts';
import type { BundleConfig } from './gradescope-harness.ts';
import { nodeBundle } from '../../runtime/build/sealed-bundle.ts';
import { bundleReadme, runAutograderScript, setupScript } from './gradescope-scripts.ts';

export interface BundleSpec {
  lesson: LessonRef;
  defs: ExerciseDef[]; // the book's; only the lesson's go in
  checkpoints?: CheckpointDef[]; // the book's as its pages hold them; only the lesson's go in
  settings: GradingSettings | null;
  seed: string;
  nodeVersion: string; // the Node setup.sh installs, e.g. v22.12.0
}

const here = (file: string) => new URL(file, import.meta.url).pathname;

// the harness and the thread's entry as self-contained ES modules
async function bundle(config: BundleConfig): Promise<Record<string, string>> {
  const result = await build({
    ...nodeBundle,
    entryPoints: { grader: here('./gradescope-harness.ts'), 'sealed-thread': here('../../runtime/build/sealed-thread.ts') },
    outdir: 'gradescope-bundle', // no file is written (write: false); the names come from it
    write: false,
    outExtension: { '.js': '.mjs' },
    // the harness always names its own thread: the bundler that makes the default one stays out
    external: ['*/sealed-bundle.ts'],
    define: { __GRADESCOPE_BUNDLE__: JSON.stringify(JSON.stringify(config)) },
  });
  return Object.fromEntries(result.outputFiles.map((f) => [f.path.replace(/^.*\//, ''), f.text]));
}

export async function buildBundle(spec: BundleSpec): Promise<Uint8Array> {
  const { lesson, settings, seed, nodeVersion } = spec;
  const wanted = new Set(lesson.exercises.map((e) => `${e.chapter}/${e.id}`));
  const defs = spec.defs.filter((d) => wanted.has(`${d.chapter}/${d.id}`));
  const missing = [...wanted].filter((k) => !defs.some((d) => `${d.chapter}/${d.id}` === k));
  if (missing.length > 0) throw new Error(`the lesson "${lesson.id}" names exercises the book does not have: ${missing.join(', ')}`);
  if (settings && settings.lesson !== lesson.id) throw new Error(`the settings are for the lesson "${settings.lesson}", not "${lesson.id}"`);
  const wantedCheckpoints = new Set((lesson.checkpoints ?? []).map((c) => `${c.chapter}/${c.id}`));
  const checkpoints = (spec.checkpoints ?? []).filter((c) => wantedCheckpoints.has(`${c.chapter}/${c.id}`));
  const files = await bundle({ lesson, defs, checkpoints, settings, seed, builtAt: new Date().toISOString() });
  // Unix modes (os 3): the scripts executable, as Gradescope runs them
  const text = (s: string): [Uint8Array, ZipOptions] => [strToU8(s), { os: 3, attrs: 0o100644 << 16 }];
  const script = (s: string): [Uint8Array, ZipOptions] => [strToU8(s), { os: 3, attrs: 0o100755 << 16 }];
  return zipSync({
    'setup.sh': script(setupScript(nodeVersion)),
    run_autograder: script(runAutograderScript()),
    'grader.mjs': text(files['grader.mjs']),
    'sealed-thread.mjs': text(files['sealed-thread.mjs']),
    'README.md': text(bundleReadme({ lesson, settings, nodeVersion, exercises: defs.map((d) => d.title) })),
  });
}

const usage = `usage: npm run gradescope -- --lesson <id> --seed S [--settings grading.json] [--out file.zip] [--node vX.Y.Z]
  --lesson    the lesson the Gradescope assignment is for
  --seed      the instructor's seed for the grading checks; it goes into the bundle
  --settings  the lesson's grading settings file from /assign/ (points, due time, late rule)
  --out       the zip to write (default gradescope-<lesson>.zip)
  --node      the Node version setup.sh installs (default this Node's, ${process.version})`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

export async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { lesson: { type: 'string' }, seed: { type: 'string' }, settings: { type: 'string' }, out: { type: 'string' }, node: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  const { values } = args;
  if (values.help) return void console.log(usage);
  const lessons = lessonRefs();
  const lesson = lessons.find((l) => l.id === values.lesson);
  if (!lesson) fail(`${values.lesson ? `no lesson "${values.lesson}"` : 'no --lesson given'}; the lessons: ${lessons.map((l) => l.id).join(', ')}\n${usage}`);
  if (!values.seed) fail(`no --seed given: without it the grading checks would not run\n${usage}`);
  const nodeVersion = values.node ?? process.version;
  if (!/^v(\d+)\.\d+\.\d+$/.test(nodeVersion) || Number(nodeVersion.slice(1).split('.')[0]) < 22) fail(`--node must be a Node release of 22 or later, as v22.12.0, not "${nodeVersion}"`);
  const settings = values.settings ? readSettingsFile(values.settings, fail) : null;
  const out = values.out ?? `gradescope-${lesson.id}.zip`;
  try {
    writeFileSync(out, await buildBundle({ lesson, defs: exerciseDefs(), checkpoints: await checkpointDefs([lesson]), settings, seed: values.seed, nodeVersion }));
  } catch (error) {
    fail((error as Error).message);
  }
  console.log(`${out}: the Gradescope autograder for "${lesson.title}"${settings ? '' : ' (no settings: every exercise one point, lateness not judged)'}`);
  console.log('It holds the seed and the solutions: upload it to Gradescope, never share it with students.');
}

if (import.meta.main) await main(process.argv.slice(2));
