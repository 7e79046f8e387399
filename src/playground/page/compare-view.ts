// The second run: the first run's settings with one changed, trained in a Worker of its own on the
// same data; where the two runs' losses first differ, said as it is found.
import { changes, explainDifference, firstDifference } from '../shared/compare.ts';
import type { DataSource } from '../shared/dataset-input.ts';
import { RunRecord } from '../shared/run-record.ts';
import { checkAgainstData, fields, format, type Key, keys, parseSettings, type Settings } from '../shared/settings.ts';
import type { CompareRef } from '../shared/url-state.ts';
import { Trainer } from './trainer.ts';

export interface FirstRun {
  record: RunRecord;
  source: DataSource;
  dataName: string;
}

export class CompareView {
  record: RunRecord | null = null;
  onChange: () => void = () => {};
  private readonly root: HTMLElement;
  private readonly trainer = new Trainer();
  private first: FirstRun | null = null;
  private runId = 0;
  private state: 'idle' | 'running' | 'paused' | 'done' = 'idle';
  private autoPaused = false;

  constructor(root: HTMLElement) {
    this.root = root;
    this.trainer.onRun = (m) => {
      const record = this.record;
      if (!record || m.runId !== this.runId) return;
      if (m.type === 'failed') {
        this.state = 'idle';
        this.status(`The second run could not start: ${m.message}`);
      } else if (m.type === 'started') {
        record.info = m.info;
        this.state = 'running';
      } else if (m.type === 'progress') record.add(m);
      else if (m.type === 'paused') {
        this.state = 'paused';
        this.status(`The second run is paused at step ${m.step}${this.autoPaused ? ' while the tab is hidden' : ''}.`);
      } else if (m.type === 'done') {
        this.state = 'done';
        record.finalSamples = m.view.samples;
        this.el('.pg-compare-samples-heading').textContent = `The second run’s samples after ${record.count} steps:`;
        this.el('.pg-compare-samples').replaceChildren(...m.view.samples.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
        this.status(m.stopped ? `The second run stopped at step ${m.step}.` : `The second run is done: ${record.count} steps.`);
      }
      this.result();
      this.onChange();
    };
    this.trainer.onCrash = (message) => this.status(`The second run’s Worker stopped (${message}).`);
    this.button.addEventListener('click', () => this.start());
    this.key.addEventListener('change', () => this.suggest());
  }

  // the first run, once it has ended, is what the second one changes
  setFirst(first: FirstRun | null): void {
    this.first = first;
    this.button.disabled = first === null || first.record.count === 0;
    if (first === null && this.state !== 'idle') {
      this.trainer.post({ type: 'stop', runId: this.runId });
      this.record = null;
      this.state = 'idle';
      this.el('.pg-compare-result').textContent = '';
      this.el('.pg-compare-samples').replaceChildren();
      this.el('.pg-compare-samples-heading').textContent = '';
    }
    if (this.value.value === '') this.suggest();
  }

  fill(compare: CompareRef | null): void {
    if (!compare) return;
    this.key.value = compare.key;
    this.value.value = compare.value;
  }

  ref(): CompareRef | null {
    return this.value.value === '' ? null : { key: this.key.value as Key, value: this.value.value };
  }

  visibility(hidden: boolean): void {
    if (hidden && this.state === 'running') {
      this.autoPaused = true;
      this.trainer.post({ type: 'pause', runId: this.runId });
    } else if (!hidden && this.state === 'paused' && this.autoPaused) {
      this.autoPaused = false;
      this.state = 'running';
      this.status('The second run is training…');
      this.trainer.post({ type: 'resume', runId: this.runId });
    }
  }

  private get key(): HTMLSelectElement {
    return this.el<HTMLSelectElement>('#pg-compare-key');
  }

  private get value(): HTMLInputElement {
    return this.el<HTMLInputElement>('#pg-compare-value');
  }

  private get button(): HTMLButtonElement {
    return this.el<HTMLButtonElement>('[data-action="compare"]');
  }

  private el<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(selector)!;
  }

  private status(text: string): void {
    this.el('.pg-compare-status').textContent = text;
  }

  // the first run's value of the chosen setting, to start the reader from
  private suggest(): void {
    if (this.first) this.value.value = format(this.first.record.settings, this.key.value as Key);
  }

  private start(): void {
    const first = this.first;
    const error = this.el('#pg-compare-error');
    if (!first) return;
    const key = this.key.value as Key;
    const raw = Object.fromEntries(keys.map((k) => [k, format(first.record.settings, k)]));
    const parsed = parseSettings({ ...raw, [key]: this.value.value });
    const errors = parsed.settings ? checkAgainstData(parsed.settings, first.record.info?.uchars ?? []) : parsed.errors;
    const problem = errors[0]?.message ?? (parsed.settings && parsed.settings[key] === first.record.settings[key] ? `that is the first run’s ${fields[key].label} too: change it` : null);
    error.textContent = problem ?? '';
    if (problem) {
      this.value.setAttribute('aria-invalid', 'true');
      this.value.focus();
      return;
    }
    this.value.removeAttribute('aria-invalid');
    const settings = parsed.settings as Settings;
    this.record = new RunRecord(settings);
    this.state = 'running';
    this.el('.pg-compare-samples').replaceChildren();
    this.el('.pg-compare-samples-heading').textContent = '';
    this.status('The second run is training…');
    this.trainer.post({ type: 'start', runId: ++this.runId, source: first.source, settings, dataName: first.dataName, watch: { text: '', layer: 0, head: 0 } });
    this.result();
    this.onChange();
  }

  private result(): void {
    const a = this.first?.record;
    const b = this.record;
    if (!a || !b) return;
    const bothRan = Math.min(a.count, b.count);
    const first = firstDifference(a.losses, b.losses, bothRan);
    const changed = changes(a.settings, b.settings);
    const what = `The second run changes ${changed.map((c) => c.text).join(', ')}.`;
    const finished = this.state === 'done' || first !== null;
    this.el('.pg-compare-result').textContent = finished
      ? `${what} ${explainDifference(
          first,
          bothRan,
          changed.map((c) => c.key),
        )}`
      : `${what} The same losses so far (${bothRan} steps)…`;
  }
}
