// The grading page: read the settings and the hand-in files, run every counted exercise sealed in a
// fresh Worker (two at a time), and draw the class's grades, the flags, the grouped solutions and
// the exports. The seed is read from its field when grading starts and is kept nowhere.
import { canvasCsv, moodleCsv, moodleWarnings, plainCsv, sheetJson } from '../shared/exports.ts';
import { type CheckpointDef, type ExerciseDef, type LessonGrade, type LessonRef, grade } from '../shared/grade.ts';
import { sealedInput } from '../shared/sealed-input.ts';
import type { Lms } from '../shared/lms-files.ts';
import { parseSettings } from '../shared/settings-file.ts';
import { type GradingSettings, SettingsError } from '../shared/settings.ts';
import type { GradeSheet, ReplacedRow } from '../shared/sheet.ts';
import { limit } from '../../shared/limit.ts';
import { MAX_HANDIN_BYTES, tooLarge } from '../shared/read-submission.ts';
import { SealedRunner } from '../../runtime/page/sealed-runner.ts';
import { download } from '../../progress/page/ui.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

const readFiles = (files: File[]) => Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));

export function setUpGrading(): void {
  const { lessons, exercises, checkpoints } = JSON.parse(document.querySelector('.grade-data')!.textContent!) as { lessons: LessonRef[]; exercises: ExerciseDef[]; checkpoints: CheckpointDef[] };
  const form = document.querySelector<HTMLFormElement>('[data-grade-form]')!;
  const settingsInput = form.querySelector<HTMLInputElement>('input[name="settings"]')!;
  const settingsStatus = form.querySelector<HTMLElement>('.grade-settings-status')!;
  const seedInput = form.querySelector<HTMLInputElement>('input[name="seed"]')!;
  const fromInput = form.querySelector<HTMLSelectElement>('select[name="from"]')!;
  const handinInput = form.querySelector<HTMLInputElement>('input[name="handins"]')!;
  const status = document.querySelector<HTMLElement>('.grade-status')!;
  const results = document.querySelector<HTMLElement>('.grade-results')!;
  const errorBox = document.querySelector<HTMLElement>('.grade-errors')!;
  const runner = new SealedRunner('the submitted code');
  const slot = limit(2);
  let settings: GradingSettings[] = [];

  settingsInput.addEventListener('change', async () => {
    const loaded: GradingSettings[] = [];
    const problems: string[] = [];
    for (const file of await readFiles([...(settingsInput.files ?? [])])) {
      try {
        const s = parseSettings(file.text);
        if (!lessons.some((l) => l.id === s.lesson)) throw new SettingsError(`it is for a lesson this site does not have ("${s.lesson}")`);
        loaded.push(s);
      } catch (error) {
        problems.push(`${file.name}: ${(error as Error).message}`);
      }
    }
    settings = loaded;
    const names = loaded.map((s) => `${lessons.find((l) => l.id === s.lesson)!.title} (due ${s.due.date} ${s.due.time} ${s.due.timeZone})`);
    settingsStatus.textContent = [names.length ? `Settings loaded for: ${names.join('; ')}.` : 'No settings loaded: every exercise counts one point and lateness is not judged.', ...problems].join(
      ' ',
    );
  });

  handinInput.addEventListener('change', async () => {
    const files = [...(handinInput.files ?? [])];
    if (files.length === 0) return;
    const seed = seedInput.value.trim() || null;
    const from = (fromInput.value || null) as Lms | null;
    let runs = 0;
    results.replaceChildren();
    status.textContent = `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`;
    const started = performance.now();
    const tooBig = files.filter((f) => f.size > MAX_HANDIN_BYTES);
    const report = await grade({
      files: await readFiles(files.filter((f) => !tooBig.includes(f))),
      from,
      lessons,
      defs: exercises,
      settings,
      seed,
      run: (def, code, runSeed) =>
        slot(async () => {
          status.textContent = `Checking… (${++runs} exercise run${runs === 1 ? '' : 's'}, each in a fresh sealed Worker)`;
          return runner.run(sealedInput(def, code, runSeed), def.timeoutMs);
        }),
      checkpoints,
      // a variant question's code, the book's, run for each student's seed as their page ran it
      runVariant: (code, timeoutMs) => slot(() => runner.run({ code, checks: '', provides: [], withhold: [] }, timeoutMs)),
    });
    report.errors.push(...tooBig.map((f) => ({ file: f.name, message: tooLarge(f.size) })));
    errorBox.hidden = report.errors.length === 0;
    errorBox.querySelector('ul')!.replaceChildren(...report.errors.map((e) => element('li', `${e.file}: ${e.message}`)));
    results.replaceChildren(...report.lessons.map(lessonSection));
    const graded = report.lessons.reduce((n, l) => n + l.sheet.rows.length, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    results.dataset.seconds = seconds;
    status.textContent =
      `Graded ${graded} student${graded === 1 ? '' : 's'} (${runs} exercise runs in ${seconds} s)${seed ? '' : ', without a seed: the grading checks did not run'}` +
      `${report.errors.length ? `; ${report.errors.length} file${report.errors.length === 1 ? '' : 's'} could not be graded (below)` : ''}.`;
  });
}

function lessonSection({ sheet, settings, settingsGiven, groups }: LessonGrade): HTMLElement {
  const section = element('section', '', 'grade-lesson');
  section.dataset.lesson = sheet.lesson.id;
  const heading = element('h2', sheet.lesson.title);
  heading.id = `lesson-${sheet.lesson.id}`;
  const due = settingsGiven ? `due ${settings.due.date} ${settings.due.time} (${settings.due.timeZone})` : 'no settings: one point each, lateness not judged';
  const table = element('table', '', 'grade-table');
  // a wide table scrolls sideways: focusable, so the keyboard can scroll it too
  table.tabIndex = 0;
  table.append(
    element(
      'caption',
      `${sheet.rows.length} student${sheet.rows.length === 1 ? '' : 's'}, ${sheet.max} points, ${due}; every exercise run again${sheet.rows[0].checkpoints?.length ? ', every checkpoint answer checked again' : ''}`,
    ),
  );
  const head = element('tr');
  // checkpoints by id, so the table stays narrow; the question is in the JSON export
  const checkpointHeads = (sheet.rows[0].checkpoints ?? []).map((c) => `Checkpoint ${c.key.split('/')[1]} (${c.max})`);
  for (const label of ['Student', 'Handed in', ...sheet.rows[0].exercises.map((e) => `${e.title} (${e.max})`), ...checkpointHeads, 'Points', 'Flags'])
    head.append(Object.assign(element('th', label), { scope: 'col' }));
  const body = element('tbody');
  for (const row of sheet.rows) {
    const tr = element('tr');
    const who = Object.assign(element('th', row.identity.name), { scope: 'row' });
    const id = row.identity.email ?? row.identity.login ?? (row.identity.lmsUserId ? `LMS user ${row.identity.lmsUserId}` : null);
    if (id) who.append(element('span', id, 'mark-reason'));
    tr.append(who);
    const when = element('td', row.handedInAt ? new Date(row.handedInAt).toLocaleString() : '');
    if (row.timeFrom === 'file') when.append(element('span', "by the file's own clock", 'mark-reason'));
    if (row.late) when.append(' ', element('strong', `late (${row.late.days} day${row.late.days === 1 ? '' : 's'}, −${row.late.penaltyPercent}%)`, 'late'));
    tr.append(when);
    for (const e of row.exercises) {
      const label = e.state === 'passed' ? '✓ passed' : e.state === 'partial' ? '◐ partly' : e.state === 'failed' ? '✗ failed' : '— missing';
      const td = element('td', `${label} ${e.points}/${e.max}`, `mark ${e.state}`);
      const failed = e.checks.filter((c) => !c.passed);
      if (failed.length > 0) td.append(element('span', failed.map((c) => `${c.hidden ? '(grading) ' : ''}${c.name}: ${c.message}`).join('; '), 'mark-reason'));
      for (const flag of e.flags) td.append(element('span', flag, 'mark-flag'));
      tr.append(td);
    }
    for (const c of row.checkpoints ?? []) {
      const label = c.state === 'right' ? '✓ right' : c.state === 'wrong' ? '✗ wrong' : '— missing';
      const td = element('td', `${label} ${c.points}/${c.max}`, `mark checkpoint ${c.state === 'right' ? 'passed' : c.state === 'wrong' ? 'failed' : 'missing'}`);
      td.dataset.checkpoint = c.key;
      if (c.answer !== null) td.append(element('span', `answer: ${c.answer}`, 'mark-reason'));
      if (c.variant || c.state === 'wrong') td.append(element('span', c.note, 'mark-reason'));
      for (const flag of c.flags) td.append(element('span', flag, 'mark-flag'));
      tr.append(td);
    }
    tr.append(element('td', `${row.points} of ${row.max}`));
    tr.append(element('td', row.flags.join('; ')));
    body.append(tr);
  }
  const thead = element('thead');
  thead.append(head);
  table.append(thead, body);
  const exports = element('p', '', 'grade-exports');
  const warnings = exportWarnings(sheet);
  const exportButton = (label: string, name: string, text: () => string, type: string) => {
    const button = element('button', label);
    button.type = 'button';
    button.addEventListener('click', () => download(name, text(), type));
    exports.append(button, ' ');
  };
  exportButton('Canvas gradebook CSV', `${sheet.lesson.id}-canvas.csv`, () => canvasCsv(sheet), 'text/csv');
  exportButton('Moodle grade import CSV', `${sheet.lesson.id}-moodle.csv`, () => moodleCsv(sheet), 'text/csv');
  exportButton('Plain CSV', `${sheet.lesson.id}-grades.csv`, () => plainCsv(sheet), 'text/csv');
  exportButton('JSON', `${sheet.lesson.id}-grades.json`, () => sheetJson(sheet), 'application/json');
  const grouped = element('div', '', 'grade-groups');
  grouped.append(element('h3', 'Solutions, grouped'));
  grouped.append(element('p', "Identical solutions (ignoring comments and spacing) are grouped, so one comment can serve several students; the book's own solution is marked."));
  for (const g of groups) {
    const details = element('details');
    const count = g.solutions.length === 0 ? 'nobody handed it in' : `${g.solutions.length} different solution${g.solutions.length === 1 ? '' : 's'}`;
    details.append(element('summary', `${g.exercise.title}: ${count}`));
    for (const s of g.solutions) {
      details.append(element('p', `${s.students.length} student${s.students.length === 1 ? '' : 's'}: ${s.students.join(', ')}${s.isBookSolution ? " — the book's solution" : ''}`));
      details.append(element('pre', s.code));
    }
    grouped.append(details);
  }
  section.append(heading, table, ...replacedList(sheet), exports, ...warnings, grouped);
  return section;
}

// the hand-ins a later one under the same key and another name replaced: graded, shown, not counted
function replacedList(sheet: GradeSheet): HTMLElement[] {
  if (sheet.replaced.length === 0) return [];
  const box = element('div', '', 'grade-replaced');
  box.append(element('h3', 'Hand-ins that did not count'));
  box.append(element('p', 'A later hand-in under the same LMS user, email or login, with another name, took their place in the table. Decide whose each is; their own grades are here.'));
  const list = element('ul');
  const line = (r: ReplacedRow) => {
    const flags = r.flags.filter((f) => !f.startsWith('replaced by '));
    return `${r.identity.name} (${r.file}), ${r.points} of ${r.max}: replaced by ${r.replacedBy.name} (${r.replacedBy.file})${flags.length > 0 ? `; ${flags.join('; ')}` : ''}`;
  };
  list.append(...sheet.replaced.map((r) => element('li', line(r))));
  box.append(list);
  return [box];
}

// what an export leaves out or cannot vouch for, beside its button
function exportWarnings(sheet: GradeSheet): HTMLElement[] {
  const moodle = moodleWarnings(sheet);
  if (moodle.length === 0) return [];
  const box = element('div', '', 'grade-export-warnings');
  box.append(element('p', 'The Moodle grade import CSV:'));
  const list = element('ul');
  list.append(...moodle.map((w) => element('li', w)));
  box.append(list);
  return [box];
}
