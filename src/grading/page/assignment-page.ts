// The student's assignment page: reads the link, shows the checklist from this browser's progress
// (the exercises that count, with their points), the due time in the link's time zone and the
// student's own, lets readings be ticked off by hand, and downloads the hand-in file once the
// student has given their name and email or login.
import { exerciseSlot, loadActivity, loadEdit, readItem, rememberAssignment, studentEmailKey, studentNameKey, writeItem } from '../../progress/page/storage.ts';
import { download } from '../../progress/page/ui.ts';
import { loadCheckpointAnswer } from '../../checkpoints/page/record.ts';
import { type Progress, loadProgress, markChapterRead, update } from '../../progress/page/store.ts';
import { describeDue, exerciseKey, readAssignment } from '../shared/assignment.ts';
import type { StudentLesson } from '../../lessons/build/student-lessons.ts';
import { type SubmittedCheckpoint, type SubmittedExercise, createSubmission } from '../shared/submission.ts';

// an exercise as handed in: the reader's latest attempt (else the code that passed), and what they did in it
export function exerciseRecord(chapter: string, id: string): SubmittedExercise {
  const passedEntry = loadProgress().progress.exercises[`${chapter}/${id}`];
  const saved = loadEdit(chapter, exerciseSlot(id));
  const code = saved.kind === 'saved' ? saved.edit.code : (passedEntry?.code ?? null);
  const passed = passedEntry !== undefined && passedEntry.code === code;
  return { chapter, id, code, passed, passedAt: passedEntry?.passedAt ?? null, ...loadActivity(chapter, id) };
}

// a checkpoint as handed in: the latest answer checked in the chapter, as given (the grader checks it again)
export function checkpointRecord(chapter: string, id: string): SubmittedCheckpoint {
  const saved = loadCheckpointAnswer(chapter, id);
  if (!saved) return { chapter, id, answer: null, correct: false, answeredAt: null, tries: 0, identity: null };
  return { chapter, id, answer: saved.answer, correct: saved.correct, answeredAt: saved.answeredAt, tries: saved.tries, identity: saved.identity };
}

