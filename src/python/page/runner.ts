// /python/'s Run: microgpt.py itself (fetched and checked, with its step count changed, which the
// page shows), or, when the gist cannot be reached, the course's own Python script, labelled as
// such; run by Pyodide in a Worker beside the engine, every printed line compared.
import courseScript from '../../../engine/test/fixtures/microgpt_ref.py?raw';
import { outputLines, pairLines, withSteps } from '../shared/run-script.ts';
import { explain, pinned } from './live.ts';
import { originalOnce } from './original.ts';
import type { FromWorker, RunRequest } from './python-worker.ts';

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.append(...children);
  return e;
}

const code = (text: string) => el('code', '', text);

// what will run, and the sentence that says so
async function chooseScript(steps: number): Promise<{ request: Pick<RunRequest, 'script' | 'scriptName' | 'args'>; label: HTMLElement; python: string }> {
  const form = document.querySelector<HTMLElement>('[data-python-run]')!;
  const outcome = await originalOnce(pinned);
  if (outcome.ok) {
    const change = withSteps(outcome.text, Number(form.dataset.stepsLine), Number(form.dataset.stepsValue), steps);
    const label = el(
      'p',
      'python-run-script',
      'Running ',
      el('strong', '', 'microgpt.py'),
      ` itself (revision ${pinned.revision.slice(0, 7)}, SHA-256 checked), with line ${change.line} changed from `,
      code(change.before.trim()),
      ' to ',
      code(change.after.trim()),
      ', and the names written to ',
      code('input.txt'),
      '.',
    );
    return { request: { script: change.script, scriptName: 'microgpt.py', args: [] }, label, python: 'microgpt.py' };
  }
  const args = ['--data', 'input.txt', '--steps', String(steps)];
  const label = el(
    'p',
    'python-run-script',
    explain(outcome.message, [{ first: 1, last: 1 }]),
    'So this runs ',
    el('strong', '', 'the course’s own Python script'),
    ', not microgpt.py: ',
    code('engine/test/fixtures/microgpt_ref.py'),
    ', the engine written again in Python, which prints what microgpt.py prints. It runs as ',
    code(['microgpt_ref.py', ...args].join(' ')),
    '.',
  );
  label.dataset.script = 'course';
  return { request: { script: courseScript, scriptName: 'microgpt_ref.py', args }, label, python: 'the course’s script' };
}

function table(python: string[], engine: string[], pythonName: string): HTMLElement {
  const { rows, differing } = pairLines(python, engine);
  const summary = el(
    'p',
    'python-run-summary',
    differing.length === 0
      ? `All ${rows.length} lines are the same.`
      : `${differing.length} of ${rows.length} lines differ: line${differing.length > 1 ? 's' : ''} ${differing.slice(0, 10).join(', ')}${differing.length > 10 ? ', …' : ''}.`,
  );
  summary.dataset.differing = String(differing.length);
  const head = el('thead', '', el('tr', '', el('th', '', '#'), el('th', '', `Python (${pythonName})`), el('th', '', 'TypeScript (the engine)')));
  const body = el('tbody', '');
  for (const r of rows) {
    const row = el('tr', r.same ? 'same' : 'differs', el('td', 'number', String(r.number)), el('td', 'line', r.python ?? '(no line)'), el('td', 'line', r.engine ?? '(no line)'));
    if (!r.same) row.setAttribute('aria-label', `line ${r.number} differs`);
    body.append(row);
  }
  const wrap = el('div', 'python-run-table', el('table', '', head, body));
  // it scrolls: reachable by keyboard, and named
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `${pythonName}'s lines beside the engine's`);
  return el('div', '', summary, wrap);
}

export async function run(form: HTMLFormElement): Promise<void> {
  const output = document.querySelector<HTMLElement>('[data-python-output]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const data = new FormData(form);
  const steps = Number(data.get('steps'));
  const file = data.get('data') === 'file' ? (data.get('file') as File | null) : null;
  if (data.get('data') === 'file' && (!file || file.size === 0)) {
    output.replaceChildren(el('p', 'python-run-error', 'Choose a names file first, or the course’s default names.'));
    return;
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > 1000) {
    output.replaceChildren(el('p', 'python-run-error', 'The number of steps must be a whole number from 1 to 1000.'));
    return;
  }
  button.disabled = true;
  const progress = el('progress', '');
  const total = Number(form.dataset.pyodideBytes);
  progress.max = total;
  progress.value = 0;
  const status = el('span', 'python-run-status', 'Fetching microgpt.py…');
  output.replaceChildren(el('div', 'python-run-progress', progress, status));
  const { request, label, python } = await chooseScript(steps);
  output.prepend(label);
  const names = file ? new Uint8Array(await file.arrayBuffer()) : null;

  // a module Worker: Pyodide runs in no classic one
  const worker = new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module' });
  let engine: string[] = [];
  let printed = '';
  let stepTimes: number[] = [];
  let readyMs = 0;
  let downloaded = 0;
  const finish = (...shown: HTMLElement[]) => {
    worker.terminate();
    button.disabled = false;
    output.append(...shown);
  };
  worker.onmessage = ({ data: message }: MessageEvent<FromWorker>) => {
    if (message.type === 'engine') {
      engine = message.lines;
      status.textContent = `Downloading Python: 0 of ${MB(total)} MB…`;
    } else if (message.type === 'progress') {
      downloaded = message.loaded;
      progress.value = Math.min(message.loaded, total);
      status.textContent = `Downloading Python: ${MB(message.loaded)} of ${MB(total)} MB…`;
    } else if (message.type === 'ready') {
      readyMs = message.ms;
      progress.value = total;
      status.textContent = 'Python is ready; running…';
    } else if (message.type === 'stdout') {
      printed += message.text;
      const done = outputLines(printed).filter((line) => line.startsWith('step ')).length;
      if (done > stepTimes.length) stepTimes = [...stepTimes, ...Array(done - stepTimes.length).fill(performance.now())];
      status.textContent = `Running: ${Math.min(done, steps)} of ${steps} steps${done >= steps ? ', then 20 names' : ''}…`;
    } else if (message.type === 'done') {
      const perStep = stepTimes.length > 1 ? (stepTimes.at(-1)! - stepTimes[0]) / (stepTimes.length - 1) : null;
      status.textContent = `Done. Python downloaded ${MB(downloaded)} MB and was ready in ${(readyMs / 1000).toFixed(1)} s; it ran in ${(message.ms / 1000).toFixed(1)} s${perStep === null ? '' : `, about ${Math.round(perStep)} ms per training step`}.`;
      status.dataset.readyMs = String(Math.round(readyMs));
      if (perStep !== null) status.dataset.stepMs = String(Math.round(perStep));
      finish(table(outputLines(printed), engine, python));
    } else {
      status.textContent = 'The run failed.';
      finish(el('pre', 'python-run-error', message.message));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    status.textContent = 'The run failed.';
    finish(el('pre', 'python-run-error', event.message || 'the Python Worker could not start'));
  };
  const message: RunRequest = { ...request, pyodideUrl: form.dataset.pyodide!, names, steps };
  worker.postMessage(message, names ? [names.buffer] : []);
}
