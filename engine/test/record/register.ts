// node --import ./test/record/register.ts src/cli.ts [options]: the CLI exactly as it is, except that
// the engine's train() and sample() are wrapped (./train.ts, ./sample.ts) to note what they compute
// beyond the printed text: every loss at full precision, the final weights and each sample. At exit
// the notes go, as JSON, to the file named by $MICROGPT_RECORD (see recordedCli in ../helpers.ts).
// So one training run answers both "does the CLI print microgpt.py's bytes" and "are the numbers
// within 1e-12 of microgpt.py's", instead of training the same 1000 steps twice.
import { registerHooks } from 'node:module';

const src = new URL('../../src/', import.meta.url);
const wrappers = new Map(['train.ts', 'sample.ts'].map((name) => [new URL(name, src).href, new URL(name, import.meta.url).href]));

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    const wrapper = wrappers.get(resolved.url);
    // every import of the engine's module gets the wrapper, except the wrapper's own import of it
    return wrapper && context.parentURL !== wrapper ? { ...resolved, url: wrapper } : resolved;
  },
});
