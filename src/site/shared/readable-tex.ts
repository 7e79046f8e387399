// A formula's TeX as a search excerpt can show it: KaTeX's HTML flattens it ("(p−3)2" for a square),
// its TeX is all backslashes. This reads as plain text: fractions as (a)/(b), roots, sums and Greek
// letters as their symbols, sub- and superscripts kept with _ and ^.
const SYMBOLS: Record<string, string> = {
  sum: 'Σ',
  prod: 'Π',
  sqrt: '√',
  cdot: '·',
  times: '×',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  ln: 'ln',
  log: 'log',
  exp: 'exp',
  max: 'max',
  min: 'min',
  top: 'ᵀ',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  in: '∈',
  mid: '|',
  quad: ' ',
  qquad: ' ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  psi: 'ψ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
};

const ACCENTS: Record<string, string> = { hat: '\u0302', bar: '\u0304', tilde: '\u0303', vec: '\u20d7' };

// the group in braces starting at text[i] (which is "{"), and the index after it
function group(text: string, i: number): [string, number] {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return [text.slice(i + 1, j), j + 1];
  }
  return [text.slice(i + 1), text.length];
}

export function readableTex(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const c = tex[i];
    if (c === '\\') {
      const name = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i))![1];
      i += name.length + 1;
      if ((name === 'frac' || name === 'dfrac') && tex[i] === '{') {
        const [top, after] = group(tex, i);
        const [bottom, end] = tex[after] === '{' ? group(tex, after) : ['', after];
        out += `(${readableTex(top)})/(${readableTex(bottom)})`;
        i = end;
      } else if (name === 'sqrt' && tex[i] === '{') {
        const [inside, end] = group(tex, i);
        out += `√(${readableTex(inside)})`;
        i = end;
      } else if (name in ACCENTS && tex[i] === '{') {
        const [inside, end] = group(tex, i);
        out += readableTex(inside) + ACCENTS[name];
        i = end;
      } else if (['text', 'mathrm', 'mathbf', 'mathit', 'operatorname', 'textrm', 'mathsf'].includes(name) && tex[i] === '{') {
        const [inside, end] = group(tex, i);
        out += readableTex(inside);
        i = end;
      } else if (['left', 'right', 'big', 'Big', 'bigl', 'bigr', 'Bigl', 'Bigr', ',', ';', '!', ' '].includes(name)) {
        out += name === ',' || name === ';' || name === ' ' ? ' ' : '';
      } else out += SYMBOLS[name] ?? (name.length === 1 ? name : name);
    } else if (c === '{' || c === '}') i++;
    else {
      out += c;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
