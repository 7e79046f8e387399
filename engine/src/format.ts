// #region lines
// microgpt.py's printed lines, formatted as Python's f-strings format them.

export function formatStep(step: number, numSteps: number, loss: number): string {
  return `step ${padInt(step, 4)} / ${padInt(numSteps, 4)} | loss ${formatFixed(loss, 4)}`;
}

export function formatSample(index: number, text: string): string {
  return `sample ${padInt(index, 2)}: ${text}`;
}

export const inferenceHeader = '--- inference (new, hallucinated names) ---';

// f"{n:4d}"
function padInt(n: number, width: number): string {
  return String(n).padStart(width, ' ');
}
// #endregion lines

// #region fixed
// f"{x:.{digits}f}": like toFixed, except that an exact tie rounds to even, and nan/inf spellings
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-' + formatFixed(0, digits);
  const s = x.toFixed(digits); // rounds a tie away from zero
  if (!isTie(x, digits)) return s;
  const sign = s.startsWith('-') ? '-' : '';
  const units = BigInt(s.replace('-', '').replace('.', ''));
  if (units % 2n === 0n) return s;
  const even = (units - 1n).toString().padStart(digits + 1, '0');
  return digits === 0 ? sign + even : `${sign}${even.slice(0, -digits)}.${even.slice(-digits)}`;
}

// whether x * 10^digits lies exactly halfway between two integers
function isTie(x: number, digits: number): boolean {
  // write |x| = m * 2^e with m an odd integer; then x * 10^digits = (m * 5^digits) * 2^(e + digits),
  // an odd integer times a power of two, which is a half-integer exactly when e + digits = -1
  let m = Math.abs(x);
  if (m === 0) return false;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  while (m % 2 === 0) {
    m /= 2;
    e++;
  }
  return e + digits === -1;
}
// #endregion fixed
