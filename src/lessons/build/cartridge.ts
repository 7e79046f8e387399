// A lesson as a "thin" IMS Common Cartridge 1.3 (.imscc) for an LMS to import: one module with a
// web link to each reading on this site, the assignment (a file upload of the hand-in file,
// described with the lesson's exercises) and a discussion topic per question. Nothing of the book
// is copied in; the links lead to the site. The instructor notes stay out: students see what a
// cartridge brings into a course.
//
// Version 1.3 because its assignment extension (assignment_xmlv1p0) is how a cartridge carries a
// gradable assignment that Canvas imports as one (lib/cc/importer/standard/assignment_converter.rb);
// the shape follows Canvas's own 1.3 export (lib/cc/assignment_resources.rb): the assignment
// resource plus a web page fallback naming it as its variant, for an LMS without the extension.
// Moodle's own importer reads cartridges 1.0 and 1.1 only (backup/converter/imscc11).
import { type Zippable, strToU8, zipSync } from 'fflate';
import { defaultSettings, totalPoints } from '../../grading/shared/settings.ts';
import { chapterUrl, exerciseUrl } from '../../shared/urls.ts';
import type { BookIndex, Lesson } from './schema.ts';
import { el, escapeXml, textEl, xmlDocument } from './xml.ts';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CP = 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1';
const LOM_RESOURCE = 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource';
const LOM_MANIFEST = 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest';
const CPX = 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_extensionv1p2';
const WEB_LINK = 'http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3';
const TOPIC = 'http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3';
const ASSIGNMENT = 'http://www.imsglobal.org/xsd/imscc_extensions/assignment';
const CANVAS = 'http://canvas.instructure.com/xsd/cccv1p0';

