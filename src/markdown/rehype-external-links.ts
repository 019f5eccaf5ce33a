/**
 * Marks links that leave the site with `rel="noopener noreferrer"`, so an
 * external page can neither script the article's window nor learn where the
 * reader came from. Other `rel` values an editor set are kept.
 *
 * @example
 * // siteUrl: 'https://news.example.org'
 * // <a href="https://other.example/">      → <a href="https://other.example/" rel="noopener noreferrer">
 * // <a href="https://news.example.org/a/"> → unchanged
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface ExternalLinksOptions {
  /** The site's own origin; links to it are internal. */
  siteUrl?: string;
}

const ADDED = ['noopener', 'noreferrer'];

export default function rehypeExternalLinks(options: ExternalLinksOptions = {}) {
  const ownOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return;
      let origin: string;
      try {
        origin = new URL(href).origin;
      } catch {
        return;
      }
      if (origin === ownOrigin) return;
      const rel: unknown = node.properties['rel'];
      const current = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : [];
      node.properties['rel'] = [...new Set([...current.filter(Boolean), ...ADDED])];
    });
  };
}
