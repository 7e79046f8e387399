import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignUrl, chapterOfPath, chapterUrl, engineUrl, exerciseUrl, gradeUrl, lessonUrl, siteUrl } from './urls.ts';

test('URLs are under the site root when there is no BASE_URL (plain Node)', () => {
  assert.equal(siteUrl('figures/attention.json'), '/figures/attention.json');
  assert.equal(siteUrl('/grade/'), '/grade/');
  assert.equal(gradeUrl, '/grade/');
  assert.equal(lessonUrl('first-week'), '/lessons/first-week/');
  assert.equal(assignUrl(), '/assign/');
  assert.equal(assignUrl('a b'), '/assign/?lesson=a%20b');
});

test('chapter and engine URLs take an optional fragment', () => {
  assert.equal(chapterUrl('dataset'), '/chapters/dataset/');
  assert.equal(chapterUrl('dataset', null), '/chapters/dataset/');
  assert.equal(chapterUrl('gpt', 'attention'), '/chapters/gpt/#attention');
  assert.equal(exerciseUrl('autograd', 'tanh'), '/chapters/autograd/#exercise-tanh');
  assert.equal(engineUrl('value'), '/engine/value/');
  assert.equal(engineUrl('value', 'backward'), '/engine/value/#region-backward');
});

test('chapterOfPath reads the chapter back from a page path, and nothing else', () => {
  assert.equal(chapterOfPath(chapterUrl('dataset')), 'dataset');
  assert.equal(chapterOfPath('/chapters/dataset'), 'dataset');
  assert.equal(chapterOfPath('/chapters/'), null);
  assert.equal(chapterOfPath('/engine/value/'), null);
  assert.equal(chapterOfPath('/chapters/a/b/'), null);
});
