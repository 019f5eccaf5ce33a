/**
 * Settings of `rehype-external-links` for article bodies: a link that leaves
 * the site gets `rel="noopener noreferrer"` (the external page can neither
 * script the article's window nor learn where the reader came from), added to
 * any `rel` the editor wrote. Links to the site's own origin are left alone.
 *
 * @example
 * // siteUrl: 'https://news.example.org'
 * // <a href="https://other.example/" rel="nofollow"> → rel="nofollow noopener noreferrer"
 * // <a href="https://news.example.org/a/">           → unchanged
 */
import type { Element } from 'hast';
import type { Options } from 'rehype-external-links';

const ADDED = ['noopener', 'noreferrer'];

/** The `rel` an editor wrote, as a list of words. */
function relOf(element: Element): string[] {
  const rel: unknown = element.properties['rel'];
  if (Array.isArray(rel)) return rel.map(String);
  return typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
}

/** Whether `href` is an absolute web URL on another origin than `ownOrigin`. */
function leavesSite(href: unknown, ownOrigin: string | undefined): boolean {
  if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).origin !== ownOrigin;
  } catch {
    return false;
  }
}

export function externalLinksOptions(siteUrl: string | undefined): Options {
  const ownOrigin = siteUrl ? new URL(siteUrl).origin : undefined;
  return {
    // The plugin compares the scheme as written; `test` has already required http(s) in any case.
    protocols: ['http', 'https', 'HTTP', 'HTTPS'],
    test: (element) => leavesSite(element.properties['href'], ownOrigin),
    rel: (element) => [...new Set([...relOf(element), ...ADDED])],
  };
}
