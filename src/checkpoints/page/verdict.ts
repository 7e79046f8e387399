// Check pressed: the reader's answer is read from the form, judged (sealed answers, or a variant's
// printed numbers), kept for the hand-in file, and the verdict shown. Loaded on the first Check, so a
// chapter's readers who never press it do not download it.
import { markCheckpointAnswered } from '../../progress/page/store.ts';
import { type CheckpointAnswerValue, judgeVariant, normaliseIdentity, openFirst } from '../shared/answers.ts';
import type { CheckpointPageData } from '../shared/data.ts';
import { type Feedback, normaliseText, openAnswer, parseNumber, positionKey } from '../shared/seal.ts';
import { loadCheckpointAnswer, saveCheckpointAnswer } from './record.ts';
import { revealPredicted } from './reveal.ts';
import { richText } from './rich-text.ts';
import type { Drawn } from './variant.ts';

type Verdict = { state: 'right' | 'wrong' | 'incomplete'; title: string; why: string; marks?: boolean[] };

const formOf = (root: HTMLElement) => root.querySelector('form')!;

// the reader's answer as given, or a message saying what is missing
function readAnswer(root: HTMLElement, d: CheckpointPageData): { answer: CheckpointAnswerValue } | { missing: string } {
  const form = formOf(root);
  const picked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  if (d.choices) {
    const i = picked(`checkpoint-${d.id}-choice`);
    return i === undefined ? { missing: 'Pick one of the choices first.' } : { answer: i };
  }
  if (d.kind === 'line') {
    const n = picked(`checkpoint-${d.id}-line`);
    return n === undefined ? { missing: 'Pick a line first.' } : { answer: n };
  }
  if (d.kind === 'order') return { answer: steps(root) };
  const typed = form.querySelector<HTMLInputElement>('input[name="answer"]')!.value;
  if (d.kind === 'numeric') {
    if (typed.trim() === '') return { missing: 'Type a number first.' };
    return parseNumber(typed) === null ? { missing: `“${typed.trim()}” is not a number: write it with digits and a point, like 0.25 or -3 or 1e-6.` } : { answer: typed.trim() };
  }
  return normaliseText(typed) === '' ? { missing: 'Type your prediction first.' } : { answer: typed };
}

function steps(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>('.checkpoint-steps > li')].map((li) => li.dataset.step!);
}

// tries: this page's attempts at this checkpoint, counted across presses of Check
// replay: the answer kept from an earlier visit, put back in the form and judged again to show its
// verdict and explanation, without counting or keeping it as a new attempt
export async function judge(root: HTMLElement, d: CheckpointPageData, tries: { count: number }, drawnSoFar: Promise<Drawn> | null, replay = false): Promise<void> {
  const answer = readAnswer(root, d);
  if ('missing' in answer) return show(root, { state: 'incomplete', title: answer.missing, why: '' });
  let found: Feedback | null;
  let identity: string | null = null;
  if (d.variant) {
    const drawn = drawnSoFar ? await drawnSoFar : { missing: 'Your numbers are still being drawn; check again in a moment.' };
    if ('missing' in drawn) return show(root, { state: 'incomplete', title: drawn.missing, why: '' });
    identity = normaliseIdentity(drawn.identity);
    found = judgeVariant(d, drawn.output, answer.answer);
  } else found = await openFirst(d, answer.answer);
  if (!replay) {
    tries.count++;
    const before = loadCheckpointAnswer(d.chapter, d.id);
    saveCheckpointAnswer(d.chapter, d.id, { answer: answer.answer, correct: found?.correct === true, answeredAt: new Date().toISOString(), tries: (before?.tries ?? 0) + 1, identity });
    window.dispatchEvent(new CustomEvent('microgpt:checkpoint-answer'));
  }
  if (found?.correct) {
    if (!replay) markCheckpointAnswered(d.chapter, d.id, tries.count);
    revealPredicted(d);
    const marks = d.kind === 'order' ? steps(root).map(() => true) : undefined;
    const then = d.kind === 'predict' && d.cell ? ' Now run the cell and see it print that.' : '';
    return show(root, { state: 'right', title: `Right.${then}`, why: found.why, marks });
  }
  if (d.kind === 'order') {
    const marks = await Promise.all(steps(root).map(async (s, k) => (await openAnswer(d.salt, positionKey(k, s), d.sealed)) !== null));
    const placed = marks.filter(Boolean).length;
    return show(root, { state: 'wrong', title: `Not yet: ${placed} of ${marks.length} steps are in their place (marked ✓). Move the others and check again.`, why: d.hint, marks });
  }
  const where = d.kind === 'predict' && d.cell ? ' Run the cell to see what it prints, or think again and check again.' : ' Try again.';
  show(root, { state: 'wrong', title: `Not quite.${(d.variant ? found?.why : found) ? '' : where}`, why: found?.why || d.hint });
}

