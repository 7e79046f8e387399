// The only Python code a page loads up front: one listener, which loads the live view on the
// reader's first click of "Show the Python".
export function listenForPython(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>('[data-python-show]');
    if (button) void import('./live.ts').then((live) => live.toggle(button));
  });
}
