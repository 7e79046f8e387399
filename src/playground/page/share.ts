// The link to the settings on the page, kept in the address bar, and the same run on the command line.
import { cliFlags, fields, type Settings } from '../shared/settings.ts';
import { type CompareRef, type DataRef, writeQuery } from '../shared/url-state.ts';

const quote = (arg: string) => (/^[\w./=:+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function cliCommand(settings: Settings, data: DataRef): { command: string; note: string } {
  const { flags, unsupported } = cliFlags(settings);
  const dataFlag = data.kind === 'file' ? ['--data', data.name] : data.kind === 'text' ? ['--data', 'your-text.txt'] : [];
  const command = ['npm', 'run', '-s', 'train', '--', ...dataFlag, ...flags].map(quote).join(' ');
  const notes: string[] = [];
  if (data.kind === 'text') notes.push('Save the pasted text as your-text.txt first.');
  if (unsupported.length > 0) notes.push(`It has no flag for the ${unsupported.map((k) => fields[k].label).join(' or the ')}: it trains with the learning rate 0.01 and samples with no prompt.`);
  return { command, note: notes.join(' ') };
}

export function showShare(root: HTMLElement, settings: Settings, data: DataRef, compare: CompareRef | null): void {
  const query = writeQuery(settings, data, compare);
  const url = `${location.pathname}${query}`;
  if (`${location.pathname}${location.search}` !== url) history.replaceState(history.state, '', url);
  root.querySelector<HTMLAnchorElement>('.pg-link')!.href = url;
  const { command, note } = cliCommand(settings, data);
  root.querySelector('.pg-cli')!.textContent = command;
  root.querySelector('.pg-cli-note')!.textContent = note;
}
