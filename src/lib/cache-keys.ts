/**
 * `cacheKey`s for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and code are unchanged
 * is copied from the previous build, not rendered, so a key covers everything the page shows besides its code:
 * `siteKey` (settings, menu, footer years, default social card), `articleRef` for each article (id, URL, content
 * digest) and `stampRef` for its stamp. A new route keys its pages with `pageKey(siteKey(…), route name, …)`.
 */
import { createHash } from 'node:crypto';
import type { Article, SiteIndex } from './articles.ts';
import type { SiteConfig } from './config.ts';
import type { PageStamp } from './stamps.ts';

/** A page's key from what it shows (JSON-serialisable parts). */
export function pageKey(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** An article as a page shows it; `null` for none. */
export function articleRef(article: Article | undefined): string | null {
  if (!article) return null;
  if (article.digest === undefined) throw new Error(`${article.filePath}: no content digest for the incremental build`);
  return `${article.id} ${article.path} ${article.digest}`;
}

/** A page's "last updated" stamp as shown: the instant, and whether its year is written. */
export function stampRef(stamp: PageStamp | undefined): string | null {
  return stamp ? `${stamp.date.toISOString()} ${stamp.withYear ? 'year' : 'no-year'}` : null;
}

/**
 * What every page shows besides its own content: the settings, the sections
 * menu, the footer's years, and what pages take from files outside content
 * (`files`: the default social card, whose size is read from its file).
 */
export function siteKey(index: Pick<SiteIndex, 'sections' | 'years'>, site: SiteConfig, files: unknown = null): string {
  // Neither the clock nor the content folder shows on a page: what they decide is in the page keys.
  const { now: _clock, contentDir: _folder, ...settings } = site;
  return pageKey(settings, index.sections, index.years ?? null, files);
}

/** An article page: the article, its stamp, its picks and its neighbours in the section. */
export function articlePageKey(
  site: string,
  article: Article,
  stamp: PageStamp | undefined,
  picks: readonly Article[],
  previous?: Article,
  next?: Article,
): string {
  return pageKey(site, 'article', articleRef(article), stampRef(stamp), picks.map(articleRef), [
    articleRef(previous),
    articleRef(next),
  ]);
}

/**
 * A page of a paginated list (a section's; tags' and editors' lists work the
 * same): which list, the articles on the page, its place among the pages and its stamp.
 */
export function listPageKey(
  site: string,
  list: string,
  page: { currentPage: number; lastPage: number; data: readonly Article[] },
  stamp: PageStamp | undefined,
): string {
  return pageKey(site, list, page.currentPage, page.lastPage, page.data.map(articleRef), stampRef(stamp));
}
