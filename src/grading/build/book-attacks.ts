// How a student would cheat each exercise of the book, for book-attacks.test.ts to prove that
// grading stops it. Two attacks per exercise:
// - engine: an answer that leans on the engine instead of doing the work (importing the very
//   function the exercise asks for, or calling the engine's backward). `realWithoutWithhold` says
//   the attack is a real one: it passes the visible checks when the exercise withholds nothing.
// - hardcoded: right only on the inputs the visible checks use (the book's own solution when the
//   inputs are those, a wrong answer otherwise). It passes the page's checks and must fail grading.
// A new exercise needs an entry here; the test says so.

export interface EngineAttack {
  code: string;
  realWithoutWithhold: boolean;
}

export interface HardcodedAttack {
  names: string[]; // the functions that answer only the visible inputs
  visible: string; // an expression over `args`: true for the visible checks' inputs
  otherwise: string; // an expression over `args`: the answer elsewhere
}

export interface BookAttacks {
  engine: EngineAttack[];
  hardcoded: HardcodedAttack;
}

const js = (value: unknown) => JSON.stringify(value);

export const bookAttacks: Record<string, BookAttacks> = {
  'matching-python/write-parse-docs': {
    engine: [
      { code: "import { parseDocs } from '@microgpt/engine';\nfunction myParseDocs(text: string) { return parseDocs(text); }", realWithoutWithhold: true },
      { code: "import { loadDocs } from '@microgpt/engine';\nfunction myParseDocs(text: string) { try { return loadDocs(text); } catch { return []; } }", realWithoutWithhold: true },
    ],
    hardcoded: {
      names: ['myParseDocs'],
      visible: `${js(['emma\nolivia\nava\n', '  emma \n\tmary ann  \n', '\n\nemma\n\n   \n\t\nava\n\n', 'emma\r\nolivia\r\n\r\nava\r\n', 'emma\rolivia\r\rava', '\x85emma\x1c\n\ufeffava\n', ' \r\n\t\n\n  ', '  emma\r\nolivia\r\n\r\n   \n ava \rmia\n\n'])}.includes(args[0])`,
      otherwise: "args[0].split('\\n')",
    },
  },
  'matching-python/shuffle-from-bits': {
    engine: [
      {
        code: "import { Random } from '@microgpt/engine';\nfunction myShuffle(x: unknown[], bits: (k: number) => number) { Object.create(Random.prototype, { getrandbits: { value: bits } }).shuffle(x); }",
        realWithoutWithhold: true,
      },
      {
        // the generator prepare() hands out is the withheld Random
        code: "import { prepare } from '@microgpt/engine';\nconst { rng } = prepare([]);\nfunction myShuffle(x: unknown[], bits: (k: number) => number) { Object.create(Object.getPrototypeOf(rng), { getrandbits: { value: bits } }).shuffle(x); }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: { names: ['myShuffle'], visible: '[6, 8, 10].includes(args[0].length) || args[0].length > 5000', otherwise: 'undefined' },
  },
  'dataset/bigram-counts': {
    engine: [], // the engine counts no pairs: there is nothing in it to lean on
    hardcoded: { names: ['bigramCounts'], visible: "args[0].length === 1000 || ['ab', 'anna ann', ''].includes(args[0].join(' '))", otherwise: '[]' },
  },
  'dataset/held-out-loss': {
    engine: [],
    hardcoded: {
      names: ['trainAndHeldOut'],
      visible: '(args[0].length === 8422 && args[2] === 1000) || (args[0].length === 400 && args[2] === 200) || (args[0].length === 2 && args[2] <= 1)',
      otherwise: '({ train: 0, heldOut: 0 })',
    },
  },
  'tokenizer/build-vocabulary': {
    engine: [
      {
        code: "import { Tokenizer } from '@microgpt/engine';\nfunction buildVocabulary(docs: string[]) { const t = new Tokenizer(docs); return { uchars: t.uchars, BOS: t.BOS, vocabSize: t.vocabSize }; }",
        realWithoutWithhold: true,
      },
      {
        // the tokenizer prepare() hands out is the withheld Tokenizer, constructor and all
        code: "import { prepare } from '@microgpt/engine';\nconst Made = prepare([]).tokenizer.constructor as any;\nfunction buildVocabulary(docs: string[]) { const t = new Made(docs); return { uchars: t.uchars, BOS: t.BOS, vocabSize: t.vocabSize }; }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: {
      names: ['buildVocabulary'],
      visible: `args[0].length > 1000 || ${js(['ana bob eve zoe', 'aaa abba baa', 'ana𝒜 bob🙂', '😀z Ａé'])}.includes(args[0].join(' '))`,
      otherwise: '({ uchars: [], BOS: 0, vocabSize: 1 })',
    },
  },
  'tokenizer/encode-decode': {
    engine: [
      {
        code: "import { Tokenizer } from '@microgpt/engine';\nconst t = new Tokenizer(docs);\nfunction myEncode(text: string) { return t.encode(text); }\nfunction myDecode(ids: number[]) { return t.decode(ids); }",
        realWithoutWithhold: true,
      },
      {
        code: "import { prepare } from '@microgpt/engine';\nconst { tokenizer } = prepare(docs);\nfunction myEncode(text: string) { return tokenizer.encode(text); }\nfunction myDecode(ids: number[]) { return tokenizer.decode(ids); }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: { names: ['myEncode'], visible: `${js(['emma', 'jo-ann', 'zoe', 'christopher', 'a', 'abcdefghijklmnopqrstuvwxyz', 'zoë'])}.includes(args[0])`, otherwise: '[]' },
  },
  'autograd/tanh-node': {
    // the engine has no tanh: the nearest shortcut is building it from exp, which is many nodes
    engine: [{ code: 'function tanhValue(x: Value) { const e = x.mul(2).exp(); return e.sub(1).div(e.add(1)); }', realWithoutWithhold: false }],
    hardcoded: {
      names: ['tanhValue'],
      visible: '[-2, -0.5, 0, 0.3, 1.5].includes(args[0].data) || Math.abs(args[0].data - 0.6) < 1e-9',
      otherwise: 'new Value(Math.tanh(args[0].data), args[0], 1)',
    },
  },
  'autograd/write-backward': {
    engine: [
      { code: 'function myBackward(root: Value) { root.backward(); }', realWithoutWithhold: false },
      { code: 'function myBackward(root: Value) { Value.prototype.backward.call(root); }', realWithoutWithhold: false },
    ],
    hardcoded: { names: ['myBackward'], visible: '[6, 4, 12, 4.5, 0.3, Math.exp(1.75)].some((d) => Math.abs(args[0].data - d) < 1e-9)', otherwise: '(args[0].grad = 1, undefined)' },
  },
  'gpt/softmax-max': {
    engine: [{ code: "import { softmax } from '@microgpt/engine';\nfunction mySoftmax(logits: Value[]) { return softmax(logits); }", realWithoutWithhold: true }],
    hardcoded: { names: ['mySoftmax'], visible: "['1,2,3', '1000,0'].includes(args[0].map((l) => l.data).join())", otherwise: 'args[0]' },
  },
  'gpt/my-rmsnorm': {
    engine: [{ code: "import { rmsnorm } from '@microgpt/engine';\nfunction myRmsnorm(x: Value[]) { return rmsnorm(x); }", realWithoutWithhold: true }],
    hardcoded: { names: ['myRmsnorm'], visible: 'args[0].length === 6', otherwise: 'args[0]' },
  },
  'adam/adam-step': {
    engine: [
      {
        code: "import { Adam, Value } from '@microgpt/engine';\nfunction adamStep(p: number, grad: number, m: number, v: number, t: number, lr: number) { const w = new Value(p); const adam = new Adam([w], defaultAdamConfig); adam.m[0] = m; adam.v[0] = v; w.grad = grad; adam.step(t - 1, lr); return { p: w.data, m: adam.m[0], v: adam.v[0] }; }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: { names: ['adamStep'], visible: '[0.2, 0.3, -1.2, 0.05, 2, -0.7, 1000, 0.001, -3].includes(args[1])', otherwise: '({ p: args[0], m: args[2], v: args[3] })' },
  },
  'adam/lr-schedule': {
    engine: [
      {
        code: "import { defaultAdamConfig, prepare, train } from '@microgpt/engine';\nfunction learningRates(lr: number, numSteps: number) { const { model, tokenizer, docs } = prepare(['a'], 1, { nLayer: 1, nEmbd: 4, blockSize: 2, nHead: 1, initStd: 0.08 }); return [...train(model, tokenizer, docs, { numSteps, adam: { ...defaultAdamConfig, learningRate: lr } })].map((s) => s.learningRate); }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: { names: ['learningRates'], visible: '[0.01, 0.02].includes(args[0])', otherwise: 'new Array(args[1]).fill(args[0])' },
  },
  'training/position-surprises': {
    engine: [],
    hardcoded: { names: ['surprises'], visible: "['emma', 'olivia', 'ava', 'noah', 'annabellaannabella'].includes(args[2])", otherwise: '[]' },
  },
  'training/training-loop': {
    engine: [
      {
        code: "import { train } from '@microgpt/engine';\nfunction myTrain(model: Model, tokenizer: Tokenizer, docs: string[], numSteps: number) { return [...train(model, tokenizer, docs, { numSteps })].map((s) => s.loss); }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: { names: ['myTrain'], visible: "args[3] === 5 && args[2].includes('olivia')", otherwise: '[]' },
  },
  'inference/greedy-decoding': {
    engine: [
      {
        code: "import { Random, sample } from '@microgpt/engine';\nfunction greedy(model: Model, tokenizer: Tokenizer) { return sample(model, tokenizer, new Random(0), 1e-9); }",
        realWithoutWithhold: true,
      },
    ],
    hardcoded: { names: ['greedy'], visible: "args[0].config.blockSize === 4 || ['elo', 'aehilmnov'].includes(args[1].uchars.join(''))", otherwise: "''" },
  },
  'inference/temperature-draw': {
    engine: [],
    hardcoded: { names: ['drawToken'], visible: '[4, 10].includes(args[0].length)', otherwise: '0' },
  },
};

// the hard-coded attack as code: the book's solution under other names, answering only when the
// inputs are the visible ones
export function hardcodedCode(solution: string, attack: HardcodedAttack): string {
  let code = solution;
  for (const name of attack.names) {
    const renamed = code.replace(new RegExp(`\\bfunction ${name}\\b`), `function __book_${name}`);
    if (renamed === code) throw new Error(`the solution has no function ${name}`);
    code = renamed;
  }
  const wrappers = attack.names.map((name) => `function ${name}(...args: any[]): any {\n  return ${attack.visible} ? __book_${name}(...args) : ${attack.otherwise};\n}`);
  return [code, ...wrappers].join('\n');
}