function show(root: HTMLElement, { state, title, why, marks }: Verdict): void {
  const feedback = root.querySelector<HTMLElement>('.checkpoint-feedback')!;
  root.dataset.state = state;
  feedback.replaceChildren();
  const verdict = document.createElement('p');
  verdict.className = 'checkpoint-verdict';
  if (state !== 'incomplete') {
    const label = document.createElement('strong');
    label.textContent = state === 'right' ? '✓ ' : '✗ ';
    label.setAttribute('aria-hidden', 'true');
    verdict.append(label);
  }
  richText(verdict, title);
  feedback.append(verdict);
  if (why) {
    const explanation = document.createElement('p');
    explanation.className = 'checkpoint-why';
    richText(explanation, why);
    feedback.append(explanation);
  }
  // mark the answer picked (choices, lines) or each step's place
  for (const el of root.querySelectorAll('[data-mark]')) el.removeAttribute('data-mark');
  const picked = formOf(root).querySelector<HTMLInputElement>('input[type="radio"]:checked')?.closest('label');
  if (picked && state !== 'incomplete') picked.dataset.mark = state;
  if (marks) root.querySelectorAll<HTMLElement>('.checkpoint-steps > li').forEach((li, k) => (li.dataset.mark = marks[k] ? 'right' : 'wrong'));
  if (state === 'right') root.querySelector<HTMLElement>('.checkpoint-done')!.hidden = true;
}

// the reader's last checked answer from an earlier visit, back in the form with its verdict; a
// variant's only when the numbers drawn now are for the login it answered
export async function restoreAnswer(root: HTMLElement, d: CheckpointPageData, drawn: Promise<Drawn> | null): Promise<void> {
  const record = loadCheckpointAnswer(d.chapter, d.id);
  if (!record) return;
  if (d.variant) {
    const now = drawn ? await drawn : null;
    if (!now || 'missing' in now || normaliseIdentity(now.identity) !== record.identity) return;
  }
  const form = formOf(root);
  const { answer } = record;
  if (d.kind === 'order') {
    if (!Array.isArray(answer)) return;
    const list = root.querySelector('.checkpoint-steps')!;
    const items = [...list.children] as HTMLElement[];
    if (answer.length !== items.length || !answer.every((step) => items.some((li) => li.dataset.step === step))) return;
    for (const step of answer) list.append(items.find((li) => li.dataset.step === step)!);
  } else if (typeof answer !== 'string') return;
  else if (d.choices || d.kind === 'line') {
    const radio = form.querySelector<HTMLInputElement>(`input[type="radio"][value="${CSS.escape(answer)}"]`);
    if (!radio) return;
    radio.checked = true;
  } else form.querySelector<HTMLInputElement>('input[name="answer"]')!.value = answer;
  const done = root.querySelector<HTMLElement>('.checkpoint-done')!;
  const answeredBefore = !done.hidden;
  await judge(root, d, { count: 0 }, drawn, true);
  done.hidden = !answeredBefore;
}
