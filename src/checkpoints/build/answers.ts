// A checkpoint's answer, computed: the cell it names (or its own code) is run with the runtime cells
// run with, and its answer expression is evaluated over what that printed. Then everything the
// author stated is checked against it (expect:, the choice marked correct:, the lines a line
// question names), so an engine or cell change fails the build at the checkpoint's line instead of
// leaving a stale answer in the page.
import type { CellInput, CellResult } from '../../runtime/execute.ts';
import { outputText } from '../../cells/shared/output.ts';
import { checkSourceTag } from '../../literate/build/remark.ts';
import { readEngineFile, regionLines } from '../../literate/build/regions.ts';
import { type Chapter, DEFAULT_TIMEOUT_MS, type Place, where } from '../../book/build/model.ts';
import type { Checkpoint } from './read.ts';
import { acceptedGridPoints, normaliseText } from '../shared/seal.ts';
import { evaluateAnswer, variantProgram, variantSeed } from '../shared/answers.ts';

export type RunCode = (input: CellInput, timeoutMs: number) => Promise<Pick<CellResult, 'output' | 'error'>>;

export interface CheckpointProblem {
  place: Place;
  message: string;
}

export const formatProblem = (p: CheckpointProblem) => `${where(p.place)}: ${p.message}`;

class Stale extends Error {
  readonly place: Place;
  constructor(place: Place, message: string) {
    super(message);
    this.place = place;
  }
}

// what an answer expression sees (shared with the page and the graders, which evaluate a variant's)
export { evaluateAnswer };

// a checkpoint whose answer has been computed: what the page is built from (seal-data.ts)
export interface Computed {
  checkpoint: Checkpoint;
  text: string | null; // predict: the answer as printed
  number: number | null; // numeric
  correctChoice: number | null; // choice and predict with choices: the index of the right one
  mistakes: { key: string; why: string }[]; // normalised text or grid-point keys, for typed questions
  lineNumbers: { number: number; correct: boolean; why: string }[]; // line: the file's line numbers
  regionLines: { number: number; text: string }[]; // line: what the page shows
  variants: { identity: string; seed: number; given: string; answer: string }[]; // variant: the sample readers' numbers and answers
}

// the readers a variant question is computed for at build: its answer must follow from the code
// for each of them, and differ between them
export const SAMPLE_READERS = ['ada@example.edu', 'grace@example.edu', 'alan@example.edu', 'edsger@example.edu'];

const sourceKey = (chapter: Chapter, cp: Checkpoint) => (cp.source === null ? '' : 'cell' in cp.source ? `${chapter.slug}#${cp.source.cell}` : `code:${cp.source.code}`);

// every checkpoint of the chapters, computed and checked; each source run once
export async function computeCheckpoints(chapters: Chapter[], run: RunCode): Promise<{ computed: Computed[]; problems: CheckpointProblem[]; ran: number }> {
  const outputs = new Map<string, Promise<string>>();
  const problems: CheckpointProblem[] = [];
  const computed: Computed[] = [];
  const outputOf = (chapter: Chapter, cp: Checkpoint): Promise<string> => {
    const key = sourceKey(chapter, cp);
    let output = outputs.get(key);
    if (output) return output;
    const source = cp.source!;
    let input: CellInput;
    let timeout = DEFAULT_TIMEOUT_MS;
    let place: Place;
    if ('cell' in source) {
      const cell = chapter.cells.find((c) => c.id === source.cell);
      if (!cell) throw new Stale(cp.places.cell ?? cp.place, `there is no cell "${source.cell}" in this chapter (it has: ${chapter.cells.map((c) => c.id).join(', ') || 'none'})`);
      input = { code: cell.code, setup: cell.setup || undefined };
      timeout = cell.timeoutMs;
      place = cp.places.cell ?? cp.place;
    } else {
      input = { code: source.code };
      place = { ...cp.place, line: source.codeLine };
    }
    output = run(input, timeout).then((result) => {
      if (result.error) throw new Stale(place, `its ${'cell' in source ? `cell "${source.cell}"` : 'code'} threw ${result.error.name}: ${result.error.message}`);
      return outputText(result);
    });
    outputs.set(key, output);
    return output;
  };

  await Promise.all(
    chapters.flatMap((chapter) =>
      chapter.checkpoints.map(async (cp) => {
        try {
          computed.push(cp.variant ? await computeVariant(cp, run) : await computeOne(cp, cp.source ? await outputOf(chapter, cp) : ''));
        } catch (error) {
          if (error instanceof Stale) problems.push({ place: error.place, message: `checkpoint "${cp.id}": ${error.message}` });
          else throw error;
        }
      }),
    ),
  );
  const order = (p: Place) => [p.file, p.line] as const;
  problems.sort((a, b) => order(a.place)[0].localeCompare(order(b.place)[0]) || a.place.line - b.place.line);
  return { computed, problems, ran: outputs.size };
}

