import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { bookIndex, loadLessons } from './lessons.ts';
import type { BookIndex, Lesson } from './schema.ts';
import { TYPES, cartridgeFiles, cartridgeZip } from './cartridge.ts';
import { buildChecks } from '../../course/build/integration.ts';
import { localSiteWarning } from './site-check.ts';
import { type XmlElement, findAll, parseXml, textOf } from './well-formed.ts';

const tricky = `Attention & "softmax" <b>it's</b>\u0007`;
const book: BookIndex = {
  chapters: {
    gpt: {
      title: 'The GPT <model>',
      sections: [{ id: 'attention', text: 'Attention & its "heads"' }],
      exercises: [{ id: 'softmax-max', title: 'Softmax < max' }],
    },
    intro: { title: 'Introduction', sections: [], exercises: [] },
  },
};
const lesson: Lesson = {
  id: '3-attention',
  title: tricky,
  order: 1,
  summary: 'Read about attention & write a <softmax>.',
  audience: 'Anyone',
  durationMinutes: 45,
  objectives: ['Explain attention & "masking".'],
  readings: [{ chapter: 'gpt', section: 'attention', note: 'try the "figure"' }, { chapter: 'intro' }],
  exercises: [{ chapter: 'gpt', id: 'softmax-max' }],
  checkpoints: [],
  discussion: ['Why does softmax subtract the max? Is exp(x) < Infinity always?', 'What would change with no causal mask & why?'],
  instructorNotes: 'SECRET: go slowly.',
};
const site = 'http://localhost:4321';

const files = cartridgeFiles(lesson, site, book);
const manifest = parseXml(files['imsmanifest.xml']);
const resources = findAll(manifest, 'resource');
const ofType = (type: string) => resources.filter((r) => r.attrs.type === type);
const fileOf = (r: XmlElement) => findAll(r, 'file')[0].attrs.href;
const child = (e: XmlElement, name: string) => findAll(e, name)[0];

test('the checker refuses XML that is not well-formed', () => {
  for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a x="1" x="2"/>', '<a>&</a>', '<a>&nbsp;</a>', '<a/><b/>', 'text<a/>', '<a>', '<a x="<"/>', '<1a/>'])
    assert.throws(() => parseXml(bad), /not well-formed|bare "&"/, bad);
  assert.deepEqual(textOf(parseXml('<?xml version="1.0"?>\n<a t="&quot;x&#38;">1 &lt; 2 &#x26; <![CDATA[<raw>]]></a>')), '1 < 2 & <raw>');
});

