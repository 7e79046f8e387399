// Progress on the page: the home page's panel (continue where you left off, each chapter's marks,
// summary, export, import, durable storage), the sidebar's marks on chapters read and exercises
// passed, and marking a chapter read when the reader reaches its end.
import { type Progress, ProgressError, loadProgress, markChapterRead, mergeProgress, parseProgress, saveProgress } from './store.ts';
import { chapterOfPath } from '../../shared/urls.ts';
import { lastChapterKey, readItem, writeItem } from './storage.ts';

interface PanelData {
  chapters: { slug: string; title: string; href: string }[];
  exercises: { key: string; title: string }[];
  checkpoints: { key: string }[];
}

const inChapter = (slug: string, keys: { key: string }[]) => keys.filter((e) => e.key.startsWith(`${slug}/`));

// where to go on: the chapter last opened unless it was read to its end, then the first unread after it
function nextChapter(chapters: PanelData['chapters'], progress: Progress): PanelData['chapters'][number] | null {
  const last = chapters.findIndex((c) => c.slug === readItem(lastChapterKey));
  if (last === -1) return null;
  return chapters.slice(last).find((c) => !progress.chapters[c.slug]) ?? chapters.find((c) => !progress.chapters[c.slug]) ?? null;
}

// "read" and "1 of 2 exercises passed" beside each chapter of the home page's list
function markChapterList(data: PanelData, progress: Progress): void {
  for (const li of document.querySelectorAll<HTMLElement>('.chapter-list [data-chapter]')) {
    const slug = li.dataset.chapter!;
    const exercises = inChapter(slug, data.exercises);
    const passed = exercises.filter((e) => progress.exercises[e.key]).length;
    const questions = inChapter(slug, data.checkpoints);
    const answered = questions.filter((q) => progress.checkpoints?.[q.key]).length;
    const parts = [
      ...(progress.chapters[slug] ? ['read'] : []),
      ...(exercises.length > 0 ? [`${passed} of ${exercises.length} exercise${exercises.length === 1 ? '' : 's'} passed`] : []),
      ...(questions.length > 0 ? [`${answered} of ${questions.length} checkpoint${questions.length === 1 ? '' : 's'} answered`] : []),
    ];
    li.querySelector('.chapter-progress')?.remove();
    if (parts.length === 0) continue;
    const mark = document.createElement('span');
    mark.className = 'chapter-progress';
    mark.textContent = ` (${parts.join(', ')})`;
    li.append(mark);
  }
}

// asks the browser to keep this site's storage unless the reader clears it, and says what it answered
async function askDurable(say: HTMLElement): Promise<void> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return;
  const kept = (await storage.persisted()) || (await storage.persist());
  say.textContent = kept
    ? 'This browser has agreed to keep it until you clear the site’s data.'
    : 'This browser may clear it when space runs low, or after weeks without a visit: export it to be sure.';
}

export function setUpProgressPanel(): void {
  const panel = document.querySelector<HTMLElement>('[data-progress-panel]');
  if (!panel) return;
  const data = JSON.parse(panel.querySelector('.progress-data')!.textContent!) as PanelData;
  const { chapters, exercises } = data;
  const summary = panel.querySelector<HTMLElement>('.progress-summary')!;
  const resume = panel.querySelector<HTMLElement>('.progress-continue')!;
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
    const answered = data.checkpoints.filter((q) => progress.checkpoints?.[q.key]).length;
    summary.textContent = `${read} of ${chapters.length} chapters read, ${passed} of ${exercises.length} exercises passed, ${answered} of ${data.checkpoints.length} checkpoints answered.`;
    panel.dataset.read = String(read);
    panel.dataset.passed = String(passed);
    const next = nextChapter(chapters, progress);
    resume.hidden = next === null;
    if (next) {
      const a = Object.assign(document.createElement('a'), { href: next.href, textContent: next.title });
      resume.replaceChildren('Continue where you left off: ', a);
    }
    markChapterList(data, progress);
  };
  draw();
  void askDurable(panel.querySelector<HTMLElement>('.progress-durable')!);
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

// in the sidebar, a ✓ after each chapter read and, for a chapter with exercises, how many are passed
export function markSidebar(): void {
  const { progress } = loadProgress();
  const keys = JSON.parse(document.getElementById('book-exercises')?.textContent ?? '[]') as string[];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    const slug = chapterOfPath(new URL(link.href).pathname);
    link.querySelectorAll('.read-mark, .exercise-mark').forEach((m) => m.remove());
    if (!slug) continue;
    if (progress.chapters[slug]) link.append(sidebarMark('read-mark', ' ✓', '(read)'));
    const exercises = keys.filter((k) => k.startsWith(`${slug}/`));
    const passed = exercises.filter((k) => progress.exercises[k]).length;
    if (passed > 0) link.append(sidebarMark('exercise-mark', ` ${passed}/${exercises.length}`, `(${passed} of ${exercises.length} exercises passed)`));
  }
}

function sidebarMark(className: string, text: string, label: string): HTMLElement {
  const mark = document.createElement('span');
  mark.className = className;
  mark.textContent = text;
  mark.setAttribute('aria-label', label);
  mark.title = label.slice(1, -1);
  return mark;
}

// the chapter open now, for the home page's "Continue where you left off"
export function rememberChapter(): void {
  const slug = chapterOfPath(location.pathname);
  if (slug) writeItem(lastChapterKey, slug);
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
