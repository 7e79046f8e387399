// The Python runner's Worker: the engine's lines first (the fast engine, the same lines as the
// teaching one), then Pyodide, downloaded from this site with its progress reported, then the
// script, its standard output passed on as it is written. One run per Worker.
import { decodeText, defaultDatasetText, loadDocs } from '../../../engine/src/dataset.ts';
import { run } from '../../../engine/fast/microgpt.ts';

export interface RunRequest {
  pyodideUrl: string; // the directory the site serves Pyodide's files from, ending in /
  script: string; // the Python to run, as text
  scriptName: string; // sys.argv[0]
  args: string[]; // the rest of sys.argv
  names: Uint8Array | null; // the names file's bytes; null for the course's default names
  steps: number;
}

export type FromWorker =
  | { type: 'engine'; lines: string[]; ms: number }
  | { type: 'progress'; loaded: number }
  | { type: 'ready'; ms: number }
  | { type: 'stdout'; text: string }
  | { type: 'done'; ms: number }
  | { type: 'error'; message: string };

interface Pyodide {
  FS: { writeFile(path: string, data: Uint8Array): void };
  setStdout(options: { write(buffer: Uint8Array): number }): void;
  setStderr(options: { write(buffer: Uint8Array): number }): void;
  runPython(code: string): unknown;
}

const post = (message: FromWorker) => postMessage(message);

// every byte Pyodide fetches (the WebAssembly module, the standard library, the lock file), counted as it arrives
function countDownloads(): void {
  const fetchAll = globalThis.fetch.bind(globalThis);
  let loaded = 0;
  globalThis.fetch = async (input, init) => {
    const response = await fetchAll(input, init);
    if (!response.body) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          loaded += chunk.byteLength;
          post({ type: 'progress', loaded });
          out.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

async function runRequest(request: RunRequest): Promise<void> {
  const bytes = request.names ?? new TextEncoder().encode(defaultDatasetText());
  const engineStart = performance.now();
  const lines = [...run(loadDocs(decodeText(bytes, 'the names file'), 'the names file'), { numSteps: request.steps })];
  post({ type: 'engine', lines, ms: performance.now() - engineStart });

  countDownloads();
  const start = performance.now();
  const { loadPyodide } = (await import(/* @vite-ignore */ `${request.pyodideUrl}pyodide.mjs`)) as { loadPyodide(options: object): Promise<Pyodide> };
  const pyodide = await loadPyodide({ indexURL: request.pyodideUrl });
  post({ type: 'ready', ms: performance.now() - start });

  const decoder = new TextDecoder();
  pyodide.setStdout({
    write(buffer) {
      post({ type: 'stdout', text: decoder.decode(buffer, { stream: true }) });
      return buffer.length;
    },
  });
  let stderr = '';
  pyodide.setStderr({
    write(buffer) {
      stderr += new TextDecoder().decode(buffer);
      return buffer.length;
    },
  });
  pyodide.FS.writeFile('input.txt', bytes);
  const runStart = performance.now();
  try {
    const argv = JSON.stringify([request.scriptName, ...request.args]);
    pyodide.runPython(`import sys\nsys.argv = ${argv}`);
    pyodide.runPython(request.script);
  } catch (error) {
    throw new Error(stderr || String((error as Error).message ?? error), { cause: error });
  }
  post({ type: 'done', ms: performance.now() - runStart });
}

addEventListener('message', (event: MessageEvent<RunRequest>) => {
  runRequest(event.data).catch((error: unknown) => post({ type: 'error', message: String((error as Error)?.message ?? error) }));
});