const SCHEMAS = {
  manifest: [
    [LOM_RESOURCE, 'http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd'],
    [CP, 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd'],
    [LOM_MANIFEST, 'http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd'],
    [CPX, 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_cpextensionv1p2_v1p0.xsd'],
  ],
  webLink: [[WEB_LINK, 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd']],
  topic: [[TOPIC, 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imsdt_v1p3.xsd']],
  assignment: [[ASSIGNMENT, 'http://www.imsglobal.org/profile/cc/cc_extensions/cc_extresource_assignmentv1p0_v1p0.xsd']],
  canvas: [[CANVAS, 'http://canvas.instructure.com/xsd/cccv1p0.xsd']],
};
const schemaLocation = (pairs: string[][]) => pairs.map((p) => p.join(' ')).join(' ');

export const TYPES = { webLink: 'imswl_xmlv1p3', topic: 'imsdt_xmlv1p3', assignment: 'assignment_xmlv1p0', webContent: 'webcontent' };

export type CartridgeFiles = Record<string, string>; // path in the zip -> text

// an absolute URL for a site path (the path already carries the site's base)
const absolute = (siteUrl: string, path: string) => new URL(path, siteUrl).href;

const html = (text: string) => escapeXml(text);

function titleOfQuestion(question: string, i: number): string {
  const words = question.split(/\s+/);
  let title = '';
  for (const w of words) {
    if ((title + ' ' + w).trim().length > 70) return `Discussion ${i + 1}: ${title}…`;
    title = (title + ' ' + w).trim();
  }
  return `Discussion ${i + 1}: ${title}`;
}

interface Resource {
  id: string;
  type: string;
  file: string;
  href?: string; // web links and topics must not have one; the assignment and its page do
  variantOf?: string;
  title?: string; // the module item's title; a resource without one is reached through its variant
}

function readingTitle(book: BookIndex, r: Lesson['readings'][number]): string {
  const chapter = book.chapters[r.chapter];
  const section = r.section === undefined ? undefined : chapter.sections.find((s) => s.id === r.section)?.text;
  return `Read: ${chapter.title}${section ? `: ${section}` : ''}${r.note ? ` (${r.note})` : ''}`;
}

function assignmentHtml(lesson: Lesson, siteUrl: string, book: BookIndex): string {
  const exercises = lesson.exercises.map((e) => {
    const chapter = book.chapters[e.chapter];
    const title = chapter.exercises.find((x) => x.id === e.id)?.title ?? e.id;
    return `<li><a href="${html(absolute(siteUrl, exerciseUrl(e.chapter, e.id)))}">${html(title)}</a> (${html(chapter.title)})</li>`;
  });
  const file = `${lesson.id}-your-name.json`;
  // the objectives, not the summary: the summary is written for the instructor
  return [
    `<p>By the end of this lesson you can:</p>`,
    `<ul>${lesson.objectives.map((o) => `<li>${html(o)}</li>`).join('')}</ul>`,
    `<p>Read the pages linked in this module first.</p>`,
    ...(exercises.length > 0 ? [`<p>Do these exercises in the book. Each one checks itself when you press Check.</p>`, `<ol>${exercises.join('')}</ol>`] : []),
    ...(lesson.checkpoints.length > 0
      ? [
          `<p>Answer the ${lesson.checkpoints.length === 1 ? 'checkpoint question' : `${lesson.checkpoints.length} checkpoint questions`} in the readings that the assignment page lists: they count too.</p>`,
        ]
      : []),
    `<h3>Hand in</h3>`,
    `<p>Open the assignment link your instructor gives you: it shows what to read and do, your progress and the due date.</p>`,
    `<p>When you are done, press <strong>Download hand-in file</strong> on that page. It saves one file, named like <code>${html(file)}</code>. Upload that file here, as it is: it carries a checksum, and a file changed by hand is refused.</p>`,
    `<p>Your instructor's page checks every exercise again, on the code in the file.</p>`,
  ].join('\n');
}

function assignmentXml(lesson: Lesson, id: string, description: string): string {
  // the grading page's default: 1 point per exercise, each checkpoint the lesson's points
  const points = totalPoints(defaultSettings(lesson, '9999-12-31'));
  // Canvas reads its own settings from the extension: an upload of .json files, graded in points
  const canvas = el(
    'assignment',
    { xmlns: CANVAS, identifier: `${id}_canvas`, 'xsi:schemaLocation': schemaLocation(SCHEMAS.canvas) },
    textEl('title', lesson.title),
    textEl('submission_types', 'online_upload'),
    textEl('allowed_extensions', 'json'),
    textEl('grading_type', 'points'),
    textEl('points_possible', String(points)),
  );
  return xmlDocument(
    el(
      'assignment',
      { xmlns: ASSIGNMENT, 'xmlns:xsi': XSI, 'xsi:schemaLocation': schemaLocation(SCHEMAS.assignment), identifier: id },
      textEl('title', lesson.title),
      textEl('text', description, { texttype: 'text/html' }),
      textEl('gradable', 'true', { points_possible: points }),
      el('submission_formats', {}, el('format', { type: 'file' })),
      el('extensions', {}, canvas),
    ),
  );
}

const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8"/>\n<title>${html(title)}</title>\n</head>\n<body>\n<h1>${html(title)}</h1>\n${body}\n</body>\n</html>\n`;

// the cartridge's files, imsmanifest.xml first, for a site served at siteUrl
export function cartridgeFiles(lesson: Lesson, siteUrl: string, book: BookIndex): CartridgeFiles {
  const p = `cc_${lesson.id}`; // identifiers are XML IDs: they must not start with a digit
  const files: CartridgeFiles = { 'imsmanifest.xml': '' };
  const resources: Resource[] = [];

  lesson.readings.forEach((r, i) => {
    const title = readingTitle(book, r);
    const file = `weblinks/reading-${i + 1}.xml`;
    const url = absolute(siteUrl, chapterUrl(r.chapter, r.section));
    files[file] = xmlDocument(el('webLink', { xmlns: WEB_LINK, 'xmlns:xsi': XSI, 'xsi:schemaLocation': schemaLocation(SCHEMAS.webLink) }, textEl('title', title), el('url', { href: url })));
    resources.push({ id: `${p}_reading_${i + 1}`, type: TYPES.webLink, file, title });
  });

  const assignmentId = `${p}_assignment`;
  const description = assignmentHtml(lesson, siteUrl, book);
  files['assignment/assignment.xml'] = assignmentXml(lesson, assignmentId, description);
  files['assignment/assignment.html'] = page(lesson.title, description);
  resources.push({ id: assignmentId, type: TYPES.assignment, file: 'assignment/assignment.xml', href: 'assignment/assignment.xml' });
  // the module item points at the page; an LMS that knows assignments takes its variant instead
  resources.push({
    id: `${assignmentId}_fallback`,
    type: TYPES.webContent,
    file: 'assignment/assignment.html',
    href: 'assignment/assignment.html',
    variantOf: assignmentId,
    title: `Hand in: ${lesson.title}`,
  });

  lesson.discussion.forEach((q, i) => {
    const title = titleOfQuestion(q, i);
    const file = `discussions/discussion-${i + 1}.xml`;
    files[file] = xmlDocument(
      el('topic', { xmlns: TOPIC, 'xmlns:xsi': XSI, 'xsi:schemaLocation': schemaLocation(SCHEMAS.topic) }, textEl('title', title), textEl('text', `<p>${html(q)}</p>`, { texttype: 'text/html' })),
    );
    resources.push({ id: `${p}_discussion_${i + 1}`, type: TYPES.topic, file, title });
  });

  files['imsmanifest.xml'] = manifest(lesson, p, resources);
  return files;
}

function manifest(lesson: Lesson, p: string, resources: Resource[]): string {
  const lom = el(
    'lomimscc:lom',
    {},
    el(
      'lomimscc:general',
      {},
      el('lomimscc:title', {}, textEl('lomimscc:string', lesson.title, { language: 'en' })),
      el('lomimscc:description', {}, textEl('lomimscc:string', lesson.summary, { language: 'en' })),
    ),
  );
  const items = resources.flatMap((r) => (r.title ? [el('item', { identifier: `${r.id}_item`, identifierref: r.id }, textEl('title', r.title))] : []));
  const module = el('item', { identifier: `${p}_module` }, textEl('title', lesson.title), ...items);
  const organization = el('organization', { identifier: `${p}_org`, structure: 'rooted-hierarchy' }, el('item', { identifier: `${p}_root` }, module));
  const resourceEls = resources.map((r) =>
    el(
      'resource',
      { identifier: r.id, type: r.type, href: r.href },
      ...(r.variantOf ? [el('cpx:variant', { identifier: `${r.id}_variant`, identifierref: r.variantOf }, el('cpx:metadata'))] : []),
      el('file', { href: r.file }),
    ),
  );
  return xmlDocument(
    el(
      'manifest',
      { identifier: p, xmlns: CP, 'xmlns:lom': LOM_RESOURCE, 'xmlns:lomimscc': LOM_MANIFEST, 'xmlns:cpx': CPX, 'xmlns:xsi': XSI, 'xsi:schemaLocation': schemaLocation(SCHEMAS.manifest) },
      el('metadata', {}, textEl('schema', 'IMS Common Cartridge'), textEl('schemaversion', '1.3.0'), lom),
      el('organizations', {}, organization),
      el('resources', {}, ...resourceEls),
    ),
  );
}

// the same files zipped; a fixed date on every entry, so a rebuild makes the same bytes
export function cartridgeZip(lesson: Lesson, siteUrl: string, book: BookIndex): Uint8Array<ArrayBuffer> {
  const mtime = new Date('2020-01-01T00:00:00Z');
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(cartridgeFiles(lesson, siteUrl, book))) entries[path] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 9 });
}
