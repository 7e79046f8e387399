// The output of the cell a question asks about, withheld while the reader predicts it (Cell.astro):
// shown once the question is answered, or when the reader goes to run the cell.
import type { CheckpointPageData } from '../shared/data.ts';

export const cellOf = (d: Pick<CheckpointPageData, 'cell'>) => (d.cell ? document.querySelector<HTMLElement>(`.cell[data-cell-id="${CSS.escape(d.cell)}"]`) : null);

export function revealPredicted(d: Pick<CheckpointPageData, 'cell'>): void {
  const withheld = cellOf(d)?.querySelector<HTMLDetailsElement>('details.cell-withheld');
  if (withheld) withheld.open = true;
}
