import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readableTex } from './readable-tex.ts';

test('TeX reads as plain text in a search excerpt', () => {
  assert.equal(readableTex('p_i = \\frac{e^{z_i - m}}{\\sum_j e^{z_j - m}}'), 'p_i = (e^z_i - m)/(Σ_j e^z_j - m)');
  assert.equal(readableTex('\\operatorname{attention}(q, K, V) = \\operatorname{softmax}\\left(\\frac{q K^\\top}{\\sqrt{d}}\\right) V'), 'attention(q, K, V) = softmax((q K^ᵀ)/(√(d))) V');
  assert.equal(readableTex('(p-3)^2'), '(p-3)^2');
  assert.equal(readableTex('\\hat{m}_t \\cdot \\alpha'), 'm\u0302_t · α');
});
