/**
 * Hands the site index the pages were built from to the integrations that
 * run after them in the same process (the sitemap's `lastmod`), so they
 * neither read and validate all content again nor see another clock's `now`.
 * The pages' bundle has its own copy of this module; the registered symbol is
 * what both copies share.
 */
import type { SiteIndex } from './articles.ts';

const KEY = Symbol.for('rotative.site-index');

export function shareSiteIndex(index: SiteIndex): void {
  (globalThis as Record<symbol, unknown>)[KEY] = index;
}

/** The index this build's pages used; `undefined` before any page asked for it. */
export function sharedSiteIndex(): SiteIndex | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as SiteIndex | undefined;
}
