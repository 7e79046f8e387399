// A <Checkpoint id="…"> element of a chapter's tree, read into the book model: the ```yaml block
// inside it, parsed with positions, so a malformed field is reported at its own line.
// What each kind takes is documented in src/checkpoints/README.md.
import type { Code, Nodes } from 'mdast';
import { type Document, isMap, isScalar, isSeq, type Node as YamlNode, parseDocument } from 'yaml';
import { BookError, type Place } from '../../book/build/model.ts';
import type { CheckpointKind } from '../shared/data.ts';

// <Checkpoint id="…"> with one ```yaml block inside: a question that checks understanding.
// Numeric and predicted answers are not typed in by the author but computed at build from what a
// cell (or a snippet of code, run with the same runtime) prints; src/checkpoints/build computes,
// checks and seals them; src/checkpoints/README.md is the author's reference.
export const CHECKPOINT_KINDS: readonly CheckpointKind[] = ['predict', 'numeric', 'choice', 'line', 'order'];

// what a computed answer is computed from: a cell of the same chapter (by id), or code run at build
export type AnswerSource = { cell: string } | { code: string; codeLine: number };

export interface CheckpointChoice {
  text: string; // as shown (`code` in backticks)
  value: string; // what a computed answer is compared with (the text unless given)
  why: string; // why this choice is right or wrong, shown when it is picked
  correct: boolean; // stated by the author (choice), or computed (predict with choices)
  place: Place;
}

// a foreseen wrong answer to a typed question, and why it is wrong: a literal, or an expression
// over the same output (the share from one use only, say), so it cannot go stale either
export interface CheckpointMistake {
  value: string | null;
  answer: string | null; // expression
  why: string;
  place: Place;
}

// a line of a quoted region, named by a piece of its text that no other line of the region has,
// so an engine edit that moves, removes or duplicates it fails the build instead of going stale
export interface CheckpointLine {
  match: string;
  correct: boolean;
  why: string;
  place: Place;
}

export interface Checkpoint {
  chapter: string;
  file: string;
  id: string;
  kind: CheckpointKind;
  place: Place; // the <Checkpoint> element
  line: number;
  question: string;
  why: string; // shown with a right answer ('' when none)
  hint: string; // shown with a wrong answer the checkpoint has no explanation for ('' when none)
  source: AnswerSource | null; // predict, numeric, and choice when its answer is computed
  answer: string | null; // the expression computing the answer from `output` / `lines`
  expect: string | null; // the answer as the prose states it, checked against the computed one
  tolerance: number | null; // numeric: absolute
  choices: CheckpointChoice[]; // choice; predict when the reader picks rather than types
  mistakes: CheckpointMistake[]; // predict (typed) and numeric
  region: { file: string; region: string } | null; // line: the quoted engine region
  lines: CheckpointLine[]; // line: the right line(s) and tempting wrong ones
  steps: string[]; // order: in the right order
  variant: { code: string; codeLine: number } | null; // numeric, predict: code run for each reader's seed (`variantSeed`)
  given: string | null; // with variant: an expression over what it printed, shown to the reader (their numbers)
  places: Record<string, Place>; // of each field, for messages
  element: CheckpointElement; // where it sits in the tree, for the plugin that renders it
}

const COMMON = ['kind', 'question', 'why', 'hint'];
const SOURCE = ['cell', 'code', 'answer'];
const FIELDS: Record<CheckpointKind, string[]> = {
  predict: [...COMMON, 'cell', 'answer', 'expect', 'choices', 'mistakes', 'variant', 'given'],
  numeric: [...COMMON, ...SOURCE, 'expect', 'tolerance', 'mistakes', 'variant', 'given'],
  choice: [...COMMON, ...SOURCE, 'choices'],
  line: [...COMMON, 'file', 'region', 'line', 'wrong'],
  order: [...COMMON, 'steps'],
};

export interface CheckpointElement {
  attributes: { type: string; name?: string; value?: unknown }[];
  children: Nodes[];
}

