// The playground's Worker: reads the data, trains one run a slice of time at a time (so Pause,
// Stop and the page's questions are answered between slices), and reports what the page draws.
/// <reference lib="webworker" />
import { DatasetError, loadSource, readBytes, readText, summarize } from '../shared/dataset-input.ts';
import { decodeModelFile, ModelFileError, modelOf } from '../shared/model-file.ts';
import type { Described, FromWorker, SamplingRequest, ToWorker, Watch } from '../shared/protocol.ts';
import { drawSamples, samplingRandom } from '../shared/sampling.ts';
import { Session } from '../shared/session.ts';
import { fingerprint } from '../shared/text-codec.ts';

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 20; // training between two looks at the mailbox
const VIEW_EVERY_MS = 250; // how often the live attention and embedding are sent

let session: Session | null = null;
let runId = 0;
let state: 'idle' | 'running' | 'paused' | 'done' = 'idle';
let measuring: Generator<void, number> | null = null;
let trainMs = 0;
let watch: Watch = { text: '', layer: 0, head: 0 };
let lastView = 0;
let reference: number[] | null = null; // the embedding sent last, to keep its orientation
let loaded: (ReturnType<typeof modelOf> & { seed: number | bigint; numDocs: number }) | null = null;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

// the next slice runs as a task of its own, after any message already waiting
const channel = new MessageChannel();
channel.port1.onmessage = () => slice();
const schedule = () => channel.port2.postMessage(null);

function liveView(samples: boolean) {
  const view = session!.view({ ...watch, reference, step: session!.step, samples });
  reference = view.embedding.points;
  return view;
}

function slice(): void {
  if (!session || state !== 'running') return;
  const s = session;
  const until = performance.now() + SLICE_MS;
  const from = s.step;
  const heldOut: [number, number][] = [];
  const samples: { step: number; samples: string[] }[] = [];
  while (performance.now() < until) {
    if (measuring) {
      let r = measuring.next();
      while (!r.done && performance.now() < until) r = measuring.next();
      if (!r.done) break;
      heldOut.push([s.step, r.value]);
      measuring = null;
      continue;
    }
    if (s.done) break;
    const t = performance.now();
    s.advance();
    trainMs += performance.now() - t;
    if (s.evalDue()) measuring = s.measureHeldOut();
    if (s.samplesDue()) samples.push({ step: s.step, samples: s.sampleNow() });
  }
  const finished = s.done && !measuring;
  const now = performance.now();
  const view = finished || now - lastView > VIEW_EVERY_MS ? liveView(false) : null;
  if (view) lastView = now;
  const losses = s.losses.slice(from, s.step);
  post({ type: 'progress', runId, from, losses, trainMs, heldOut, samples, view }, [losses.buffer]);
  if (finished) {
    state = 'done';
    post({ type: 'done', runId, step: s.step, stopped: false, view: liveView(true) });
  } else schedule();
}

async function describe(id: number, input: Extract<ToWorker, { type: 'describe' }>['input']): Promise<void> {
  let result: Described;
  try {
    if (input.kind === 'names') result = { ok: true, summary: summarize(loadSource(input)), text: null, sha256: null };
    else {
      const text = input.kind === 'bytes' ? readBytes(input.bytes, input.name) : input.text;
      const docs = readText(text, input.name);
      result = { ok: true, summary: summarize(docs), text: input.kind === 'bytes' ? text : null, sha256: await fingerprint(text) };
    }
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    result = { ok: false, message: error.message };
  }
  post({ type: 'described', id, result });
}

function start(message: Extract<ToWorker, { type: 'start' }>): void {
  runId = message.runId;
  watch = message.watch;
  reference = null;
  measuring = null;
  trainMs = 0;
  try {
    session = new Session(loadSource(message.source), message.settings, message.dataName);
  } catch (error) {
    session = null;
    state = 'idle';
    return post({ type: 'failed', runId, message: (error as Error).message });
  }
  if (watch.text === '') watch = { ...watch, text: session.info.firstHeldOut ?? '' };
  if (session.evalDue()) measuring = session.measureHeldOut();
  const samples = session.samplesDue() ? session.sampleNow() : [];
  post({ type: 'started', runId, info: session.info, view: { ...liveView(false), samples } });
  lastView = performance.now();
  state = 'running';
  schedule();
}

function sampleLoaded(id: number, { temperature, samples, prompt }: SamplingRequest): void {
  if (!loaded) return post({ type: 'sampled', id, result: { ok: false, message: 'Load a model file first.' } });
  try {
    const rng = samplingRandom(loaded.seed, loaded.numDocs, loaded.model.params.length);
    post({ type: 'sampled', id, result: { ok: true, samples: drawSamples(loaded.model, loaded.tokenizer, rng, temperature, samples, prompt) } });
  } catch (error) {
    post({ type: 'sampled', id, result: { ok: false, message: (error as Error).message } });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  switch (m.type) {
    case 'describe':
      return void describe(m.id, m.input);
    case 'start':
      return start(m);
    case 'pause':
      if (m.runId === runId && state === 'running') {
        state = 'paused';
        post({ type: 'paused', runId, step: session!.step });
      }
      return;
    case 'resume':
      if (m.runId === runId && state === 'paused') {
        state = 'running';
        schedule();
      }
      return;
    case 'stop':
      if (m.runId === runId && session && (state === 'running' || state === 'paused')) {
        state = 'done';
        measuring = null;
        post({ type: 'done', runId, step: session.step, stopped: true, view: liveView(true) });
      }
      return;
    case 'watch':
      watch = m.watch; // the live pictures from now on (a stopped run's, the page asks for with 'view')
      return;
    case 'view':
      if (session) post({ type: 'view', id: m.id, view: session.view(m.request) });
      return;
    case 'resample':
      if (!session) return;
      try {
        const { temperature, samples, prompt } = m.sampling;
        post({ type: 'sampled', id: m.id, result: { ok: true, samples: session.resample(temperature, samples, prompt) } });
      } catch (error) {
        post({ type: 'sampled', id: m.id, result: { ok: false, message: (error as Error).message } });
      }
      return;
    case 'export':
      if (session) post({ type: 'exported', id: m.id, text: session.exportFile() });
      return;
    case 'load-model':
      try {
        const file = decodeModelFile(m.text, m.name);
        loaded = { ...modelOf(file), seed: file.seed, numDocs: file.numDocs };
        const { step, steps, data, config } = file;
        post({ type: 'loaded', id: m.id, result: { ok: true, model: { name: m.name, step, steps, data, numParams: file.params.length, uchars: file.vocabulary, blockSize: config.blockSize } } });
      } catch (error) {
        if (!(error instanceof ModelFileError)) throw error;
        post({ type: 'loaded', id: m.id, result: { ok: false, message: error.message } });
      }
      return;
    case 'sample-loaded':
      return sampleLoaded(m.id, m.sampling);
  }
};
