// What the ```yaml block inside a <Checkpoint> may say: a union of one schema per kind, each with
// only its own fields, and the rules between fields (a variant instead of a cell, exactly one right
// choice, …), each problem at the field it is about. The author's reference is src/checkpoints/README.md.
import { z } from 'astro/zod';

export const CHECKPOINT_KINDS = ['predict', 'numeric', 'choice', 'line', 'order'] as const;

// a field the author writes as text: a string, or a number (`expect: 5`), trimmed
const text = (field: string, { empty = false } = {}) =>
  z
    .union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? `needs ${field}: …` : `${field} must be text`) })
    .transform((value) => String(value).trim())
    .refine((value) => empty || value !== '', `${field} must not be empty`);
const optionalText = (field: string) => text(field, { empty: true }).optional();

// a choice: a plain text (a predict question's), or { text, why, correct, value }
const choiceFields = ['text', 'why', 'correct', 'value'];
const choiceObject = (kind: 'predict' | 'choice', n: number) =>
  z.strictObject(
    {
      text: text('text'),
      value: optionalText('value'),
      why: kind === 'choice' ? text('why') : optionalText('why'),
      correct:
        kind === 'predict'
          ? z.never({ error: 'a predict question computes which choice is right from the cell; drop correct:' }).optional()
          : z.boolean({ error: `choice ${n + 1}: correct must be true or false` }).optional(),
    },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? `choice ${n + 1} has no field "${issue.keys[0]}" (it takes: ${choiceFields.join(', ')})` : `choice ${n + 1} must be { text: …, why: … }`),
    },
  );
const choices = (kind: 'predict' | 'choice') =>
  z
    .array(z.unknown(), { error: (issue) => (issue.input === undefined ? 'needs choices: a list of { text, why }, one with correct: true' : 'choices must be a list (lines starting with "- ")') })
    .superRefine((items, context) =>
      items.forEach((item, n) => {
        if (kind === 'predict' && (typeof item === 'string' || typeof item === 'number')) return;
        for (const issue of choiceObject(kind, n).safeParse(item).error?.issues ?? []) context.addIssue({ ...issue, path: [n, ...issue.path] } as z.core.$ZodRawIssue);
      }),
    )
    .refine((items) => items.length >= 2, 'needs at least two choices')
    // each item as its schema reads it (when one is not, the refinement above has said why)
    .transform((items) =>
      items.map((item, n) =>
        typeof item === 'string' || typeof item === 'number' ? String(item).trim() : (choiceObject(kind, n).safeParse(item).data as { text: string; value?: string; why?: string; correct?: boolean }),
      ),
    );

const mistake = (n: number) =>
  z
    .strictObject(
      { value: optionalText('value'), answer: optionalText('answer'), why: text('why') },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `mistake ${n + 1} has no field "${issue.keys[0]}" (it takes: value or answer, and why)` : undefined) },
    )
    .refine((m) => (m.value === undefined) !== (m.answer === undefined), `mistake ${n + 1} must be { value: <a wrong answer>, why: … } or { answer: <an expression for it>, why: … }`);
const mistakes = z
  .array(z.unknown(), { error: 'mistakes must be a list (lines starting with "- ")' })
  .superRefine((items, context) =>
    items.forEach((item, n) => {
      const shape = `mistake ${n + 1} must be { value: <a wrong answer>, why: … } or { answer: <an expression for it>, why: … }`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return context.addIssue({ code: 'custom', path: [n], message: shape });
      for (const issue of mistake(n).safeParse(item).error?.issues ?? []) context.addIssue({ ...issue, path: [n, ...issue.path] } as z.core.$ZodRawIssue);
    }),
  )
  .transform((items) => items.map((item, n) => mistake(n).safeParse(item).data as { value?: string; answer?: string; why: string }));

const common = { question: text('question'), why: optionalText('why'), hint: optionalText('hint') };
const cellId = text('cell').refine((id) => /^[\w-]+$/.test(id), 'cell must be the id of a cell of this chapter');
const tolerance = z
  .number({ error: 'needs tolerance: <a positive number>, the absolute error a right answer may have' })
  .refine((t) => t > 0 && Number.isFinite(t), 'needs tolerance: <a positive number>, the absolute error a right answer may have');

