// The page's sandboxed frame (sandbox-frame.ts): created on the first run, hidden, and replaced when
// it dies. The page pings it every 250 ms while runs are in it; a frame that stops answering is dead
// (its one thread only relays messages, so it answers at once while it lives). Every run of the page,
// cells and sealed exercise runs alike, goes through the one Sandbox this module keeps.
import cellWorkerUrl from './worker.ts?worker&url';
import sealedWorkerUrl from './sealed-worker.ts?worker&url';
import { type FromFrame, type ToFrame, frameDocument } from './sandbox-frame.ts';
import { type Frame, type FrameEvents, Sandbox, type WorkerScript } from './sandbox.ts';

const scriptUrls: Record<WorkerScript, string> = { cell: cellWorkerUrl, sealed: sealedWorkerUrl };
const PING_MS = 250;
const MISSED_BY_A_LIVE_FRAME = 12; // 3 s without an answer
const MISSED_BY_A_NEW_FRAME = 40; // 10 s to answer at all: a new frame may need a new process

// Built, a Worker script is one self-contained classic script (vite.worker.format 'iife'), fetched
// here, from the page's origin, and handed to the frame as text. Under astro dev it is a module
// with imports, which only a frame of the page's own origin can start, by its URL.
const scripts = new Map<WorkerScript, Promise<ToFrame>>();
function scriptMessage(name: WorkerScript): Promise<ToFrame> {
  let message = scripts.get(name);
  if (!message) {
    const url = new URL(scriptUrls[name], location.href).href;
    message = import.meta.env.DEV
      ? Promise.resolve({ type: 'script', name, url })
      : fetch(url).then(async (response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
          return { type: 'script', name, source: await response.text() };
        });
    message.catch(() => scripts.delete(name)); // fetched again on the next run
    scripts.set(name, message);
  }
  return message;
}

function connectFrame(events: FrameEvents): Frame {
  const iframe = document.createElement('iframe');
  if (!import.meta.env.DEV) iframe.sandbox.add('allow-scripts');
  iframe.hidden = true;
  iframe.title = 'Where the code runs';
  iframe.srcdoc = frameDocument();
  const channel = new MessageChannel();
  const port = channel.port1;
  const post = (message: ToFrame) => port.postMessage(message);
  iframe.addEventListener('load', () => iframe.contentWindow?.postMessage('connect', '*', [channel.port2]), { once: true });
  document.body.append(iframe);

  const sent = new Set<WorkerScript>();
  let dead = false;
  let pinged = 0;
  let answered = 0;
  let missed = 0;
  let timer = 0;
  port.onmessage = ({ data }: MessageEvent<FromFrame>) => {
    if (dead) return;
    if (data.type === 'pong') answered = Math.max(answered, data.n);
    else if (data.type === 'started') events.started(data.id);
    else if (data.type === 'message') events.message(data.id, data.data);
    else if (data.type === 'error') events.error(data.id, data.message);
    else events.stopped(data.id);
  };
  const tick = () => {
    missed = answered < pinged ? missed + 1 : 0;
    if (missed >= (answered > 0 ? MISSED_BY_A_LIVE_FRAME : MISSED_BY_A_NEW_FRAME)) {
      dead = true;
      window.clearInterval(timer);
      events.died();
      return;
    }
    post({ type: 'ping', n: ++pinged });
  };

  return {
    start(id, script, keep, message) {
      scriptMessage(script).then(
        (scriptText) => {
          if (dead) return;
          if (!sent.has(script)) post(scriptText);
          sent.add(script);
          post({ type: 'start', id, script, keep, message });
        },
        (error: Error) => events.error(id, `the code runner could not be loaded (${error.message})`),
      );
    },
    release: (id, keep) => post({ type: 'release', id, keep }),
    stop: (id) => post({ type: 'stop', id }),
    watch(on) {
      if (on && !timer && !dead) timer = window.setInterval(tick, PING_MS);
      if (!on) {
        window.clearInterval(timer);
        timer = 0;
      }
    },
    dispose() {
      dead = true;
      window.clearInterval(timer);
      port.close();
      iframe.remove();
    },
  };
}

let shared: Sandbox | null = null;

export function sandbox(): Sandbox {
  shared ??= new Sandbox(connectFrame);
  return shared;
}
