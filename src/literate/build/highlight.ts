// Shiki, with the site's light and dark themes, showing each line's real number in the file.
import { createHighlighter, type Highlighter } from 'shiki';

export const themes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<Highlighter> | undefined;

export async function highlightLines(lines: { number: number; text: string }[]): Promise<string> {
  highlighter ??= createHighlighter({ themes: Object.values(themes), langs: ['typescript'] });
  const h = await highlighter;
  return h.codeToHtml(lines.map((l) => l.text).join('\n'), {
    lang: 'typescript',
    themes,
    transformers: [
      {
        line(node, line) {
          node.properties['data-line'] = String(lines[line - 1].number);
        },
        pre(node) {
          node.properties['tabindex'] = '0'; // scrollable regions must be reachable by keyboard
        },
      },
    ],
  });
}
