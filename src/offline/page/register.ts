// On every page, a few bytes: once the browser is idle, the service worker is registered and
// watched for new versions (updates.ts, loaded then, not before the reader can interact).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => void import('./updates.ts').then(({ watchForUpdates }) => watchForUpdates());
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else addEventListener('load', start, { once: true });
}
