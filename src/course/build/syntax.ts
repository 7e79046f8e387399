// The Markdown a chapter is written in, beyond CommonMark and MDX: GFM (tables, autolinks, strike-
// through), math ($…$ and $$…$$) and smart punctuation. One list, for the site's pipeline (the
// course() integration puts it first among the remark plugins and turns off the copies @astrojs/mdx
// would add) and for the book model's parser (src/book/build/parse.ts), so that positions, headings
// and nesting are the same in both.
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkSmartypants from 'remark-smartypants';

export const syntaxPlugins = [remarkGfm, remarkMath, remarkSmartypants];