test('the manifest is a Common Cartridge 1.3 manifest with the lesson as one module', () => {
  assert.ok(files['imsmanifest.xml'].startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest '));
  assert.equal(manifest.name, 'manifest');
  assert.equal(manifest.attrs.xmlns, 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1');
  assert.equal(manifest.attrs['xmlns:lomimscc'], 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest');
  assert.match(manifest.attrs['xsi:schemaLocation'], /imsccv1p3\/imscp_v1p1 http:\/\/www\.imsglobal\.org\/profile\/cc\/ccv1p3\/ccv1p3_imscp_v1p2_v1p0\.xsd/);
  assert.equal(textOf(child(manifest, 'schema')), 'IMS Common Cartridge');
  assert.equal(textOf(child(manifest, 'schemaversion')), '1.3.0');
  const organization = child(manifest, 'organization');
  assert.equal(organization.attrs.structure, 'rooted-hierarchy');
  const [module] = (child(organization, 'item').children as XmlElement[]).filter((c) => typeof c !== 'string');
  assert.equal(textOf(child(module, 'title')), tricky.replace('\u0007', ''));
  const ids = new Set(resources.map((r) => r.attrs.identifier));
  const refs = findAll(module, 'item').flatMap((i) => (i.attrs.identifierref ? [i.attrs.identifierref] : []));
  assert.equal(refs.length, lesson.readings.length + 1 + lesson.discussion.length);
  for (const ref of refs) assert.ok(ids.has(ref), ref);
  for (const e of [...findAll(manifest, 'item'), ...resources]) assert.match(e.attrs.identifier, /^[A-Za-z_][\w.-]*$/, 'an XML ID');
});

test('one web link per reading, to the chapter section on the site', () => {
  const links = ofType(TYPES.webLink);
  assert.equal(links.length, 2);
  const parsed = links.map((r) => parseXml(files[fileOf(r)]));
  assert.deepEqual(
    parsed.map((w) => child(w, 'url').attrs.href),
    ['http://localhost:4321/chapters/gpt/#attention', 'http://localhost:4321/chapters/intro/'],
  );
  assert.equal(parsed[0].attrs.xmlns, 'http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3');
  assert.equal(textOf(child(parsed[0], 'title')), 'Read: The GPT <model>: Attention & its "heads" (try the "figure")');
  // CC: a web link or topic resource names its one file and has no href of its own
  for (const r of [...links, ...ofType(TYPES.topic)]) assert.deepEqual([r.attrs.href, findAll(r, 'file').length], [undefined, 1]);
  const elsewhere = cartridgeFiles(lesson, 'https://course.example.edu', book);
  assert.match(elsewhere['weblinks/reading-2.xml'], /href="https:\/\/course\.example\.edu\/chapters\/intro\/"/);
});

test('one discussion topic per question, its text the question', () => {
  const topics = ofType(TYPES.topic).map((r) => parseXml(files[fileOf(r)]));
  assert.equal(topics.length, 2);
  assert.equal(topics[0].attrs.xmlns, 'http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3');
  assert.equal(textOf(child(topics[1], 'text')), '<p>What would change with no causal mask &amp; why?</p>');
  assert.equal(child(topics[1], 'text').attrs.texttype, 'text/html');
  assert.match(textOf(child(topics[0], 'title')), /^Discussion 1: Why does softmax subtract the max\? Is exp\(x\) < Infinity always\?$/);
});

test('the assignment: a file upload of the hand-in, with the exercises, gradable, and a page to fall back on', () => {
  const [resource] = ofType(TYPES.assignment);
  assert.equal(resource.attrs.href, fileOf(resource));
  const assignment = parseXml(files[fileOf(resource)]);
  assert.equal(assignment.attrs.xmlns, 'http://www.imsglobal.org/xsd/imscc_extensions/assignment');
  assert.match(assignment.attrs['xsi:schemaLocation'], /cc_extresource_assignmentv1p0_v1p0\.xsd$/);
  assert.equal(assignment.attrs.identifier, resource.attrs.identifier);
  assert.deepEqual(
    findAll(child(assignment, 'submission_formats'), 'format').map((f) => f.attrs.type),
    ['file'],
  );
  assert.deepEqual([textOf(child(assignment, 'gradable')), child(assignment, 'gradable').attrs.points_possible], ['true', '1']);
  const description = parseXml(`<div>${textOf(child(assignment, 'text'))}</div>`);
  const links = findAll(description, 'a');
  assert.deepEqual(
    links.map((a) => [a.attrs.href, textOf(a)]),
    [['http://localhost:4321/chapters/gpt/#exercise-softmax-max', 'Softmax < max']],
  );
  assert.match(textOf(description), /Download hand-in file.*3-attention-your-name\.json/s);
  assert.deepEqual(findAll(child(description, 'ul'), 'li').map(textOf), ['Explain attention & "masking".']);
  const canvas = child(child(assignment, 'extensions'), 'assignment');
  assert.equal(canvas.attrs.xmlns, 'http://canvas.instructure.com/xsd/cccv1p0');
  assert.deepEqual(
    ['submission_types', 'allowed_extensions'].map((n) => textOf(child(canvas, n))),
    ['online_upload', 'json'],
  );
  const [fallback] = ofType(TYPES.webContent);
  assert.equal(child(fallback, 'cpx:variant').attrs.identifierref, resource.attrs.identifier);
  const page = parseXml(files[fileOf(fallback)]);
  assert.equal(textOf(child(page, 'title')), tricky.replace('\u0007', ''));
  for (const text of Object.values(files)) assert.ok(!text.includes('SECRET'), 'no instructor notes');
});

test('special characters in titles and text are escaped', () => {
  const raw = files['imsmanifest.xml'];
  assert.ok(raw.includes('Attention &amp; &quot;softmax&quot; &lt;b&gt;it&apos;s&lt;/b&gt;'));
  assert.ok(!raw.includes('<b>') && !raw.includes('\u0007'));
  assert.ok(!files['assignment/assignment.xml'].includes('<softmax>'));
});

test('the zip holds exactly the files the manifest names, and reads back the same', () => {
  const zip = cartridgeZip(lesson, site, book);
  assert.deepEqual([...zip.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip');
  const unzipped = unzipSync(zip);
  assert.deepEqual(Object.keys(unzipped).sort(), Object.keys(files).sort());
  for (const [path, bytes] of Object.entries(unzipped)) assert.equal(strFromU8(bytes), files[path], path);
  const named = resources.flatMap((r) => findAll(r, 'file').map((f) => f.attrs.href));
  assert.deepEqual([...named, 'imsmanifest.xml'].sort(), Object.keys(unzipped).sort());
  assert.deepEqual(cartridgeZip(lesson, site, book), zip, 'the same bytes every build');
});

test('every lesson in lessons/ makes a cartridge whose XML is all well-formed', () => {
  const real = bookIndex();
  for (const l of loadLessons(undefined, real)) {
    const all = cartridgeFiles(l, site, real);
    for (const [path, text] of Object.entries(all)) assert.doesNotThrow(() => parseXml(text), `${l.id}: ${path}`);
    const m = parseXml(all['imsmanifest.xml']);
    const types = findAll(m, 'resource').map((r) => r.attrs.type);
    assert.equal(types.filter((t) => t === TYPES.webLink).length, l.readings.length, l.id);
    assert.equal(types.filter((t) => t === TYPES.topic).length, l.discussion.length, l.id);
    assert.equal(types.filter((t) => t === TYPES.assignment).length, 1, l.id);
  }
});

test("points_possible counts the checkpoints at the lesson's points, as /grade/ does without settings", () => {
  const withCheckpoints: Lesson = {
    ...lesson,
    checkpoints: [
      { chapter: 'gpt', id: 'heads', points: 2 },
      { chapter: 'gpt', id: 'mask', points: 0.5 },
    ],
  };
  const assignment = parseXml(cartridgeFiles(withCheckpoints, site, book)['assignment/assignment.xml']);
  assert.equal(child(assignment, 'gradable').attrs.points_possible, '3.5');
  assert.equal(textOf(child(child(child(assignment, 'extensions'), 'assignment'), 'points_possible')), '3.5');
  assert.match(textOf(child(assignment, 'text')), /Answer the 2 checkpoint questions/);
});

test('a build whose cartridges would point at localhost warns, and says how to set the site', () => {
  for (const local of [undefined, 'http://localhost:4321', 'http://127.0.0.1:8080/', 'http://[::1]:4321', 'http://course.localhost/'])
    assert.match(localSiteWarning(local) ?? '', /link to .*which no student can open: build with SITE_URL=/, String(local));
  assert.equal(localSiteWarning('https://course.example.edu/microgpt/'), null);
  // the build runs the check that says so
  const warned: string[] = [];
  const check = buildChecks.find((c) => c.name === 'cartridge links')!;
  const logger = { info: () => {}, warn: (m: string) => void warned.push(m) };
  check.run({ site: 'http://localhost:4321', logger });
  check.run({ site: 'https://course.example.edu/', logger });
  assert.deepEqual(warned, [localSiteWarning('http://localhost:4321')]);
});
