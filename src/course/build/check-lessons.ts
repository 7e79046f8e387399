// Astro integration: `astro build` checks every lesson plan in lessons/ first, and stops with each
// problem as "lessons/<file>: <field>: <message>" (a missing field, an unknown chapter, section or
// exercise) before building anything.
import type { AstroIntegration } from 'astro';
import { loadLessons } from '../../lessons/build/lessons.ts';

export function checkLessons(): AstroIntegration {
  return {
    name: 'microgpt:check-lessons',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const lessons = loadLessons(); // throws a LessonError listing every problem
        logger.info(`${lessons.length} lessons checked`);
      },
    },
  };
}