function evaluate(cp: Checkpoint, expression: string, output: string, field: string): unknown {
  try {
    return evaluateAnswer(expression, output);
  } catch (error) {
    throw new Stale(cp.places[field] ?? cp.place, `${field}: ${expression} fails on what it printed (${(error as Error).message}); it printed:\n${output}`);
  }
}

async function computeOne(cp: Checkpoint, output: string): Promise<Computed> {
  const result: Computed = { checkpoint: cp, text: null, number: null, correctChoice: null, mistakes: [], lineNumbers: [], regionLines: [], variants: [] };
  const at = (field: string) => cp.places[field] ?? cp.place;
  switch (cp.kind) {
    case 'predict': {
      const value = cp.answer === null ? output : evaluate(cp, cp.answer, output, 'answer');
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Stale(at('answer'), `answer: ${cp.answer} gives ${typeof value}, not text or a number`);
      const text = String(value);
      if (normaliseText(text) === '') throw new Stale(at('answer'), 'the computed answer is empty');
      if (cp.expect !== null && normaliseText(cp.expect) !== normaliseText(text))
        throw new Stale(
          at('expect'),
          `expect: ${JSON.stringify(cp.expect)} no longer follows from the code: the answer computed from cell "${(cp.source as { cell: string }).cell}" is ${JSON.stringify(text)}`,
        );
      result.text = text;
      if (cp.choices.length > 0) {
        const matching = cp.choices.flatMap((c, i) => (normaliseText(c.value) === normaliseText(text) ? [i] : []));
        if (matching.length !== 1) throw new Stale(at('choices'), `exactly one choice must be the computed answer ${JSON.stringify(text)}; ${matching.length} are`);
        result.correctChoice = matching[0];
      }
      for (const m of cp.mistakes) {
        const wrong = normaliseText(String(m.value ?? evaluate(cp, m.answer!, output, 'mistakes')));
        if (wrong === normaliseText(text)) throw new Stale(m.place, `this mistake is the right answer ${JSON.stringify(text)}`);
        result.mistakes.push({ key: `text:${wrong}`, why: m.why });
      }
      return result;
    }
    case 'numeric': {
      const value = cp.answer === null ? Number(output.trim()) : evaluate(cp, cp.answer, output, 'answer');
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Stale(at('answer'), `the computed answer is not a finite number (${String(value)}); it printed:\n${output}`);
      const tolerance = cp.tolerance!;
      if (cp.expect !== null) {
        const stated = Number(cp.expect);
        if (!Number.isFinite(stated)) throw new Stale(at('expect'), `expect: ${cp.expect} is not a number`);
        if (Math.abs(stated - value) > tolerance) throw new Stale(at('expect'), `expect: ${cp.expect} no longer follows from the code: the computed answer is ${value}, more than ${tolerance} away`);
      }
      result.number = value;
      const right = new Set(acceptedGridPoints(value, tolerance));
      for (const m of cp.mistakes) {
        const wrong = m.value !== null ? Number(m.value) : evaluate(cp, m.answer!, output, 'mistakes');
        if (typeof wrong !== 'number' || !Number.isFinite(wrong)) throw new Stale(m.place, `this mistake is not a number (${String(wrong)})`);
        const points = acceptedGridPoints(wrong, tolerance).filter((k) => !right.has(k));
        if (Math.abs(wrong - value) <= tolerance) throw new Stale(m.place, `this mistake, ${wrong}, is within the tolerance (${tolerance}) of the answer ${value}: it would count as right`);
        for (const k of points) result.mistakes.push({ key: `number:${k}`, why: m.why });
      }
      return result;
    }
    case 'choice': {
      const correct = cp.choices.findIndex((c) => c.correct);
      if (cp.source !== null && cp.answer !== null) {
        const value = String(evaluate(cp, cp.answer, output, 'answer'));
        if (normaliseText(value) !== normaliseText(cp.choices[correct].value))
          throw new Stale(
            cp.choices[correct].place,
            `the choice marked correct (${JSON.stringify(cp.choices[correct].value)}) no longer follows from the code: the computed answer is ${JSON.stringify(value)}`,
          );
      }
      result.correctChoice = correct;
      return result;
    }
    case 'line': {
      const { file, region } = cp.region!;
      const problem = checkSourceTag({ file, region });
      if (problem) throw new Stale(at('region'), problem);
      const shown = regionLines(readEngineFile(file.replace(/\.ts$/, '')), region);
      for (const line of cp.lines) {
        const hits = shown.filter((l) => l.text.includes(line.match));
        if (hits.length !== 1)
          throw new Stale(
            line.place,
            `"${line.match}" is in ${hits.length === 0 ? 'no line' : `${hits.length} lines (${hits.map((h) => h.number).join(', ')})`} of ${file} region "${region}": it must name exactly one`,
          );
        if (result.lineNumbers.some((l) => l.number === hits[0].number)) throw new Stale(line.place, `"${line.match}" names line ${hits[0].number} again`);
        result.lineNumbers.push({ number: hits[0].number, correct: line.correct, why: line.why });
      }
      result.regionLines = shown;
      return result;
    }
    case 'order':
      return result;
  }
}

