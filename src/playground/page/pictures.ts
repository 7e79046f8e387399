// The pictures of the model's insides. Attention is a table, each cell shaded by its weight, so it
// is read by a screen reader as it is seen. The embeddings are a scatter of labelled points (SVG)
// with their coordinates as a table beside it.
import type { View } from '../shared/session.ts';

const SVG = 'http://www.w3.org/2000/svg';

// a token as it can be seen: whitespace has a sign of its own
const visible = (label: string) => ({ ' ': '␠', '\t': '⇥', '\u00a0': '⍽' })[label] ?? label;

function cell(tag: 'th' | 'td', text: string, scope?: 'col' | 'row'): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (scope) c.scope = scope;
  return c;
}

export function drawAttention(box: HTMLElement, note: HTMLElement, attention: View['attention']): void {
  if (attention === null) {
    box.replaceChildren();
    note.textContent = 'This model has no layers, so no attention: each position sees only its own token and place.';
    return;
  }
  if ('error' in attention) {
    box.replaceChildren();
    note.textContent = `No attention to show: ${attention.error}.`;
    return;
  }
  const { labels, weights, layer, head, cut } = attention;
  const table = document.createElement('table');
  table.className = 'pg-heatmap';
  table.createCaption().textContent = `Layer ${layer + 1}, head ${head + 1}: each row is a position reading, each column a position it attends to`;
  const headRow = table.createTHead().insertRow();
  headRow.append(cell('th', 'reads ↓ attends to →', 'col'));
  labels.forEach((label, s) => headRow.append(cell('th', `${s}: ${visible(label)}`, 'col')));
  const body = table.createTBody();
  weights.forEach((row, t) => {
    const tr = body.insertRow();
    tr.append(cell('th', `${t}: ${visible(labels[t])}`, 'row'));
    labels.forEach((_, s) => {
      const td = cell('td', s <= t ? row[s].toFixed(2) : '');
      if (s <= t) td.style.setProperty('--weight', String(row[s]));
      else td.className = 'pg-future';
      tr.append(td);
    });
  });
  box.replaceChildren(table);
  note.textContent = cut ? `The document is longer than block_size; the table shows the first ${labels.length} positions.` : '';
}

export function drawEmbedding(box: HTMLElement, tableBox: HTMLElement, caption: HTMLElement, embedding: View['embedding'], step: number): void {
  const { labels, points, shown } = embedding;
  const xs = labels.map((_, i) => points[2 * i]);
  const ys = labels.map((_, i) => points[2 * i + 1]);
  const span = Math.max(1e-12, ...xs.map(Math.abs), ...ys.map(Math.abs));
  const size = 320;
  const pad = 24;
  const at = (v: number) => pad + ((v / span + 1) / 2) * (size - 2 * pad);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Scatter plot: the ${labels.length} token embeddings on their two principal components, at step ${step}; the table below lists the coordinates`);
  svg.classList.add('pg-scatter');
  for (const [x1, y1, x2, y2] of [
    [pad, size / 2, size - pad, size / 2],
    [size / 2, pad, size / 2, size - pad],
  ]) {
    const line = document.createElementNS(SVG, 'line');
    Object.entries({ x1, y1, x2, y2 }).forEach(([k, v]) => line.setAttribute(k, String(v)));
    line.classList.add('pg-axis');
    svg.append(line);
  }
  labels.forEach((label, i) => {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', at(xs[i]).toFixed(1));
    text.setAttribute('y', (size - at(ys[i])).toFixed(1));
    text.textContent = visible(label);
    if (label === 'BOS') text.classList.add('pg-bos');
    svg.append(text);
  });
  box.replaceChildren(svg);
  caption.textContent = `Each token’s row of wte at step ${step}, projected on the two directions along which the rows differ most (a PCA): ${(100 * shown).toFixed(0)}% of their variance. Tokens the model treats alike sit close together.`;

  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of ['token', 'first component', 'second component']) head.append(cell('th', c, 'col'));
  const body = table.createTBody();
  labels.forEach((label, i) => {
    const tr = body.insertRow();
    tr.append(cell('th', visible(label), 'row'), cell('td', xs[i].toFixed(3)), cell('td', ys[i].toFixed(3)));
  });
  tableBox.replaceChildren(table);
}
