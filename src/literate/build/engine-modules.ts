// The engines' component modules, in the order the book presents them: the ones whose every line
// a chapter explains, each with its page at /engine/<module>/. "model" is engine/src/model.ts, the
// teaching engine; "fast/model" is engine/fast/model.ts, the fast one. cli.ts and index.ts are
// plumbing and are not among them.
export const teachingModules = ['random', 'libm', 'dataset', 'tokenizer', 'value', 'model', 'adam', 'train', 'sample', 'format', 'microgpt'] as const;
export const fastModules = ['fast/model', 'fast/backward', 'fast/libm', 'fast/adam', 'fast/train', 'fast/sample', 'fast/microgpt'] as const;
export const componentModules = [...teachingModules, ...fastModules] as const;

// the file a module name stands for, from the project root
export const modulePath = (module: string): string => (module.startsWith('fast/') ? `engine/${module}.ts` : `engine/src/${module}.ts`);

export type ComponentModule = (typeof componentModules)[number];
