// ESLint for the whole tree: TypeScript (typescript-eslint's recommended rules, without type
// information, so it stays fast) and Astro components (their frontmatter, templates and scripts).
// Formatting is Prettier's (.prettierrc.json), so no rule here is about layout.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'public/', 'content/', 'engine/test/fixtures/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names are unused on purpose (a parameter a signature needs)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
