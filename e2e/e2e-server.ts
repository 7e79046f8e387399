// How the browser tests serve the built site: e2e/static-server.ts on a port nothing else is using,
// so they run the same whether or not the reader's `npm start` (astro preview) is up.
import { spawnSync } from 'node:child_process';

/** A port free on 127.0.0.1 now: a child binds port 0, prints the port it got, and lets go. Synchronous, for the config. */
export function freePortSync(): number {
  const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
  const port = Number(result.stdout.trim());
  if (result.status !== 0 || !Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port: ${result.stderr || result.error}`);
  return port;
}

/**
 * The browser tests' port: $E2E_PORT if set, else a free port, put into $E2E_PORT so that every
 * process that loads the config again (Playwright's workers inherit the environment) agrees on it.
 */
export function e2ePort(): number {
  if (!process.env.E2E_PORT) process.env.E2E_PORT = String(freePortSync());
  const port = Number(process.env.E2E_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`E2E_PORT is not a port: ${process.env.E2E_PORT}`);
  return port;
}

/** The command that serves dist/ on `port`, run from the project's root. */
export function staticServerCommand(port: number): string {
  return `"${process.execPath}" e2e/static-server.ts --host 127.0.0.1 --port ${port}`;
}
