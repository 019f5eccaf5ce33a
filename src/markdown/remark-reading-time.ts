/**
 * Estimates how long the article takes to read, in whole minutes (at least 1), from the text readers read: not code
 * blocks, raw HTML, link targets or image files. Astro hands a plugin's results back only through
 * `file.data.astro.frontmatter`, so the figure goes there and the content loader moves it at once to
 * `rendered.metadata.readingMinutes` (`takeReadingMinutes`): the stored frontmatter stays what the editor wrote.
 *
 * @example
 * // wordsPerMinute: 230; a body of 700 words
 * // file.data.astro.frontmatter.readingMinutes === 3
 */
import type {} from '@astrojs/markdown-remark';
import type { Nodes, Root } from 'mdast';
import type { Transformer } from 'unified';

export interface ReadingTimeOptions {
  /**
   * Reading speed. Default 230, a common estimate for adults reading news
   * on screen in French or English.
   */
  wordsPerMinute?: number;
}

/** The key under `file.data.astro.frontmatter` while rendering, and under the stored `rendered.metadata`. */
export const READING_MINUTES = 'readingMinutes';

/**
 * A rendering's metadata with the reading time moved out of its frontmatter
 * to `metadata.readingMinutes`; `undefined` there when the plugin did not run.
 */
export function takeReadingMinutes<M extends Record<string, unknown>>(
  metadata: M,
): M & { frontmatter: Record<string, unknown>; [READING_MINUTES]: unknown } {
  const { [READING_MINUTES]: minutes, ...frontmatter } = (metadata['frontmatter'] ?? {}) as Record<string, unknown>;
  return { ...metadata, frontmatter, [READING_MINUTES]: minutes };
}

/** Whole minutes to read `words` words, rounded to the nearest and never under 1. */
export function readingMinutes(words: number, wordsPerMinute = 230): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Words in `text`: runs of characters between spaces, so "l’Arctique" and "a-t-il" count once each. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // White space, including no-break spaces; punctuation attached to words stays in them.
    const space =
      code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || code === 0x202f || code === 0x2009;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

export default function remarkReadingTime(options: ReadingTimeOptions = {}): Transformer<Root> {
  const wordsPerMinute = options.wordsPerMinute ?? 230;
  if (!(wordsPerMinute > 0) || !Number.isFinite(wordsPerMinute)) {
    throw new Error(`remark-reading-time: wordsPerMinute must be a positive number, got ${wordsPerMinute}`);
  }
  return (tree, file) => {
    const words = count(tree);
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter[READING_MINUTES] = readingMinutes(words, wordsPerMinute);
  };
}

function count(node: Nodes): number {
  if (node.type === 'text' || node.type === 'inlineCode') return countWords(node.value);
  if (node.type === 'code' || node.type === 'html' || !('children' in node)) return 0;
  let words = 0;
  for (const child of node.children) words += count(child);
  return words;
}
