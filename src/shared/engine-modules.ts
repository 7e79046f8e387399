// The engine's component modules (engine/src/<module>.ts), in the order the book presents them:
// the ones whose every line a chapter explains, each with its page at /engine/<module>/. cli.ts
// and index.ts are plumbing and are not among them.
export const componentModules = ['random', 'libm', 'dataset', 'tokenizer', 'value', 'model', 'adam', 'train', 'sample', 'format', 'microgpt'] as const;

export type ComponentModule = (typeof componentModules)[number];
