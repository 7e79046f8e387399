// The grading page: read the files, re-run the checks one exercise at a time in a Web Worker (a
// runaway solution is stopped by its time limit and marked failed), and draw the results.
import { Runner } from '../cells/runner.ts';
import type { ExerciseResult } from '../../runtime/exercise.ts';
import { download } from '../progress/ui.ts';
import { type ExerciseDef, type LessonReport, type LessonRef, grade, toCsv } from '../../shared/handin/grade.ts';

const MAX_HANDIN_BYTES = 5 * 1024 * 1024;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

export function setUpGrading(): void {
  const { lessons, exercises } = JSON.parse(document.querySelector('.grade-data')!.textContent!) as { lessons: LessonRef[]; exercises: ExerciseDef[] };
  const input = document.querySelector<HTMLInputElement>('.grade-files input')!;
  const status = document.querySelector<HTMLElement>('.grade-status')!;
  const results = document.querySelector<HTMLElement>('.grade-results')!;
  const errorBox = document.querySelector<HTMLElement>('.grade-errors')!;
  const runner = new Runner('the submitted code');
  let runs = 0;
  const run = (def: ExerciseDef, code: string) =>
    new Promise<Pick<ExerciseResult, 'passed' | 'checks' | 'error'>>((resolve) => {
      status.textContent = `Checking… (${++runs} exercise${runs === 1 ? '' : 's'} run)`;
      runner.run({ code, setup: def.setup || undefined, checks: def.checks }, def.timeoutMs, {
        output: () => {},
        display: () => {},
        done: (result) => resolve(result),
        stopped: (message) => resolve({ passed: false, checks: [], error: { name: 'Stopped', message: message.replace(/^Stopped: /, ''), line: null } }),
      });
    });

  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    runs = 0;
    results.replaceChildren();
    status.textContent = `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`;
    // a hand-in file is a few kilobytes; a huge one is the wrong file, and is not read
    const tooBig = files.filter((f) => f.size > MAX_HANDIN_BYTES);
    const texts = await Promise.all(files.filter((f) => !tooBig.includes(f)).map(async (f) => ({ name: f.name, text: await f.text() })));
    const report = await grade(texts, lessons, exercises, run);
    report.errors.push(...tooBig.map((f) => ({ file: f.name, message: `it is ${(f.size / 1024 / 1024).toFixed(1)} MB, too large to be a hand-in file (is it the right file?)` })));
    errorBox.hidden = report.errors.length === 0;
    errorBox.querySelector('ul')!.replaceChildren(...report.errors.map((e) => element('li', `${e.file}: ${e.message}`)));
    results.replaceChildren(...report.lessons.map(lessonSection));
    const graded = report.lessons.reduce((n, l) => n + l.rows.length, 0);
    status.textContent = `Graded ${graded} hand-in${graded === 1 ? '' : 's'}${report.errors.length ? `; ${report.errors.length} file${report.errors.length === 1 ? '' : 's'} could not be graded (below)` : ''}.`;
  });
}

function lessonSection(report: LessonReport): HTMLElement {
  const section = element('section', '', 'grade-lesson');
  section.dataset.lesson = report.lesson.id;
  const heading = element('h2', report.lesson.title);
  heading.id = `lesson-${report.lesson.id}`;
  const table = element('table', '', 'grade-table');
  const caption = element('caption', `${report.rows.length} hand-in${report.rows.length === 1 ? '' : 's'}; every exercise checked again`);
  const head = element('tr');
  for (const label of ['Student', 'Handed in', ...report.exercises.map((e) => e.title), 'Passed']) head.append(Object.assign(element('th', label), { scope: 'col' }));
  const body = element('tbody');
  for (const row of report.rows) {
    const tr = element('tr');
    tr.append(Object.assign(element('th', row.student), { scope: 'row' }));
    const when = element('td', new Date(row.exportedAt).toLocaleString());
    if (row.late) when.append(' ', element('strong', 'late', 'late'));
    tr.append(when);
    for (const mark of row.marks) {
      const td = element('td', mark.state === 'passed' ? '✓ passed' : mark.state === 'failed' ? '✗ failed' : '— missing', `mark ${mark.state}`);
      if (mark.message && mark.state === 'failed') td.append(element('span', mark.message, 'mark-reason'));
      if (mark.state === 'failed' && mark.claimed) td.append(element('span', 'the student\'s page had shown a pass', 'mark-reason'));
      tr.append(td);
    }
    tr.append(element('td', `${row.passed} of ${row.marks.length}`));
    body.append(tr);
  }
  const thead = element('thead');
  thead.append(head);
  table.append(caption, thead, body);
  const csv = element('button', 'Download CSV');
  csv.type = 'button';
  csv.addEventListener('click', () => download(`${report.lesson.id}-grades.csv`, toCsv(report), 'text/csv'));
  const groups = element('div', '', 'grade-groups');
  groups.append(element('h3', 'Solutions, grouped'));
  groups.append(element('p', 'Identical solutions (ignoring comments and spacing) are grouped, so one comment can serve several students.'));
  for (const g of report.groups) {
    const details = element('details');
    const count = g.solutions.length === 0 ? 'nobody handed it in' : `${g.solutions.length} different solution${g.solutions.length === 1 ? '' : 's'}`;
    details.append(element('summary', `${g.exercise.title}: ${count}`));
    for (const s of g.solutions) {
      details.append(element('p', `${s.students.length} student${s.students.length === 1 ? '' : 's'}: ${s.students.join(', ')}`));
      details.append(element('pre', s.code));
    }
    groups.append(details);
  }
  section.append(heading, table, csv, groups);
  return section;
}
