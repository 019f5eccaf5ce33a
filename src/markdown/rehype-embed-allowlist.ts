/**
 * Keeps an `<iframe>` only when its `src` starts with an allow-listed prefix;
 * runs after the sanitiser, which only knows tag and attribute names.
 *
 * @example
 * // embedPrefixes: ['https://www.youtube-nocookie.com/embed/']
 * // <iframe src="https://evil.example/x"> is removed;
 * // <iframe src="https://www.youtube-nocookie.com/embed/abc" title="…"> stays.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface EmbedAllowlistOptions {
  /** URL prefixes an iframe may load; empty removes every iframe. */
  embedPrefixes?: readonly string[];
}

export default function rehypeEmbedAllowlist(options: EmbedAllowlistOptions = {}) {
  const prefixes = options.embedPrefixes ?? [];
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe' || !parent || index === undefined) return undefined;
      const src = node.properties['src'];
      const allowed =
        typeof src === 'string' &&
        prefixes.some((prefix) => src.startsWith(prefix)) &&
        typeof node.properties['title'] === 'string';
      if (allowed) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