export function readCheckpoint(node: CheckpointElement, at: Place, chapter: string, ids: Set<string>, placeOf: (node: Nodes) => Place): Checkpoint {
  const idAttribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
  const id = idAttribute?.value;
  if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) throw new BookError(at, '<Checkpoint> needs id="<letters, digits, - or _>" as a plain string');
  if (ids.has(id)) throw new BookError(at, `checkpoint id "${id}" is used twice in this chapter`);
  ids.add(id);
  const fail = (place: Place, message: string): never => {
    throw new BookError(place, `checkpoint "${id}": ${message}`);
  };
  for (const a of node.attributes) if (a.type !== 'mdxJsxAttribute' || a.name !== 'id') fail(at, 'takes only id="…"; the question goes in the ```yaml block inside it');
  const blocks = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  const yaml = blocks[0] as Code | undefined;
  if (blocks.length !== 1 || yaml?.type !== 'code' || yaml.lang !== 'yaml') fail(at, 'needs exactly one ```yaml block inside it, and nothing else');
  const code = yaml as Code;
  const fence = placeOf(code);
  // a place inside the YAML: its first line is the line after the fence
  const placeAt = (offset: number): Place => {
    const before = code.value.slice(0, offset);
    const line = before.split('\n').length;
    return { file: at.file, line: fence.line + line, column: (line === 1 ? before.length : before.length - before.lastIndexOf('\n') - 1) + fence.column };
  };
  const placeOfNode = (n: YamlNode | null | undefined): Place => (n?.range ? placeAt(n.range[0]) : { ...fence, line: fence.line + 1 });
  const doc: Document = parseDocument(code.value, { prettyErrors: false });
  if (doc.errors.length > 0) fail(placeAt(doc.errors[0].pos[0]), `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (!isMap(doc.contents)) fail(placeOfNode(doc.contents), 'the ```yaml block must be a map of fields (kind, question, …)');
  const places: Record<string, Place> = {};
  const nodes: Record<string, YamlNode | null> = {};
  for (const pair of (doc.contents as { items: { key: unknown; value: unknown }[] }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    places[key] = placeOfNode(pair.key as YamlNode);
    nodes[key] = (pair.value as YamlNode) ?? null;
  }
  const data = doc.toJS() as Record<string, unknown>;
  const placeOfField = (key: string): Place => places[key] ?? at; // a missing field: the element

  const kind = data.kind as CheckpointKind;
  if (!CHECKPOINT_KINDS.includes(kind)) fail(placeOfField('kind'), `kind must be one of ${CHECKPOINT_KINDS.join(', ')}${data.kind === undefined ? '' : `, not ${JSON.stringify(data.kind)}`}`);
  for (const key of Object.keys(data))
    if (!FIELDS[kind].includes(key)) fail(placeOfField(key), `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} question has no field "${key}" (it takes: ${FIELDS[kind].join(', ')})`);

  const text = (key: string, required: boolean, value: unknown = data[key], place = placeOfField(key)): string => {
    if (value === undefined || value === null) return required ? fail(place, `needs ${key}: …`) : '';
    if (typeof value !== 'string' && typeof value !== 'number') return fail(place, `${key} must be text`);
    const s = String(value).trim();
    if (required && s === '') fail(place, `${key} must not be empty`);
    return s;
  };
  const list = (key: string, node: YamlNode | null | undefined = nodes[key]): { value: unknown; place: Place; node: YamlNode }[] => {
    if (!isSeq(node)) return fail(placeOfField(key), `${key} must be a list (lines starting with "- ")`);
    return node.items.map((item) => ({ value: (item as YamlNode & { toJSON(): unknown }).toJSON(), place: placeOfNode(item as YamlNode), node: item as YamlNode }));
  };

  const question = text('question', true);
  const why = text('why', false);
  const hint = text('hint', false);

  let source: AnswerSource | null = null;
  if (data.cell !== undefined && data.code !== undefined) fail(placeOfField('code'), 'takes its answer from a cell or from code, not both');
  if (data.cell !== undefined) {
    const cell = text('cell', true);
    if (!/^[\w-]+$/.test(cell)) fail(placeOfField('cell'), 'cell must be the id of a cell of this chapter');
    source = { cell };
  } else if (data.code !== undefined) {
    const snippet = text('code', true);
    const codeNode = nodes.code;
    // a block scalar (code: |) starts on the line after its key
    const first = codeNode?.range ? placeAt(codeNode.range[0]).line + (/^[|>]/.test(code.value.slice(codeNode.range[0])) ? 1 : 0) : placeOfField('code').line;
    source = { code: snippet, codeLine: first };
  }
  // a variant: code run for each reader's seed (variantSeed), instead of one cell or snippet
  let variant: Checkpoint['variant'] = null;
  let given: string | null = null;
  if (data.variant !== undefined) {
    if (source !== null) fail(placeOfField('variant'), `a variant question computes its answer from its own variant: code; drop ${data.cell !== undefined ? 'cell' : 'code'}:`);
    if (data.expect !== undefined) fail(placeOfField('expect'), "a variant question's answer differs from reader to reader; drop expect:");
    if (data.choices !== undefined) fail(placeOfField('choices'), 'a variant question is answered by typing; drop choices:');
    const snippet = text('variant', true);
    if (!/\bvariantSeed\b/.test(snippet)) fail(placeOfField('variant'), "the variant code must use variantSeed (the reader's seed, a 32-bit number) to draw its numbers");
    const variantNode = nodes.variant;
    const first = variantNode?.range ? placeAt(variantNode.range[0]).line + (/^[|>]/.test(code.value.slice(variantNode.range[0])) ? 1 : 0) : placeOfField('variant').line;
    variant = { code: snippet, codeLine: first };
    if (data.given === undefined) fail(placeOfField('variant'), "needs given: <an expression over what the variant printed>: the reader's own numbers, shown with the question");
    given = text('given', true);
    if (data.answer === undefined) fail(placeOfField('variant'), 'needs answer: <an expression over what the variant printed>');
  } else if (data.given !== undefined) fail(placeOfField('given'), 'given: goes with variant: (a question drawn for each reader)');
  if ((kind === 'predict' || kind === 'numeric') && source === null && variant === null)
    fail(at, kind === 'predict' ? 'needs cell: <the id of the cell whose output the reader predicts>' : 'needs cell: <id> or code: | … to compute its answer from');
  if (kind === 'predict' && variant === null && !('cell' in (source ?? {}))) fail(placeOfField('code'), 'a predict question is about a cell: give cell: <id>');
  if (kind === 'choice' && data.answer !== undefined && source === null) fail(placeOfField('answer'), 'an answer expression needs cell: or code: to compute it from');
  if (kind === 'choice' && source !== null && data.answer === undefined)
    fail(placeOfField(data.cell !== undefined ? 'cell' : 'code'), 'with cell: or code:, say which printed value the right choice is, with answer: <expression>');
  const answer = data.answer === undefined ? null : text('answer', true);
  const expect = data.expect === undefined ? null : text('expect', true);

  let tolerance: number | null = null;
  if (kind === 'numeric') {
    tolerance = data.tolerance as number;
    if (typeof tolerance !== 'number' || !(tolerance > 0) || !Number.isFinite(tolerance))
      fail(placeOfField('tolerance'), 'needs tolerance: <a positive number>, the absolute error a right answer may have');
  }

  const choices: CheckpointChoice[] = [];
  if (kind === 'choice' || (kind === 'predict' && data.choices !== undefined)) {
    if (data.choices === undefined) fail(at, 'needs choices: a list of { text, why }, one with correct: true');
    for (const [i, item] of list('choices').entries()) {
      const v = item.value;
      if (kind === 'predict' && (typeof v === 'string' || typeof v === 'number')) {
        choices.push({ text: String(v), value: String(v), why: '', correct: false, place: item.place });
        continue;
      }
      if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(item.place, `choice ${i + 1} must be { text: …, why: … }`);
      const c = v as Record<string, unknown>;
      for (const key of Object.keys(c)) if (!['text', 'why', 'correct', 'value'].includes(key)) fail(item.place, `choice ${i + 1} has no field "${key}" (it takes: text, why, correct, value)`);
      if (kind === 'predict' && c.correct !== undefined) fail(item.place, 'a predict question computes which choice is right from the cell; drop correct:');
      if (c.correct !== undefined && typeof c.correct !== 'boolean') fail(item.place, `choice ${i + 1}: correct must be true or false`);
      const choiceText = text('text', true, c.text, item.place);
      choices.push({
        text: choiceText,
        value: c.value === undefined ? choiceText : text('value', true, c.value, item.place),
        why: text('why', kind === 'choice', c.why, item.place),
        correct: c.correct === true,
        place: item.place,
      });
    }
    if (choices.length < 2) fail(placeOfField('choices'), 'needs at least two choices');
    if (kind === 'choice' && choices.filter((c) => c.correct).length !== 1)
      fail(placeOfField('choices'), `exactly one choice must have correct: true (${choices.filter((c) => c.correct).length} have)`);
  }

  const mistakes: CheckpointMistake[] = [];
  if (data.mistakes !== undefined) {
    if (kind === 'predict' && choices.length > 0) fail(placeOfField('mistakes'), 'a predict question with choices explains them in its choices, not in mistakes');
    for (const [i, item] of list('mistakes').entries()) {
      const m = item.value as Record<string, unknown>;
      if (typeof m !== 'object' || m === null || Array.isArray(m) || (m.value === undefined) === (m.answer === undefined))
        fail(item.place, `mistake ${i + 1} must be { value: <a wrong answer>, why: … } or { answer: <an expression for it>, why: … }`);
      for (const key of Object.keys(m)) if (!['value', 'answer', 'why'].includes(key)) fail(item.place, `mistake ${i + 1} has no field "${key}" (it takes: value or answer, and why)`);
      mistakes.push({
        value: m.value === undefined ? null : text('value', true, m.value, item.place),
        answer: m.answer === undefined ? null : text('answer', true, m.answer, item.place),
        why: text('why', true, m.why, item.place),
        place: item.place,
      });
    }
  }

  let region: Checkpoint['region'] = null;
  const lines: CheckpointLine[] = [];
  if (kind === 'line') {
    region = { file: text('file', true), region: text('region', true) };
    const right = data.line;
    const rightTexts = Array.isArray(right) ? right : [right];
    if (right === undefined || rightTexts.some((r) => typeof r !== 'string' || r.trim() === ''))
      fail(placeOfField('line'), 'needs line: <text found in the right line and no other line of the region> (or a list of such texts)');
    for (const r of rightTexts as string[]) lines.push({ match: r, correct: true, why: '', place: placeOfField('line') });
    if (data.wrong !== undefined)
      for (const [i, item] of list('wrong').entries()) {
        const w = item.value as Record<string, unknown>;
        if (typeof w !== 'object' || w === null || typeof w.line !== 'string' || typeof w.why !== 'string' || Object.keys(w).some((k) => k !== 'line' && k !== 'why'))
          fail(item.place, `wrong ${i + 1} must be { line: <text of a tempting wrong line>, why: … }`);
        lines.push({ match: w.line as string, correct: false, why: text('why', true, w.why, item.place), place: item.place });
      }
  }

  const steps: string[] = [];
  if (kind === 'order') {
    if (data.steps === undefined) fail(at, 'needs steps: the steps in the right order');
    for (const item of list('steps')) steps.push(text('steps', true, item.value, item.place));
    if (steps.length < 3) fail(placeOfField('steps'), 'needs at least three steps');
    const seen = new Set<string>();
    for (const s of steps) {
      if (seen.has(s)) fail(placeOfField('steps'), `the step "${s}" is there twice`);
      seen.add(s);
    }
  }

  return {
    chapter,
    file: at.file,
    id,
    kind,
    place: at,
    line: at.line,
    question,
    why,
    hint,
    source,
    answer,
    expect,
    tolerance,
    choices,
    mistakes,
    region,
    lines,
    steps,
    variant,
    given,
    places,
    element: node,
  };
}