const strictKind = <K extends (typeof CHECKPOINT_KINDS)[number], T extends z.core.$ZodLooseShape>(kind: K, shape: T) =>
  z.strictObject(
    { kind: z.literal(kind), ...common, ...shape },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} question has no field "${issue.keys[0]}" (it takes: kind, question, why, hint, ${Object.keys(shape).join(', ')})`
          : undefined,
    },
  );

const predict = strictKind('predict', {
  cell: cellId.optional(),
  answer: optionalText('answer'),
  expect: optionalText('expect'),
  choices: choices('predict').optional(),
  mistakes: mistakes.optional(),
  variant: optionalText('variant'),
  given: optionalText('given'),
});
const numeric = strictKind('numeric', {
  cell: cellId.optional(),
  code: optionalText('code'),
  answer: optionalText('answer'),
  expect: optionalText('expect'),
  tolerance,
  mistakes: mistakes.optional(),
  variant: optionalText('variant'),
  given: optionalText('given'),
});
const choice = strictKind('choice', { cell: cellId.optional(), code: optionalText('code'), answer: optionalText('answer'), choices: choices('choice') });
const lineQuestion = strictKind('line', {
  file: text('file'),
  region: text('region'),
  line: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], {
    error: 'needs line: <text found in the right line and no other line of the region> (or a list of such texts)',
  }),
  wrong: z
    .array(z.unknown(), { error: 'wrong must be a list (lines starting with "- ")' })
    .superRefine((items, context) =>
      items.forEach((item, n) => {
        if (!z.strictObject({ line: z.string(), why: z.string() }).safeParse(item).success)
          context.addIssue({ code: 'custom', path: [n], message: `wrong ${n + 1} must be { line: <text of a tempting wrong line>, why: … }` });
      }),
    )
    .optional(),
});
const order = strictKind('order', {
  steps: z
    .array(text('steps'), { error: (issue) => (issue.input === undefined ? 'needs steps: the steps in the right order' : 'steps must be a list (lines starting with "- ")') })
    .refine((steps) => steps.length >= 3, 'needs at least three steps')
    .superRefine((steps, context) => {
      const twice = steps.find((s, i) => steps.indexOf(s) !== i);
      if (twice !== undefined) context.addIssue({ code: 'custom', message: `the step "${twice}" is there twice` });
    }),
});

// the rules between fields; each issue's path is the field the author is to change
function crossChecks(cp: z.infer<typeof predict> | z.infer<typeof numeric> | z.infer<typeof choice>, context: z.core.$RefinementCtx): void {
  const problem = (field: string, message: string) => context.addIssue({ code: 'custom', path: [field], message });
  const hasCode = 'code' in cp && cp.code !== undefined;
  const source = cp.cell !== undefined ? 'cell' : hasCode ? 'code' : null;
  if (cp.cell !== undefined && hasCode) return problem('code', 'takes its answer from a cell or from code, not both');
  if (cp.kind === 'choice') {
    if (cp.answer !== undefined && source === null) return problem('answer', 'an answer expression needs cell: or code: to compute it from');
    if (source !== null && cp.answer === undefined) return problem(source, 'with cell: or code:, say which printed value the right choice is, with answer: <expression>');
    const correct = cp.choices.filter((c) => (c as { correct?: boolean } | undefined)?.correct === true).length;
    if (correct !== 1) problem('choices', `exactly one choice must have correct: true (${correct} have)`);
    return;
  }
  if (cp.variant !== undefined) {
    if (source !== null) return problem('variant', `a variant question computes its answer from its own variant: code; drop ${source}:`);
    if (cp.expect !== undefined) return problem('expect', "a variant question's answer differs from reader to reader; drop expect:");
    if ('choices' in cp && cp.choices !== undefined) return problem('choices', 'a variant question is answered by typing; drop choices:');
    if (!/\bvariantSeed\b/.test(cp.variant)) return problem('variant', "the variant code must use variantSeed (the reader's seed, a 32-bit number) to draw its numbers");
    if (cp.given === undefined) return problem('variant', "needs given: <an expression over what the variant printed>: the reader's own numbers, shown with the question");
    if (cp.answer === undefined) return problem('variant', 'needs answer: <an expression over what the variant printed>');
    return;
  }
  if (cp.given !== undefined) return problem('given', 'given: goes with variant: (a question drawn for each reader)');
  if (source === null) return problem('', cp.kind === 'predict' ? 'needs cell: <the id of the cell whose output the reader predicts>' : 'needs cell: <id> or code: | … to compute its answer from');
  if (cp.kind === 'predict' && cp.choices !== undefined && cp.mistakes !== undefined) problem('mistakes', 'a predict question with choices explains them in its choices, not in mistakes');
}

export const checkpointYaml = z
  .discriminatedUnion('kind', [predict, numeric, choice, lineQuestion, order], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `kind must be one of ${CHECKPOINT_KINDS.join(', ')}${(issue.input as { kind?: unknown })?.kind === undefined ? '' : `, not ${JSON.stringify((issue.input as { kind?: unknown }).kind)}`}`
        : undefined,
  })
  .superRefine((cp, context) => {
    if (cp.kind === 'predict' || cp.kind === 'numeric' || cp.kind === 'choice') crossChecks(cp, context);
  });

export type CheckpointYaml = z.infer<typeof checkpointYaml>;
