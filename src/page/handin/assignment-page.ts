// The student's assignment page: reads the link, shows the checklist from this browser's progress,
// lets readings be ticked off by hand, and downloads the hand-in file.
import { exerciseSlot, loadEdit, readItem, studentNameKey, writeItem } from '../storage.ts';
import { download } from '../progress/ui.ts';
import { type Progress, loadProgress, markChapterRead, update } from '../progress/store.ts';
import { daysLeft, readAssignment } from '../../shared/handin/assignment.ts';
import type { StudentLesson } from '../../build/site-data.ts';
import { createSubmission } from '../../shared/handin/submission.ts';

// the code to hand in for an exercise: the reader's latest attempt, else the code that passed
export function exerciseCode(chapter: string, id: string): { code: string | null; passed: boolean; passedAt: string | null } {
  const passedEntry = loadProgress().progress.exercises[`${chapter}/${id}`];
  const saved = loadEdit(chapter, exerciseSlot(id));
  const code = saved.kind === 'saved' ? saved.edit.code : (passedEntry?.code ?? null);
  const passed = passedEntry !== undefined && passedEntry.code === code;
  return { code, passed, passedAt: passedEntry?.passedAt ?? null };
}

// a reading is done when its chapter was read to the end, or the reader ticked it off
export function readingDone(progress: Progress, r: { chapter: string; section: string | null }): boolean {
  return !!progress.chapters[r.chapter] || (r.section !== null && !!progress.chapters[`${r.chapter}#${r.section}`]);
}

export function setUpAssignment(): void {
  const root = document.querySelector<HTMLElement>('[data-assignment]')!;
  const lessons = JSON.parse(document.querySelector('.assignment-data')!.textContent!) as StudentLesson[];
  const q = <T extends HTMLElement>(s: string) => root.querySelector<T>(s)!;
  const read = readAssignment(location.search, lessons.map((l) => l.id));
  if ('error' in read) {
    q('.assignment-error').textContent = read.error;
    q('.assignment-error').hidden = false;
    return;
  }
  const { assignment } = read;
  const lesson = lessons.find((l) => l.id === assignment.lesson)!;
  document.title = `${lesson.title} | Your assignment`;
  q('.assignment-lesson').textContent = `${lesson.title}: ${lesson.summary}`;
  q('.assignment-class').textContent = assignment.className || '(not named)';
  const days = daysLeft(assignment.due);
  const when = days > 1 ? `in ${days} days` : days === 1 ? 'tomorrow' : days === 0 ? 'today' : `${-days} day${days === -1 ? '' : 's'} ago`;
  q('.assignment-due').textContent = `${new Date(`${assignment.due}T12:00:00`).toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })} (${when})`;
  root.dataset.overdue = String(days < 0);
  if (assignment.note) {
    q('.assignment-note').textContent = `Note from your instructor: ${assignment.note}`;
    q('.assignment-note').hidden = false;
  }
  q('.assignment-body').hidden = false;

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
    const exercises = lesson.exercises.map((e) => {
      const li = item(e.href, e.title, !!progress.exercises[`${e.chapter}/${e.id}`], null);
      li.append(progress.exercises[`${e.chapter}/${e.id}`] ? ' — passed' : ' — press Check on the exercise when you are done');
      return li;
    });
    q('.assignment-readings').replaceChildren(...readings);
    q('.assignment-exercises').replaceChildren(...exercises);
    if (exercises.length === 0) q('.assignment-exercises').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No exercises in this lesson.' }));
    const done = readings.filter((li) => li.dataset.done === 'true').length + exercises.filter((li) => li.dataset.done === 'true').length;
    const total = readings.length + exercises.length;
    q('.assignment-progress').textContent = `${done} of ${total} done.`;
    q<HTMLProgressElement>('.assignment-bar').value = total === 0 ? 1 : done / total;
  };
  draw();
  window.addEventListener('microgpt:progress', draw);
  window.addEventListener('storage', draw); // progress made in another tab

  const form = q<HTMLFormElement>('.handin-form');
  const nameField = form.querySelector<HTMLInputElement>('input[name="student"]')!;
  nameField.value = readItem(studentNameKey) ?? '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const student = nameField.value.trim();
    if (student === '') return;
    writeItem(studentNameKey, student);
    const { progress } = loadProgress();
    const submission = await createSubmission({
      assignment,
      student,
      exportedAt: new Date().toISOString(),
      readings: lesson.readings.map((r) => ({ chapter: r.chapter, section: r.section, read: readingDone(progress, r) })),
      exercises: lesson.exercises.map((e) => ({ chapter: e.chapter, id: e.id, ...exerciseCode(e.chapter, e.id) })),
    });
    const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'student';
    download(`${safe(lesson.id)}-${safe(student)}.json`, JSON.stringify(submission, null, 2));
    q('.handin-status').textContent = `Downloaded. ${submission.exercises.filter((e) => e.passed).length} of ${submission.exercises.length} exercises passed when you last checked them.`;
  });
}
