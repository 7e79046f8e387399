// Shiki, with the site's light and dark themes, showing each line's real number in the file.
import { createHighlighter, type Highlighter } from 'shiki';

export const themes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<Highlighter> | undefined;

// focusable: a cell's code is (focusing it opens the editor); quoted source, which wraps and never
// scrolls, is not a stop for the keyboard on the way through a chapter
export async function highlightLines(lines: { number: number; text: string }[], { focusable = true } = {}): Promise<string> {
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
          if (focusable) node.properties['tabindex'] = '0';
          else delete node.properties['tabindex']; // Shiki's own default
        },
      },
    ],
  });
}
