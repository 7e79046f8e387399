// The messages between the playground page and its training Worker.
import type { DataSource, DataSummary } from './dataset-input.ts';
import type { SessionInfo, View, ViewRequest } from './session.ts';
import type { Settings } from './settings.ts';

export type DataInput = DataSource | { kind: 'bytes'; bytes: Uint8Array; name: string };

// what the page shows of a head's attention and the embeddings while a run trains
export type Watch = Omit<ViewRequest, 'step' | 'samples'>;

export interface SamplingRequest {
  temperature: number;
  samples: number;
  prompt: string;
}

export type ToWorker =
  | { type: 'describe'; id: number; input: DataInput }
  | { type: 'start'; runId: number; source: DataSource; settings: Settings; dataName: string; watch: Watch }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'stop'; runId: number }
  | { type: 'watch'; watch: Watch }
  | { type: 'view'; id: number; request: ViewRequest }
  | { type: 'resample'; id: number; sampling: SamplingRequest }
  | { type: 'export'; id: number }
  | { type: 'load-model'; id: number; text: string; name: string }
  | { type: 'sample-loaded'; id: number; sampling: SamplingRequest };

export type Described = { ok: true; summary: DataSummary; text: string | null; sha256: string | null } | { ok: false; message: string };

export interface LoadedModel {
  name: string;
  step: number;
  steps: number;
  data: string;
  numParams: number;
  uchars: string[];
  blockSize: number;
}

export type FromWorker =
  | { type: 'described'; id: number; result: Described }
  | { type: 'started'; runId: number; info: SessionInfo; view: View }
  | {
      type: 'progress';
      runId: number;
      from: number; // losses[0] is step from + 1's
      losses: Float64Array;
      trainMs: number; // time spent training so far, measurements left out
      heldOut: [number, number][]; // [step, loss]
      samples: { step: number; samples: string[] }[];
      view: View | null; // the live weights' attention and embedding, now and then
    }
  | { type: 'paused'; runId: number; step: number }
  | { type: 'done'; runId: number; step: number; stopped: boolean; view: View }
  | { type: 'view'; id: number; view: View }
  | { type: 'sampled'; id: number; result: { ok: true; samples: string[] } | { ok: false; message: string } }
  | { type: 'exported'; id: number; text: string }
  | { type: 'loaded'; id: number; result: { ok: true; model: LoadedModel } | { ok: false; message: string } }
  | { type: 'failed'; runId: number; message: string };
