// The first run as the page shows it: Train, Pause and Stop, its progress and speed, the samples,
// the slider back through its snapshots, attention and embeddings, and its output.
import type { DataSource } from '../shared/dataset-input.ts';
import type { Watch } from '../shared/protocol.ts';
import { RunRecord } from '../shared/run-record.ts';
import type { SessionInfo, View } from '../shared/session.ts';
import type { Settings } from '../shared/settings.ts';
import { drawAttention, drawEmbedding } from './pictures.ts';
import type { RunMessage, Trainer } from './trainer.ts';

type State = 'idle' | 'starting' | 'running' | 'paused' | 'done';

const REFRESH_MS = 100;

// what the held-out loss of this run measures
function heldNote({ heldOut, heldOutReadFrom }: SessionInfo): string {
  if (heldOut === 0) return 'With fewer than 5 documents there are none to hold out.';
  const which = `The held-out documents are the last ${heldOut.toLocaleString('en')} of the shuffle`;
  return heldOutReadFrom === null
    ? `${which}; this run never trains on them.`
    : `${which}; from step ${heldOutReadFrom.toLocaleString('en')} on this run trains on them too, and their loss no longer measures unseen text.`;
}

const $ = <T extends Element>(root: Element, selector: string) => root.querySelector<T>(selector)!;

export class RunView {
  record: RunRecord | null = null;
  state: State = 'idle';
  onChange: () => void = () => {}; // progress or a change of state: the chart and the rest redraw
  private readonly trainer: Trainer;
  private readonly root: HTMLElement;
  private runId = 0;
  private autoPaused = false;
  private following = true; // the slider is at the latest step and moves with training
  private viewRequest = 0;
  private reference: number[] | null = null;
  private shownStep = 0;
  private startedAt = 0;
  private refreshTimer = 0;
  private liveView: View | null = null; // the latest pictures not yet drawn
  private newSamples = false;

  constructor(root: HTMLElement, trainer: Trainer) {
    this.root = root;
    this.trainer = trainer;
    trainer.onRun = (m) => this.message(m);
    trainer.onCrash = (message) => {
      this.state = 'idle';
      this.status(`The training Worker stopped (${message}). Press Train to start again.`);
      this.buttons();
    };
    this.button('pause').addEventListener('click', () => (this.state === 'paused' ? this.resume() : this.pause(false)));
    this.button('stop').addEventListener('click', () => this.stop());
    this.slider.addEventListener('input', () => this.scrubbed());
    for (const el of [this.el<HTMLInputElement>('#pg-attention-text'), this.el<HTMLSelectElement>('#pg-layer'), this.el<HTMLSelectElement>('#pg-head')])
      el.addEventListener(el instanceof HTMLSelectElement ? 'change' : 'input', () => this.watchChanged());
    this.el('.pg-output-box').addEventListener('toggle', () => this.output());
  }

