// What a term of content/glossary.yaml may say, field by field: an id, the term and its other
// spellings, the phrases that are not uses of it, a short definition, and where the book explains it.
// What it points at (the chapter and section) and what it shares with other terms (its id, its
// spellings) are checked against the book and the rest of the glossary by glossary.ts.
import { z } from 'astro/zod';

export const FIELDS = ['id', 'term', 'also', 'not', 'definition', 'chapter', 'section'] as const;
export const MAX_SENTENCES = 3;

// how many sentences a definition has: ends of sentences are . ! or ? before a space or the end
export const sentenceCount = (text: string) => text.trim().split(/(?<=[.!?])\s+(?=\S)/).length;

const spellingProblem = (spelling: string) => (/^[\p{L}\p{N}]/u.test(spelling) && /[\p{L}\p{N}]$/u.test(spelling) ? null : `"${spelling}" must start and end with a letter or digit`);
const text = (name: string) =>
  z
    .string({ error: `${name} must be a non-empty string` })
    .trim()
    .min(1, `${name} must be a non-empty string`);
const phrases = (name: string, example: string, list = `${name} must be a list of phrases, e.g. [${example}]`) =>
  z.array(z.string({ error: list }).trim().min(1, list), { error: list }).superRefine((list, context) => {
    for (const phrase of list) {
      const problem = spellingProblem(phrase);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }
  });

// each field on its own, as the checks across terms read them
export const termFields = {
  id: text('id'),
  term: text('term').superRefine((term, context) => {
    const problem = spellingProblem(term);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  also: phrases('also', 'logits').default([]),
  not: phrases('not', 'steps back').default([]),
  definition: text('definition'),
  chapter: text('chapter'),
  section: text('section').optional(),
};

export const glossaryTerm = z.strictObject({
  ...termFields,
  id: termFields.id.refine((id) => /^[a-z][a-z0-9-]*$/.test(id), 'an id is lower-case letters, digits and "-", starting with a letter'),
  definition: termFields.definition.refine((d) => sentenceCount(d) <= MAX_SENTENCES, {
    error: (issue) => `a definition has one to ${MAX_SENTENCES} sentences; this one has ${sentenceCount(String(issue.input))}`,
  }),
});
