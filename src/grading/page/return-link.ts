// On a chapter opened from an assignment (in this tab), a link back to the assignment's checklist.
import { chapterOfPath } from '../../shared/urls.ts';
import { openAssignment } from '../../progress/page/storage.ts';

export function showAssignmentReturn(): void {
  const slot = document.querySelector<HTMLElement>('[data-assignment-return]');
  const open = openAssignment();
  const slug = chapterOfPath(location.pathname);
  if (!slot || !open || !slug || !open.chapters.includes(slug)) return;
  const a = document.createElement('a');
  a.href = open.href;
  a.textContent = `Back to your assignment: ${open.title}`;
  slot.replaceChildren('← ', a);
  slot.hidden = false;
}
