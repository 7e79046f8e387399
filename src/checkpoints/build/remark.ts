// remark plugin: each <Checkpoint id="…"> of a chapter gets its question as the page holds it (the
// book's checkpoints, computed and sealed once per process: book-checkpoints.ts) as its data prop,
// in place of the ```yaml block inside it, which never reaches the page.
import type { Root } from 'mdast';
import { chapterOf, isChapterFile } from '../../book/build/book.ts';
import { propAttributes } from '../../course/build/mdx.ts';
import { bookCheckpoints, checkpointIn } from './book-checkpoints.ts';

export function remarkCheckpoints() {
  return async (tree: Root, file: { path?: string; value?: unknown }) => {
    if (!isChapterFile(file.path)) return;
    const chapter = chapterOf(tree, file.path!, String(file.value ?? ''));
    if (chapter.checkpoints.length === 0) return;
    const all = await bookCheckpoints(); // throws, naming every answer that no longer follows
    for (const checkpoint of chapter.checkpoints) {
      checkpoint.element.attributes = propAttributes({ data: checkpointIn(all, chapter.slug, checkpoint.id) }) as typeof checkpoint.element.attributes;
      checkpoint.element.children = [];
    }
  };
}
