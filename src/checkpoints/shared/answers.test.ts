// A typed prediction is judged as a person would type it: the question asks for the number a line
// prints, and "vocab size: 8" answers it as "8" does, in the page and on the grader alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAnswer, openFirst } from './answers.ts';
import type { CheckpointPageData } from './data.ts';
import { normaliseText, sealAnswer } from './seal.ts';

async function question(answer: string, mistake: string): Promise<CheckpointPageData> {
  const salt = 'test/vocab';
  const sealed = [
    await sealAnswer(salt, `text:${normaliseText(answer)}`, { correct: true, why: 'Seven letters and BOS.' }),
    await sealAnswer(salt, `text:${normaliseText(mistake)}`, { correct: false, why: 'BOS is a token too.' }),
  ];
  return { chapter: 'test', id: 'vocab', kind: 'predict', question: 'What number does the last line print?', hint: '', salt, sealed, cell: 'vocabulary-table' };
}

test('a number asked for: the line it is printed in counts as the number, and a wrong number stays wrong', async () => {
  const d = await question('8', '7');
  for (const typed of ['8', ' 8 ', 'vocab size: 8', 'vocab size:8']) assert.equal((await openFirst(d, typed))?.correct, true, typed);
  assert.deepEqual(await openFirst(d, 'vocab size: 7'), { correct: false, why: 'BOS is a token too.' });
  assert.equal(await openFirst(d, 'vocab size: 7 or 8'), null, 'two numbers are no answer');
  assert.equal((await checkAnswer(d, 'vocab size: 8', null, null)).correct, true, 'the grader judges it the same');
});

test('a whole line asked for: the line is still the answer, and its number alone is not', async () => {
  const d = await question('vocab size: 8', 'vocab size: 7');
  assert.equal((await openFirst(d, 'vocab size: 8'))?.correct, true);
  assert.equal((await openFirst(d, '8'))?.correct ?? false, false);
});
