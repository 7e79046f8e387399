// What the page gets of a cell: made by the remark plugin (src/cells/build/remark.ts), passed as
// <Cell data={…}> (src/cells/Cell.astro), written into the page for its script (src/cells/page/client.ts).

export interface CellPageData {
  chapter: string;
  id: string;
  setup: string; // hidden lines, run first ('' when none)
  code: string;
  expected: string | null; // the book's output
  timeoutMs: number;
  throws: boolean;
  // the checkpoints that ask what this cell prints: its output is withheld until one is answered or the reader shows it
  predictedBy: string[];
}
