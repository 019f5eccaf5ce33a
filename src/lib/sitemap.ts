/**
 * `lastmod` for every page of the main sitemap, from content, as each page's
 * own stamp shows it (`src/lib/stamps.ts`): an article's `updated ?? date`, a
 * section's, tag's or editor's list page's newest change among the articles
 * it lists, the homepage's newest change of the site.
 */
import { type Article, latestModification, type SiteIndex } from './articles.ts';
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
  const listPages = (list: readonly Article[], path: (page: number) => string) => {
    for (let page = 1; (page - 1) * pageSize < list.length; page++) {
      const updated = latestModification(list.slice((page - 1) * pageSize, page * pageSize));
      if (updated) lastmod.set(path(page), updated);
    }
  };
  for (const section of index.sections)
    listPages(index.bySection.get(section.slug) ?? [], (page) => sectionPath(section.slug, page));
  for (const listing of [...index.tags.values(), ...index.editors.values()]) {
    const segment = listing.kind === 'tag' ? segments.tags : segments.editors;
    listPages(listing.articles, (page) => listingPath(segment, listing.slug, page));
  }
  return lastmod;
}
