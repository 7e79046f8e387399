// The Chromium the browser tests, the benches, the screenshots and the book open: Debian's where
// present (CHROMIUM_PATH overrides), otherwise Playwright's own; no GPU, and no traffic of its own.
// Debian's headless shell first: the same Chromium without a browser's windows, which is what
// Playwright runs headless by default; the full browser, headless, spent twice its CPU time on each
// new page (its own pages of browser UI among it), the browser tests' largest cost on 2 cores.
import { type Browser, type BrowserContextOptions, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const quiet = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'];
// what desktop Chrome does and the shell does not by default: a process for each site, and one for
// each sandboxed frame, so that a frame's crash takes down its own process only
export const siteIsolation = ['--site-per-process', '--enable-features=IsolateSandboxedIframes'];
export const chromiumArgs = [...quiet, ...siteIsolation];
// the browser tests: a new process for every sandboxed frame cost a tenth of the time of the tests
// that run code, so only e2e/isolation.spec.ts, which crashes one, asks for it
export const browserTestArgs = quiet;

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

// a page of the built site for a script that measures or prints it: no service worker, which would
// download the whole site into its cache in the background meanwhile
export const sitePage = (browser: Browser, options: BrowserContextOptions = {}) => browser.newPage({ ...options, serviceWorkers: 'block' });
