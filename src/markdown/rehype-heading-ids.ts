/**
 * Gives every section heading (`##` to `######`) an id readers can link to: ASCII, from its text with accents folded,
 * numbered when repeated (`-2`), never one of the page's own ids. Runs before Astro's heading collector, which keeps an
 * id already set and whose own slugs keep accents.
 *
 * @example
 * // ## Où en est la coopération ?   → <h2 id="ou-en-est-la-cooperation">
 * // ## Où en est la coopération ?   → <h2 id="ou-en-est-la-cooperation-2">
 */
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { slugify } from '#src/lib/slug.ts';

export interface HeadingIdsOptions {
  /** Ids the page around the article already uses, e.g. `main`; a heading never takes one. */
  reserved?: readonly string[];
}

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

export default function rehypeHeadingIds(options: HeadingIdsOptions = {}) {
  const reserved = options.reserved ?? [];
  return (tree: Root) => {
    const taken = new Set<string>(reserved);
    const headings: Element[] = [];
    collect(tree.children, taken, headings);
    for (const heading of headings) {
      const base = slugify(toString(heading)) || 'section';
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      heading.properties['id'] = id;
    }
  };
}

/** Headings without an id, in document order; ids already there are taken. */
function collect(children: RootContent[], taken: Set<string>, headings: Element[]): void {
  for (const node of children) {
    if (node.type !== 'element') continue;
    const id = node.properties['id'];
    if (typeof id === 'string') taken.add(id);
    else if (HEADINGS.has(node.tagName)) headings.push(node);
    collect(node.children, taken, headings);
  }
}
