// /cartridges/<lesson>.imscc: each lesson as a Common Cartridge to import into an LMS, with links
// back to this site (as configured by `site` in astro.config.mjs).
import type { APIRoute, GetStaticPaths } from 'astro';
import course from 'virtual:annotated-microgpt/course';
import { cartridgeZip } from '../../lessons/build/cartridge.ts';
import type { Lesson } from '../../lessons/build/schema.ts';

export const getStaticPaths = (() => course.lessons.map((lesson) => ({ params: { lesson: lesson.id }, props: { lesson } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const zip = cartridgeZip((props as { lesson: Lesson }).lesson, import.meta.env.SITE ?? 'http://localhost:4321', course.book);
  return new Response(zip, { headers: { 'Content-Type': 'application/zip' } });
};