// a variant question, run for each sample reader's seed: what it shows them and its answer must
// follow from what the code printed, each mistake must be wrong, and the answers must differ
async function computeVariant(cp: Checkpoint, run: RunCode): Promise<Computed> {
  const result: Computed = { checkpoint: cp, text: null, number: null, correctChoice: null, mistakes: [], lineNumbers: [], regionLines: [], variants: [] };
  const place = { ...cp.place, line: cp.variant!.codeLine };
  const at = (field: string) => cp.places[field] ?? cp.place;
  for (const identity of SAMPLE_READERS) {
    const seed = await variantSeed(identity, cp.chapter, cp.id);
    const ran = await run({ code: variantProgram(cp.variant!.code, seed) }, DEFAULT_TIMEOUT_MS);
    if (ran.error) throw new Stale(place, `its variant code threw ${ran.error.name}: ${ran.error.message} (for variantSeed = ${seed})`);
    const output = outputText(ran);
    const given = evaluate(cp, cp.given!, output, 'given');
    if (typeof given !== 'string' && typeof given !== 'number') throw new Stale(at('given'), `given: ${cp.given} gives ${typeof given}, not text (for variantSeed = ${seed}); it printed:\n${output}`);
    if (String(given).trim() === '') throw new Stale(at('given'), `given: ${cp.given} is empty for variantSeed = ${seed}`);
    const value = evaluate(cp, cp.answer!, output, 'answer');
    let answer: string;
    if (cp.kind === 'numeric') {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new Stale(at('answer'), `the computed answer is not a finite number (${String(value)}) for variantSeed = ${seed}; it printed:\n${output}`);
      answer = String(value);
      for (const m of cp.mistakes) {
        const wrong = m.value !== null ? Number(m.value) : evaluate(cp, m.answer!, output, 'mistakes');
        if (typeof wrong !== 'number' || !Number.isFinite(wrong)) throw new Stale(m.place, `this mistake is not a number (${String(wrong)}) for variantSeed = ${seed}`);
        if (Math.abs(wrong - value) <= cp.tolerance!)
          throw new Stale(m.place, `this mistake, ${wrong}, is within the tolerance (${cp.tolerance}) of the answer ${value} for variantSeed = ${seed}: it would count as right`);
      }
    } else {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Stale(at('answer'), `answer: ${cp.answer} gives ${typeof value}, not text or a number`);
      answer = String(value);
      if (normaliseText(answer) === '') throw new Stale(at('answer'), `the computed answer is empty for variantSeed = ${seed}`);
      for (const m of cp.mistakes) {
        const wrong = normaliseText(String(m.value ?? evaluate(cp, m.answer!, output, 'mistakes')));
        if (wrong === normaliseText(answer)) throw new Stale(m.place, `this mistake is the right answer ${JSON.stringify(answer)} for variantSeed = ${seed}`);
      }
    }
    result.variants.push({ identity, seed, given: String(given), answer });
  }
  if (new Set(result.variants.map((v) => v.answer)).size < 2)
    throw new Stale(at('variant'), `the variant gives every sample reader the same answer (${result.variants[0].answer}): draw its numbers from variantSeed`);
  return result;
}