  start(settings: Settings, source: DataSource, dataName: string): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = 0;
    this.liveView = null;
    this.newSamples = false;
    const runId = ++this.runId;
    this.el('.pg-run').dataset.runs = String(runId); // how many runs this page has started
    this.startedAt = performance.now();
    this.record = new RunRecord(settings);
    this.state = 'starting';
    this.autoPaused = false;
    this.following = true;
    this.reference = null;
    this.fillSelect('#pg-layer', settings.nLayer);
    this.fillSelect('#pg-head', settings.nHead);
    const progress = this.el<HTMLProgressElement>('.pg-progress');
    progress.max = Math.max(1, settings.steps);
    progress.value = 0;
    this.el('.pg-rate').textContent = '';
    this.el('.pg-samples').replaceChildren();
    this.el('.pg-samples-heading').textContent = '';
    this.el('.pg-output').textContent = '';
    this.status('Reading the data and making the model…');
    this.buttons();
    this.trainer.post({ type: 'start', runId, source, settings, dataName, watch: this.watch() });
    this.onChange();
  }

  // the tab was hidden or shown: training waits for the reader
  visibility(hidden: boolean): void {
    if (hidden && this.state === 'running') this.pause(true);
    else if (!hidden && this.state === 'paused' && this.autoPaused) this.resume();
  }

  private get slider(): HTMLInputElement {
    return this.el<HTMLInputElement>('.pg-scrub');
  }

  private el<T extends Element = HTMLElement>(selector: string): T {
    return $<T>(this.root, selector);
  }

  private button(action: string): HTMLButtonElement {
    return this.el<HTMLButtonElement>(`.pg-run [data-action="${action}"]`);
  }

  private status(text: string): void {
    this.el('.pg-status').textContent = text;
  }

  private buttons(): void {
    const active = this.state === 'starting' || this.state === 'running' || this.state === 'paused';
    this.button('pause').disabled = !(this.state === 'running' || this.state === 'paused');
    this.button('pause').textContent = this.state === 'paused' ? 'Resume' : 'Pause';
    this.button('stop').disabled = !active;
    this.button('train').textContent = this.record ? 'Train again' : 'Train';
    this.button('resample').disabled = this.state !== 'done';
    this.slider.disabled = !this.record?.info;
  }

  private pause(auto: boolean): void {
    this.autoPaused = auto;
    this.trainer.post({ type: 'pause', runId: this.runId });
  }

  private resume(): void {
    this.autoPaused = false;
    this.state = 'running';
    this.status('Training…');
    this.buttons();
    this.trainer.post({ type: 'resume', runId: this.runId });
  }

  private stop(): void {
    this.trainer.post({ type: 'stop', runId: this.runId });
  }

  private watch(): Watch {
    return {
      text: this.el<HTMLInputElement>('#pg-attention-text').value,
      layer: Number(this.el<HTMLSelectElement>('#pg-layer').value || 0),
      head: Number(this.el<HTMLSelectElement>('#pg-head').value || 0),
      reference: this.reference,
    };
  }

  private fillSelect(selector: string, count: number): void {
    const select = this.el<HTMLSelectElement>(selector);
    const kept = Math.min(Number(select.value || 0), Math.max(0, count - 1));
    select.replaceChildren(...Array.from({ length: count }, (_, i) => new Option(String(i + 1), String(i), false, i === kept)));
    select.disabled = count === 0;
  }

  private message(m: RunMessage): void {
    const record = this.record;
    if (!record || m.runId !== this.runId) return; // a run this one replaced
    if (m.type === 'failed') {
      this.state = 'idle';
      this.status(`The run could not start: ${m.message}`);
    } else if (m.type === 'started') {
      record.info = m.info;
      this.state = 'running';
      const text = this.el<HTMLInputElement>('#pg-attention-text');
      if (text.value === '' && m.info.firstHeldOut !== null) text.value = m.info.firstHeldOut;
      this.attentionNote();
      this.el('.pg-held-note').textContent = heldNote(m.info);
      if (m.view.samples.length > 0) record.samples.set(0, m.view.samples);
      this.show(m.view, true);
      this.status(m.info.snapshotEvery > record.settings.snapshotEvery ? `Training… (snapshots every ${m.info.snapshotEvery} steps, to keep them within memory)` : 'Training…');
    } else if (m.type === 'progress') {
      record.add(m);
      if (m.view) this.liveView = m.view;
      this.newSamples ||= m.samples.length > 0;
      // the page is drawn again at most every REFRESH_MS, however fast the steps come
      this.refreshTimer ||= window.setTimeout(() => this.refresh(), REFRESH_MS);
      return;
    } else if (m.type === 'paused') {
      this.refresh();
      this.state = 'paused';
      this.status(`Paused at step ${m.step} of ${record.settings.steps}${this.autoPaused ? ' while the tab is hidden; it goes on when you come back' : ''}.`);
      this.output();
    } else if (m.type === 'done') {
      this.refresh();
      this.state = 'done';
      record.finalSamples = m.view.samples;
      this.positions();
      if (this.following) this.show(m.view, true);
      const seconds = record.trainMs / 1000;
      // for npm run bench:playground: training alone, and all of it with the measuring
      Object.assign(this.el('.pg-run').dataset, { trainMs: record.trainMs.toFixed(1), wallMs: (performance.now() - this.startedAt).toFixed(1), steps: String(record.count) });
      const last = record.count > 0 ? `; the last step’s loss ${record.losses[record.count - 1].toFixed(4)}` : '';
      this.status(
        m.stopped
          ? `Stopped at step ${m.step} of ${record.settings.steps}${last}.`
          : `Done: ${record.count.toLocaleString('en')} steps in ${seconds.toFixed(2)} s of training (${Math.round(record.stepsPerSecond()).toLocaleString('en')} steps/s)${last}.`,
      );
      this.output();
    }
    this.buttons();
    this.onChange();
  }

  // progress since the last refresh: the bar, the speed, the slider, and the pictures and samples if it follows training
  private refresh(): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = 0;
    const record = this.record;
    if (!record) return;
    this.el<HTMLProgressElement>('.pg-progress').value = record.count;
    this.el('.pg-rate').textContent =
      `${record.count.toLocaleString('en')} of ${record.settings.steps.toLocaleString('en')} steps, ${Math.round(record.stepsPerSecond()).toLocaleString('en')} steps/s`;
    this.positions();
    if (this.following) {
      if (this.liveView) this.show(this.liveView, false);
      const latest = record.latestSamples();
      if (latest && this.newSamples) this.samples(latest.step, latest.samples, 'drawn during training');
    }
    this.liveView = null;
    this.newSamples = false;
    this.onChange();
  }

  // the slider's stops: every snapshot, and the latest step
  private stops(): number[] {
    const record = this.record!;
    const k = record.info?.snapshotEvery ?? 1;
    const stops: number[] = [];
    for (let s = 0; s <= record.count; s += k) stops.push(s);
    if (stops.at(-1) !== record.count) stops.push(record.count);
    return stops;
  }

  private positions(): void {
    const stops = this.stops();
    this.slider.max = String(stops.length - 1);
    if (this.following) {
      this.slider.value = this.slider.max;
      this.stepShown(stops.at(-1)!);
    }
  }

  private stepShown(step: number): void {
    this.shownStep = step;
    this.el('.pg-scrub-step').textContent = String(step);
    this.slider.setAttribute('aria-valuetext', `step ${step}`);
  }

  private scrubbed(): void {
    const stops = this.stops();
    const index = Number(this.slider.value);
    this.following = index === stops.length - 1;
    this.stepShown(stops[index]);
    this.requestView(stops[index], true);
  }

  private watchChanged(): void {
    this.attentionNote();
    if (!this.record?.info) return;
    this.trainer.post({ type: 'watch', watch: this.watch() });
    if (this.state !== 'running' || !this.following) this.requestView(this.shownStep, false);
  }

  private requestView(step: number, samples: boolean): void {
    const request = ++this.viewRequest;
    void this.trainer
      .ask<'view'>((id) => ({ type: 'view', id, request: { ...this.watch(), step, samples } }))
      .then(({ view }) => {
        if (request === this.viewRequest) this.show(view, samples);
      });
  }

  private show(view: View, withSamples: boolean): void {
    this.reference = view.embedding.points;
    drawAttention(this.el('.pg-attention'), this.el('#pg-attention-note'), view.attention);
    this.attentionNote(view.attention);
    drawEmbedding(this.el('.pg-embedding'), this.el('.pg-embedding-table'), this.el('.pg-embedding-caption'), view.embedding, view.step);
    if (withSamples && view.samples.length > 0) {
      const final = this.state === 'done' && view.step === this.record?.count;
      this.samples(
        view.step,
        view.samples,
        final ? 'after training, from the final weights' : view.exactSamples ? 'drawn during training' : 'drawn now from the step’s snapshot (its weights as 32-bit floats)',
      );
    }
  }

  private attentionNote(attention?: View['attention']): void {
    const info = this.record?.info;
    const note = this.el('#pg-attention-note');
    if (attention !== undefined && (attention === null || 'error' in attention || attention.cut)) return; // drawAttention said it
    const text = this.el<HTMLInputElement>('#pg-attention-text').value;
    if (!info || text !== info.firstHeldOut) return void (note.textContent = '');
    note.textContent = `"${text}" is the first held-out document: training ${info.heldOutReadFrom === null ? 'never reads it' : `reads it at step ${info.heldOutReadFrom}`}.`;
  }

  private samples(step: number, samples: string[], how: string): void {
    this.el('.pg-samples-heading').textContent = `Samples at step ${step}, ${how}:`;
    this.el('.pg-samples').replaceChildren(...samples.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
  }

  private output(): void {
    if (this.record) this.el('.pg-output').textContent = this.record.output().join('\n');
  }

  showSamples(samples: string[], how: string): void {
    this.samples(this.record?.count ?? 0, samples, how);
  }
}
