// Playwright against the built site (npm run build first), served by the tests' own static server
// (e2e/static-server.ts) on a free port, or $E2E_PORT: never astro preview, which allows one per
// project and so would refuse to start while the reader's `npm start` is serving.
import { defineConfig } from '@playwright/test';
import { browserTestArgs, chromiumPath } from './chromium.ts';
import { e2ePort, staticServerCommand } from './e2e-server.ts';

const port = e2ePort();

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // two, CI or not: the tests mostly wait on the browser, and Playwright's default on 2 cores is one
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // the site's service worker would precache all of it (8.7 MB) in every test's context and answer
    // requests in the test's place: only e2e/offline.spec.ts lets it run
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumPath,
      args: [...browserTestArgs, '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: staticServerCommand(port),
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false, // something else on the port is an error, not a server to test
    timeout: 60_000,
    stdout: 'pipe',
  },
});
