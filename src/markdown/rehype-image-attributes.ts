/**
 * Images in article bodies load lazily and decode off the main thread (`loading="lazy"`, `decoding="async"`) unless
 * the editor said otherwise. Width and height come from the editor (`::figure{width=… height=…}`) or, for local
 * files, from Astro's image service, which runs after this and keeps these attributes.
 *
 * @example
 * // <img src="./port.jpg" alt="Le port"> → <img src="./port.jpg" alt="Le port" loading="lazy" decoding="async">
 */
import type { Root, RootContent } from 'hast';

export default function rehypeImageAttributes() {
  return (tree: Root) => {
    visit(tree.children);
  };
}

function visit(children: RootContent[]): void {
  for (const node of children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'img') {
      node.properties['loading'] ??= 'lazy';
      node.properties['decoding'] ??= 'async';
    }
    visit(node.children);
  }
}
