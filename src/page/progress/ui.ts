// Progress on the page: the home page's panel (summary, export, import), the sidebar's marks on
// chapters read, and marking a chapter read when the reader reaches its end.
import { ProgressError, loadProgress, markChapterRead, mergeProgress, parseProgress, saveProgress } from './store.ts';
import { chapterOfPath } from '../../shared/urls.ts';

export function setUpProgressPanel(): void {
  const panel = document.querySelector<HTMLElement>('[data-progress-panel]');
  if (!panel) return;
  const { chapters, exercises } = JSON.parse(panel.querySelector('.progress-data')!.textContent!) as {
    chapters: { slug: string; title: string }[];
    exercises: { key: string; title: string }[];
  };
  const summary = panel.querySelector<HTMLElement>('.progress-summary')!;
  const message = panel.querySelector<HTMLElement>('.progress-message')!;
  const say = (text: string) => {
    message.textContent = text;
    message.hidden = text === '';
  };
  const draw = () => {
    const { progress, problem } = loadProgress();
    if (problem) say(problem);
    const read = chapters.filter((c) => progress.chapters[c.slug]).length;
    const passed = exercises.filter((e) => progress.exercises[e.key]).length;
    summary.textContent = `${read} of ${chapters.length} chapters read, ${passed} of ${exercises.length} exercises passed. Kept in this browser only: export it to keep a copy or move to another browser.`;
    panel.dataset.read = String(read);
    panel.dataset.passed = String(passed);
  };
  draw();
  window.addEventListener('microgpt:progress', draw);
  panel.querySelector('[data-action="export"]')!.addEventListener('click', () => {
    const { progress } = loadProgress();
    download(`microgpt-progress-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(progress, null, 2));
  });
  const input = panel.querySelector<HTMLInputElement>('[data-action="import"]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const imported = parseProgress(await file.text());
      saveProgress(mergeProgress(loadProgress().progress, imported));
      say(`Imported ${file.name}: merged with the progress already here.`);
    } catch (error) {
      if (!(error instanceof ProgressError)) throw error;
      say(`${file.name} was not imported: ${error.message}. Your progress here is unchanged.`);
    }
    input.value = '';
    draw();
  });
}

export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// a ✓ after each chapter read, in the sidebar
export function markSidebar(): void {
  const { progress } = loadProgress();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    const slug = chapterOfPath(new URL(link.href).pathname);
    link.querySelector('.read-mark')?.remove();
    if (!slug || !progress.chapters[slug]) continue;
    const mark = document.createElement('span');
    mark.className = 'read-mark';
    mark.textContent = ' ✓';
    mark.setAttribute('aria-label', '(read)');
    mark.title = 'read';
    link.append(mark);
  }
}

// on a chapter page: read once the reader reaches the previous/next links at its end
export function watchChapterEnd(): void {
  const slug = chapterOfPath(location.pathname);
  const end = document.querySelector('.pagination-links');
  if (!slug || !end) return;
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    markChapterRead(slug);
  }).observe(end);
}
