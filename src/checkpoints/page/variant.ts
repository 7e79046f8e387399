// A checkpoint drawn for each reader (a variant), in the page: the reader's email or login (kept
// with their assignment's), their seed, the question's code run for it in a sealed Worker (the
// runtime the grader runs it in), and their numbers shown. Loaded only by pages that have one.
import { SealedRunner } from '../../runtime/page/sealed-runner.ts';
import { readItem, studentEmailKey, writeItem } from '../../progress/page/storage.ts';
import { normaliseIdentity, variantGiven, variantProgram, variantSeed } from '../shared/answers.ts';
import type { CheckpointPageData } from '../shared/data.ts';
import { richText } from './rich-text.ts';

// what the variant's code printed for the identity it was run for, or what is missing
export type Drawn = { identity: string; output: string } | { missing: string };

export function setUpVariant(root: HTMLElement, data: CheckpointPageData, drawing: (drawn: Promise<Drawn>) => void): void {
  const input = root.querySelector<HTMLInputElement>('input[name="identity"]')!;
  input.value = readItem(studentEmailKey) ?? '';
  const draw = () => {
    const identity = input.value.trim();
    writeItem(studentEmailKey, identity);
    drawing(drawVariant(root, data, identity));
  };
  input.addEventListener('change', draw);
  draw();
}

async function drawVariant(root: HTMLElement, d: CheckpointPageData, identity: string): Promise<Drawn> {
  const given = root.querySelector<HTMLElement>('.checkpoint-given')!;
  if (normaliseIdentity(identity) === '') {
    given.textContent = 'Type the email or login you hand in with to get your own numbers.';
    return { missing: 'Type your email or login first: your numbers are drawn from it.' };
  }
  given.textContent = 'Drawing your numbers…';
  const seed = await variantSeed(identity, d.chapter, d.id);
  const result = await new SealedRunner('the question').run({ code: variantProgram(d.variant!.code, seed), checks: '', provides: [], withhold: [] }, d.variant!.timeoutMs);
  if (result.error) {
    given.textContent = `Your numbers could not be drawn (${result.error.name}: ${result.error.message}).`;
    return { missing: 'Your numbers could not be drawn; reload the page and try again.' };
  }
  const output = result.output.endsWith('\n') ? result.output.slice(0, -1) : result.output;
  given.replaceChildren();
  richText(given, `For ${normaliseIdentity(identity)}: ${variantGiven(d, output)}`);
  root.dataset.variantReady = '';
  return { identity, output };
}