// a reading is done when its chapter was read to the end, or the reader ticked it off
export function readingDone(progress: Progress, r: { chapter: string; section: string | null }): boolean {
  return !!progress.chapters[r.chapter] || (r.section !== null && !!progress.chapters[`${r.chapter}#${r.section}`]);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function setUpAssignment(): void {
  const root = document.querySelector<HTMLElement>('[data-assignment]')!;
  const lessons = JSON.parse(document.querySelector('.assignment-data')!.textContent!) as StudentLesson[];
  const q = <T extends HTMLElement>(s: string) => root.querySelector<T>(s)!;
  const read = readAssignment(location.search, lessons);
  if ('error' in read) {
    q('.assignment-error').textContent = read.error;
    q('.assignment-error').hidden = false;
    return;
  }
  const { assignment } = read;
  const lesson = lessons.find((l) => l.id === assignment.lesson)!;
  const counted = assignment.exercises.map((c) => ({ ...lesson.exercises.find((e) => exerciseKey(e) === exerciseKey(c))!, points: c.points }));
  const optional = lesson.exercises.filter((e) => !assignment.exercises.some((c) => exerciseKey(c) === exerciseKey(e)));
  const countedCheckpoints = (assignment.checkpoints ?? []).map((c) => ({ ...lesson.checkpoints.find((k) => exerciseKey(k) === exerciseKey(c))!, points: c.points }));
  document.title = `${lesson.title} | Your assignment`;
  q('.assignment-lesson').textContent = `${lesson.title}: ${lesson.summary}`;
  q('.assignment-class').textContent = assignment.className || '(not named)';
  const total = counted.reduce((sum, e) => sum + e.points, 0) + countedCheckpoints.reduce((sum, c) => sum + c.points, 0);
  const parts = [...(counted.length ? [plural(counted.length, 'exercise')] : []), ...(countedCheckpoints.length ? [plural(countedCheckpoints.length, 'checkpoint')] : [])];
  q('.assignment-points').textContent = parts.length === 0 ? 'No exercises are graded' : `${plural(total, 'point')} for ${parts.join(' and ')}`;
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const showDue = () => {
    const due = describeDue(assignment, localZone, Date.now());
    q('.assignment-due').textContent = `${due.inZone}, ${due.overdue ? `passed ${due.fromNow}` : due.fromNow}`;
    q('.assignment-due-local').textContent = due.local ? `That is ${due.local} where you are.` : '';
    q('.assignment-due-local').hidden = due.local === null;
    root.dataset.overdue = String(due.overdue);
  };
  showDue();
  setInterval(showDue, 60_000);
  if (assignment.note) {
    q('.assignment-note').textContent = `Note from your instructor: ${assignment.note}`;
    q('.assignment-note').hidden = false;
  }
  q('.assignment-body').hidden = false;
  rememberAssignment({ href: location.href, title: lesson.title, chapters: [...new Set([...lesson.readings, ...lesson.exercises, ...lesson.checkpoints].map((r) => r.chapter))] });

  const item = (href: string, title: string, done: boolean, onToggle: ((done: boolean) => void) | null) => {
    const li = document.createElement('li');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = done;
    box.disabled = onToggle === null;
    box.setAttribute('aria-label', `${title}: ${done ? 'done' : 'not done'}`);
    if (onToggle) box.addEventListener('change', () => onToggle(box.checked));
    const a = document.createElement('a');
    a.href = href;
    a.textContent = title;
    li.dataset.done = String(done);
    li.append(box, ' ', a);
    return li;
  };
  const draw = () => {
    const { progress } = loadProgress();
    const readings = lesson.readings.map((r) =>
      item(r.href, r.title, readingDone(progress, r), (done) => {
        const key = r.section ? `${r.chapter}#${r.section}` : r.chapter;
        if (done) markChapterRead(key);
        else update((p) => [key, r.chapter].forEach((k) => delete p.chapters[k]));
      }),
    );
    const exercises = counted.map((e) => {
      const passed = !!progress.exercises[exerciseKey(e)];
      const li = item(e.href, e.title, passed, null);
      li.append(` (${plural(e.points, 'point')})`, passed ? ' — passed' : ' — press Check on the exercise when you are done');
      return li;
    });
    const checkpoints = countedCheckpoints.map((c) => {
      const saved = loadCheckpointAnswer(c.chapter, c.id);
      const li = item(c.href, c.title, saved?.correct === true, null);
      li.dataset.checkpoint = exerciseKey(c);
      const state = !saved ? 'not answered yet' : saved.correct ? 'answered, and the page said right' : 'answered, not right yet: try again in the chapter';
      li.append(` (${plural(c.points, 'point')}${c.variant ? ', yours: drawn from your email or login' : ''}) — ${state}`);
      return li;
    });
    q('.assignment-checkpoints').replaceChildren(...checkpoints);
    q('.assignment-checkpoints-part').hidden = checkpoints.length === 0;
    q('.assignment-readings').replaceChildren(...readings);
    q('.assignment-exercises').replaceChildren(...exercises);
    if (exercises.length === 0) q('.assignment-exercises').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No exercises are graded in this assignment.' }));
    const optionalLinks = optional.flatMap((e, i) => [...(i > 0 ? [', '] : []), Object.assign(document.createElement('a'), { href: e.href, textContent: e.title })]);
    q('.assignment-optional').replaceChildren(...(optional.length ? ['Not graded in this assignment, for practice: ', ...optionalLinks, '.'] : []));
    q('.assignment-optional').hidden = optional.length === 0;
    const done = [...readings, ...exercises, ...checkpoints].filter((li) => li.dataset.done === 'true').length;
    const all = readings.length + exercises.length + checkpoints.length;
    q('.assignment-progress').textContent = `${done} of ${all} done.`;
    q<HTMLProgressElement>('.assignment-bar').value = all === 0 ? 1 : done / all;
  };
  draw();
  window.addEventListener('microgpt:progress', draw);
  window.addEventListener('storage', draw); // progress made in another tab
  window.addEventListener('microgpt:checkpoint-answer', draw);

  setUpHandIn(q<HTMLFormElement>('.handin-form'), q('.handin-status'), async (student) => {
    const { progress } = loadProgress();
    const submission = await createSubmission({
      assignment,
      student,
      exportedAt: new Date().toISOString(),
      readings: lesson.readings.map((r) => ({ chapter: r.chapter, section: r.section, read: readingDone(progress, r) })),
      exercises: counted.map((e) => exerciseRecord(e.chapter, e.id)),
      ...(assignment.checkpoints ? { checkpoints: countedCheckpoints.map((c) => checkpointRecord(c.chapter, c.id)) } : {}),
    });
    const safe = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'student';
    download(`${safe(lesson.id)}-${safe(student.name)}.json`, JSON.stringify(submission, null, 2));
    const passed = submission.exercises.filter((e) => e.passed).length;
    const right = (submission.checkpoints ?? []).filter((c) => c.correct).length;
    const answered = submission.checkpoints ? ` ${right} of ${plural(submission.checkpoints.length, 'checkpoint')} answered right.` : '';
    return `Downloaded. ${passed} of ${plural(submission.exercises.length, 'exercise')} passed when you last checked them.${answered}`;
  });
}

// the identity fields, remembered in this browser as they are typed; the file is made only with both
function setUpHandIn(form: HTMLFormElement, status: HTMLElement, handIn: (student: { name: string; email: string }) => Promise<string>): void {
  const fields = [
    { input: form.querySelector<HTMLInputElement>('input[name="student"]')!, key: studentNameKey, missing: 'your name' },
    { input: form.querySelector<HTMLInputElement>('input[name="email"]')!, key: studentEmailKey, missing: 'your email or login' },
  ];
  for (const { input, key } of fields) {
    input.value = readItem(key) ?? '';
    input.addEventListener('input', () => writeItem(key, input.value.trim()));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const [name, email] = fields.map((f) => f.input.value.trim());
    const missing = fields.filter((f) => f.input.value.trim() === '');
    for (const f of fields) f.input.setAttribute('aria-invalid', String(missing.includes(f)));
    if (missing.length > 0) {
      status.textContent = `Fill in ${missing.map((f) => f.missing).join(' and ')} first: your instructor matches the file to you by them.`;
      missing[0].input.focus();
      return;
    }
    for (const f of fields) writeItem(f.key, f.input.value.trim());
    status.textContent = await handIn({ name, email });
  });
}
