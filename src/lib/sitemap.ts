/**
 * `lastmod` for every page of the main sitemap, from content: an article's
 * `updated ?? date`, a section's, tag's or editor's page's newest change, the
 * homepage's newest change.
 */
import { latestModification, type SiteIndex } from './articles.ts';
import { listingPath, sectionPath } from './urls.ts';

/**
 * Site-relative path → last modification, for the pages that have one.
 * `segments` are the locale's first path segments of tag and editor pages.
 */
export function lastModifiedByPath(
  index: SiteIndex,
  pageSize: number,
  segments: { tags: string; editors: string } = { tags: 'mots-cles', editors: 'redacteurs' },
): Map<string, Date> {
  const lastmod = new Map<string, Date>();
  if (index.updated) lastmod.set('/', index.updated);
  for (const article of index.articles) lastmod.set(article.path, article.modified);
  for (const section of index.sections) {
    const list = index.bySection.get(section.slug) ?? [];
    const updated = index.sectionUpdated.get(section.slug);
    if (!updated) continue;
    const pages = Math.max(1, Math.ceil(list.length / pageSize));
    for (let page = 1; page <= pages; page++) lastmod.set(sectionPath(section.slug, page), updated);
  }
  for (const listing of [...index.tags.values(), ...index.editors.values()]) {
    const updated = latestModification(listing.articles);
    if (!updated) continue;
    const segment = listing.kind === 'tag' ? segments.tags : segments.editors;
    const pages = Math.max(1, Math.ceil(listing.articles.length / pageSize));
    for (let page = 1; page <= pages; page++) lastmod.set(listingPath(segment, listing.slug, page), updated);
  }
  return lastmod;
}
