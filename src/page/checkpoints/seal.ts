// The checkpoint seal (hashing, normalising, sealing and opening answers) lives in src/shared/,
// since the graders check hand-in answers with it too: src/shared/checkpoint-seal.ts.
export * from '../../shared/checkpoint-seal.ts';
