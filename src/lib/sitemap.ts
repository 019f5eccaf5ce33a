/**
 * `lastmod` for every page of the main sitemap, from content: an article's
 * `updated ?? date`, a section page's newest change, the homepage's newest change.
 */
import type { SiteIndex } from './articles.ts';
import { sectionPath } from './urls.ts';

/** Site-relative path → last modification, for the pages that have one. */
export function lastModifiedByPath(index: SiteIndex, pageSize: number): Map<string, Date> {
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
  return lastmod;
}
