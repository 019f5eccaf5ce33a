/**
 * `cacheKey`s for Astro's incremental build (`experimental.incrementalBuild`):
 * a page is copied from the previous build, not rendered, when its key and
 * its code are unchanged. A key must therefore change with everything the page
 * shows, except the site-wide "last updated" stamp and the footer's copyright
 * year, which `integrations/site-stamp.ts` brings up to date in every page.
 *
 * An article is named by its id, URL and content digest (file and Markdown
 * pipeline), which cover its headline, dates, standfirst, reading time and body.
 */
import { createHash } from 'node:crypto';
import type { Article, Listing, SiteIndex } from './articles.ts';
import type { SiteConfig } from './config.ts';

function hash(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

function ref(article: Article | undefined): string | null {
  if (!article) return null;
  if (article.digest === undefined) throw new Error(`${article.filePath}: no content digest for the incremental build`);
  return `${article.id} ${article.path} ${article.digest}`;
}

/** What every page shows besides its own content: the settings, the sections menu, whether a stamp is shown. */
export function siteKey(index: SiteIndex, site: SiteConfig): string {
  // Neither the clock nor the content folder shows on a page: what they decide is in the article keys.
  const { now: _clock, contentDir: _folder, ...settings } = site;
  return hash([settings, index.sections, index.updated !== undefined]);
}

/** Stands for "the section's newest articles" in an article page's key. */
export const SECTION_NEWEST = 'section-newest';

/**
 * An article page: the article, its picks and its neighbours in the section.
 * Picks that are the section's newest (`picksAreSectionNewest`) are left out,
 * as the stamp is: they are brought up to date after the build, from the
 * section's picks page (`sectionPicksKey`).
 */
export function articlePageKey(
  site: string,
  article: Article,
  picks: readonly Article[] | typeof SECTION_NEWEST,
  previous?: Article,
  next?: Article,
): string {
  return hash([site, ref(article), picks === SECTION_NEWEST ? picks : picks.map(ref), ref(previous), ref(next)]);
}

/** A section's picks page: the section's newest articles. */
export function sectionPicksKey(site: string, section: string, newest: readonly Article[]): string {
  return hash([site, section, newest.map(ref)]);
}

/** A page of a section's list: the articles on it, its place among the pages and the section's own stamp. */
export function sectionPageKey(
  site: string,
  section: string,
  page: { currentPage: number; lastPage: number; data: readonly Article[] },
  sectionUpdated: Date | undefined,
): string {
  return hash([
    site,
    section,
    page.currentPage,
    page.lastPage,
    page.data.map(ref),
    sectionUpdated?.toISOString() ?? null,
  ]);
}

/**
 * A page of a tag's or an editor's list: the name shown (spelling of the newest
 * article), the articles on it and its place among the pages. The teasers'
 * images and standfirsts come from the articles, whose digests cover them.
 */
export function listingPageKey(
  site: string,
  listing: Pick<Listing, 'kind' | 'slug' | 'name'>,
  page: { currentPage: number; lastPage: number; data: readonly Article[] },
): string {
  return hash([site, listing.kind, listing.slug, listing.name, page.currentPage, page.lastPage, page.data.map(ref)]);
}
