/**
 * Points in-page links (`href="#x"`) at the ids the sanitiser prefixed: it turns `id="x"` into `id="user-content-x"`
 * but leaves links alone. Footnotes are the usual case (`[^1]` links to `#fn-1`, and back to `#fnref-1`). A link whose
 * target exists unprefixed (a heading id set after the sanitiser) is left as it is.
 *
 * @example
 * // prefix: 'user-content-'
 * // <a href="#fn-1">1</a> … <li id="user-content-fn-1">
 * // → <a href="#user-content-fn-1">1</a> … <li id="user-content-fn-1">
 */
import type { Element, Root, RootContent } from 'hast';

export interface FragmentLinksOptions {
  /** The sanitiser's `clobberPrefix`. Default `user-content-`. */
  prefix?: string;
}

export default function rehypeFragmentLinks(options: FragmentLinksOptions = {}) {
  const prefix = options.prefix ?? 'user-content-';
  return (tree: Root) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    collect(tree.children, ids, links);
    for (const link of links) {
      const target = decodeFragment(String(link.properties['href']).slice(1));
      if (ids.has(target) || !ids.has(prefix + target)) continue;
      link.properties['href'] = `#${prefix}${target}`;
    }
  };
}

function collect(children: RootContent[], ids: Set<string>, links: Element[]): void {
  for (const node of children) {
    if (node.type !== 'element') continue;
    const id = node.properties['id'];
    if (typeof id === 'string') ids.add(id);
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) links.push(node);
    collect(node.children, ids, links);
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
