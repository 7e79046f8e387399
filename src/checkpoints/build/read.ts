// A <Checkpoint id="…"> element of a chapter's tree, read into the book model: the ```yaml block
// inside it, parsed with positions and checked against its schema (schema.ts), so a malformed field
// is reported at its own line. What each kind takes is documented in src/checkpoints/README.md.
import type { Code, Nodes } from 'mdast';
import { type Document, isMap, isScalar, isSeq, type Node as YamlNode, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { BookError, type Place } from '../../book/build/model.ts';
import type { CheckpointKind } from '../shared/data.ts';
import { checkpointYaml } from './schema.ts';

// <Checkpoint id="…"> with one ```yaml block inside: a question that checks understanding.
// Numeric and predicted answers are not typed in by the author but computed at build from what a
// cell (or a snippet of code, run with the same runtime) prints; src/checkpoints/build computes,
// checks and seals them; src/checkpoints/README.md is the author's reference.
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
  // each item of a list field, with its place
  const items = (key: string): Place[] => (isSeq(nodes[key]) ? (nodes[key] as { items: YamlNode[] }).items.map(placeOfNode) : []);

  // a problem's place: the field's key, or the list item it is in; a missing field, the element
  const placeOfIssue = (issue: z.core.$ZodIssue): Place => {
    const [field, index] = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? [issue.keys[0]] : issue.path;
    if (typeof field !== 'string' || !(field in places)) return at;
    return typeof index === 'number' ? (items(field)[index] ?? places[field]) : places[field];
  };
  const parsed = checkpointYaml.safeParse(doc.toJS());
  if (!parsed.success) fail(placeOfIssue(parsed.error.issues[0]), parsed.error.issues[0].message);
  const cp = parsed.data!;

  // where a field's code starts: a block scalar (code: |) on the line after its key
  const codeLine = (key: string) => {
    const value = nodes[key];
    return value?.range ? placeAt(value.range[0]).line + (/^[|>]/.test(code.value.slice(value.range[0])) ? 1 : 0) : places[key].line;
  };
  const source: AnswerSource | null = 'cell' in cp && cp.cell !== undefined ? { cell: cp.cell } : 'code' in cp && cp.code !== undefined ? { code: cp.code, codeLine: codeLine('code') } : null;
  const variant = 'variant' in cp && cp.variant !== undefined ? { code: cp.variant, codeLine: codeLine('variant') } : null;
  const choiceList: CheckpointChoice[] = ('choices' in cp ? (cp.choices ?? []) : []).map((c, n) => {
    const place = items('choices')[n];
    if (typeof c === 'string') return { text: c, value: c, why: '', correct: false, place };
    return { text: c.text, value: c.value ?? c.text, why: c.why ?? '', correct: c.correct === true, place };
  });
  const mistakes: CheckpointMistake[] = ('mistakes' in cp ? (cp.mistakes ?? []) : []).map(({ value, answer, why }, n) => ({
    value: value ?? null,
    answer: answer ?? null,
    why,
    place: items('mistakes')[n],
  }));
  const lines: CheckpointLine[] =
    cp.kind === 'line'
      ? [
          ...(Array.isArray(cp.line) ? cp.line : [cp.line]).map((match) => ({ match, correct: true, why: '', place: places.line })),
          ...((cp.wrong ?? []) as { line: string; why: string }[]).map((w, n) => ({ match: w.line, correct: false, why: w.why.trim(), place: items('wrong')[n] })),
        ]
      : [];

  return {
    chapter,
    file: at.file,
    id,
    kind: cp.kind,
    place: at,
    line: at.line,
    question: cp.question,
    why: cp.why ?? '',
    hint: cp.hint ?? '',
    source,
    answer: 'answer' in cp ? (cp.answer ?? null) : null,
    expect: 'expect' in cp ? (cp.expect ?? null) : null,
    tolerance: cp.kind === 'numeric' ? cp.tolerance : null,
    choices: choiceList,
    mistakes,
    region: cp.kind === 'line' ? { file: cp.file, region: cp.region } : null,
    lines,
    steps: cp.kind === 'order' ? cp.steps : [],
    variant,
    given: 'given' in cp ? (cp.given ?? null) : null,
    places,
    element: node,
  };
}
