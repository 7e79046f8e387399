// A Copy button on every static code block of a page (quoted engine source and code in the prose);
// cells and exercises have editors of their own and are left alone.
export function addCopyButtons(): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>('.sl-markdown-content pre')) {
    if (pre.closest('.cell, .exercise, .copy-code-box') || !pre.querySelector('code')) continue;
    const box = document.createElement('div');
    box.className = 'copy-code-box';
    pre.replaceWith(box);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy this code');
    const status = document.createElement('span');
    status.className = 'copy-code-status';
    status.setAttribute('role', 'status');
    box.append(pre, button, status);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.querySelector('code')!.textContent ?? '');
        status.textContent = 'Copied.';
      } catch {
        // no clipboard (an insecure page, or permission refused): select the code for the reader to copy
        getSelection()?.selectAllChildren(pre);
        status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
      }
      setTimeout(() => (status.textContent = ''), 3000);
    });
  }
}
