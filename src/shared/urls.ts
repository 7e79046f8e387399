// The site's URLs, under the base path it is served from. Astro sets import.meta.env.BASE_URL at
// build and in the page's bundles; plain Node (the unit tests) has no import.meta.env, so '/'.
const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');

const hash = (fragment: string | null | undefined) => (fragment ? `#${fragment}` : '');

// a page or file of the site, by its path from the site's root: siteUrl('grade/') -> '/grade/'
export const siteUrl = (path: string): string => `${base}/${path.replace(/^\//, '')}`;

export const chapterUrl = (slug: string, fragment?: string | null): string => siteUrl(`chapters/${slug}/${hash(fragment)}`);
export const exerciseUrl = (chapter: string, id: string): string => chapterUrl(chapter, `exercise-${id}`);
export const engineUrl = (module: string, region?: string): string => siteUrl(`engine/${module}/${hash(region && `region-${region}`)}`);
export const lessonUrl = (id: string): string => siteUrl(`lessons/${id}/`);
export const cartridgeUrl = (lesson: string): string => siteUrl(`cartridges/${lesson}.imscc`);
export const assignUrl = (lesson?: string): string => siteUrl(`assign/${lesson ? `?lesson=${encodeURIComponent(lesson)}` : ''}`);

export const lessonsUrl = siteUrl('lessons/');
export const assignmentUrl = siteUrl('assignment/');
export const gradeUrl = siteUrl('grade/');

// the chapter a path is the page of ('/chapters/dataset/' -> 'dataset'), or null
export function chapterOfPath(pathname: string): string | null {
  const prefix = siteUrl('chapters/');
  if (!pathname.startsWith(prefix)) return null;
  const slug = pathname.slice(prefix.length).replace(/\/$/, '');
  return slug !== '' && !slug.includes('/') ? slug : null;
}
