import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ViteDevServer } from 'vite';
import { RETIRING_WORKER, retiredWorker } from './dev-worker.ts';

type Middleware = (req: { url?: string }, res: { writeHead: (status: number, headers: Record<string, string>) => void; end: (body: string) => void }, next: () => void) => void;

function serve(url: string): { status?: number; type?: string; body?: string; passed: boolean } {
  let middleware: Middleware | undefined;
  const server = { middlewares: { use: (fn: Middleware) => (middleware = fn) } } as unknown as ViteDevServer;
  (retiredWorker().configureServer as (s: ViteDevServer) => void)(server);
  const answer: { status?: number; type?: string; body?: string; passed: boolean } = { passed: false };
  middleware!(
    { url },
    {
      writeHead: (status, headers) => Object.assign(answer, { status, type: headers['Content-Type'] }),
      end: (body) => (answer.body = body),
    },
    () => (answer.passed = true),
  );
  return answer;
}

test('astro dev answers /sw.js with a worker that unregisters itself and reloads its pages', () => {
  const answer = serve('/sw.js?v=2');
  assert.equal(answer.status, 200);
  assert.match(answer.type!, /^text\/javascript/);
  assert.equal(answer.body, RETIRING_WORKER);
  assert.match(RETIRING_WORKER, /registration\.unregister\(\)/);
  assert.match(RETIRING_WORKER, /skipWaiting\(\)/);
  assert.ok(new Function(RETIRING_WORKER), 'it parses');
});

test('every other request goes on to the dev server', () => {
  assert.equal(serve('/chapters/dataset/').passed, true);
  assert.equal(serve('/sw.json').passed, true);
});
