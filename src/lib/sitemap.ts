/**
 * `lastmod` for every page of the main sitemap, from content, as each page's
 * own stamp shows it (`src/lib/stamps.ts`): an article's `updated ?? date`, a
 * section page's newest change among the articles it lists, the homepage's
 * newest change of the site.
 */
import { latestModification, type SiteIndex } from './articles.ts';
import { sectionPath } from './urls.ts';

/** Site-relative path → last modification, for the pages that have one. */
export function lastModifiedByPath(index: SiteIndex, pageSize: number): Map<string, Date> {
  const lastmod = new Map<string, Date>();
  if (index.updated) lastmod.set('/', index.updated);
  for (const article of index.articles) lastmod.set(article.path, article.modified);
  for (const section of index.sections) {
    const list = index.bySection.get(section.slug) ?? [];
    for (let page = 1; (page - 1) * pageSize < list.length; page++) {
      const updated = latestModification(list.slice((page - 1) * pageSize, page * pageSize));
      if (updated) lastmod.set(sectionPath(section.slug, page), updated);
    }
  }
  return lastmod;
}
