// The sandboxed frame the page runs code in: a document of its own (srcdoc), in an opaque origin
// (`sandbox="allow-scripts"`), which Chromium puts in a process of its own, so a run that crashes
// its process takes the frame down and not the page. Its one script creates the Workers the runs go
// to and relays their messages over a MessagePort the page hands it; it answers the page's pings, so
// the page can tell a dead frame from a busy one. It reaches nothing of the page's (not its storage,
// not its DOM), and the Workers reach nothing but it.

export type ToFrame =
  | { type: 'script'; name: string; source: string } // a classic script's text: a Worker from a blob: URL (a module one does not start in an opaque origin)
  | { type: 'script'; name: string; url: string } // a module script's URL (astro dev: the frame is not sandboxed there)
  | { type: 'start'; id: number; script: string; keep: boolean; message: unknown } // a Worker for the run, sent the message
  | { type: 'release'; id: number; keep: boolean } // the run is over: keep its Worker for the script's next run, or end it
  | { type: 'stop'; id: number } // end the run's Worker now, and say so
  | { type: 'ping'; n: number };

export type FromFrame =
  | { type: 'started'; id: number } // the run's Worker exists, in a frame that was alive to create it
  | { type: 'message'; id: number; data: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'stopped'; id: number }
  | { type: 'pong'; n: number };

// The frame's whole script, put into its document as text (Function.prototype.toString): it may use
// nothing from this module, only the frame's own globals.
export function frameScript(): void {
  const scripts = new Map<string, { url: string; options: WorkerOptions }>();
  const workers = new Map<number, { worker: Worker; script: string }>();
  const kept = new Map<string, Worker>(); // a kept run's Worker, for the script's next kept run
  const spares = new Map<string, Worker>(); // a fresh Worker started ahead, for the script's next run that keeps none
  addEventListener('message', (event: MessageEvent) => {
    const port = event.ports[0];
    if (event.source !== parent || !port) return;
    const post = (message: FromFrame) => port.postMessage(message);
    port.onmessage = ({ data }: MessageEvent<ToFrame>) => {
      if (data.type === 'ping') post({ type: 'pong', n: data.n });
      else if (data.type === 'script') {
        if ('source' in data) scripts.set(data.name, { url: URL.createObjectURL(new Blob(['"use strict";\n', data.source], { type: 'text/javascript' })), options: {} });
        else scripts.set(data.name, { url: data.url, options: { type: 'module' } });
      } else if (data.type === 'start') {
        const waiting = data.keep ? kept : spares;
        let worker = waiting.get(data.script);
        waiting.delete(data.script);
        try {
          const script = scripts.get(data.script);
          if (!script) throw new Error(`no script "${data.script}"`);
          worker ??= new Worker(script.url, script.options);
          if (!data.keep) spares.set(data.script, new Worker(script.url, script.options));
        } catch (error) {
          post({ type: 'error', id: data.id, message: String((error as Error)?.message ?? error) });
          return;
        }
        const id = data.id;
        workers.set(id, { worker, script: data.script });
        worker.onmessage = (e) => post({ type: 'message', id, data: e.data });
        worker.onmessageerror = () => post({ type: 'error', id, message: 'a message from the run could not be read' });
        worker.onerror = (e) => {
          e.preventDefault();
          post({ type: 'error', id, message: e.message || 'unknown error' });
        };
        worker.postMessage(data.message);
        post({ type: 'started', id });
      } else {
        const run = workers.get(data.id);
        workers.delete(data.id);
        if (data.type === 'release' && run && data.keep && !kept.has(run.script)) {
          run.worker.onmessage = run.worker.onerror = run.worker.onmessageerror = null;
          kept.set(run.script, run.worker);
        } else run?.worker.terminate();
        if (data.type === 'stop') post({ type: 'stopped', id: data.id });
      }
    };
  });
}

export function frameDocument(): string {
  return `<!doctype html><meta charset="utf-8"><title>runner</title><script>"use strict";(${frameScript.toString()})();</script>`;
}
