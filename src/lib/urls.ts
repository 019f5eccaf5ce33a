/**
 * Every URL the site prints is built here, so the base path and the trailing
 * slash are applied in one place. Paths are site-relative (`/international/`)
 * until `withBase` or `absoluteUrl` places them on the host.
 */
import { zonedParts } from './dates.ts';

/** `/international/2021/05/21/lavrov-blinken/`: the date is the local publication day. */
export function articlePath(section: string, date: Date, slug: string, timeZone: string): string {
  const { yyyy, MM, dd } = zonedParts(date, timeZone);
  return `/${section}/${yyyy}/${MM}/${dd}/${slug}/`;
}

/** `/international/` for page 1, `/international/2/` after. */
export function sectionPath(section: string, page = 1): string {
  return page <= 1 ? `/${section}/` : `/${section}/${page}/`;
}

/** Puts a site-relative path under the base path: (`/rotative/`, `/a/`) → `/rotative/a/`. */
export function withBase(basePath: string, path: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site-relative path, for feeds, canonical links and sharing. */
export function absoluteUrl(siteUrl: string, basePath: string, path: string): string {
  return new URL(withBase(basePath, path), siteUrl).href;
}

/**
 * The first path segment of every URL the site itself writes, besides
 * sections: pages and feeds (`src/pages/`), Astro's assets, the search index
 * and the sitemaps. A section slug may not take one, or its pages and the
 * site's would land at the same address (tests/lib/urls.test.ts keeps this
 * list in step with `src/pages/`). What a newsroom puts at the top of
 * `public/` is not listed here: `readSections` reads that folder and refuses
 * those names too.
 */
export const RESERVED_PATHS = [
  // src/pages/
  '404',
  // src/pages/[listing]/: tag and editor pages, in every shipped language (tagsPath, editorsPath)
  'mots-cles',
  'redacteurs',
  'tags',
  'editors',
  'recherche',
  'rss.xml',
  'feed.json',
  'news-sitemap.xml',
  'robots.txt',
  // @astrojs/sitemap
  'sitemap-index.xml',
  'sitemap-0.xml',
  // the build's own folders
  '_astro',
  'pagefind',
] as const;

/** Whether a section slug would collide with a path of the site's own (`recherche`, `pagefind`, `sitemap-3.xml`…). */
export function isReservedPath(segment: string): boolean {
  return (RESERVED_PATHS as readonly string[]).includes(segment) || /^sitemap-\d+\.xml$/.test(segment);
}

/** `/mots-cles/arctique/` for page 1, `/mots-cles/arctique/2/` after; `segment` is the locale's (`tagsPath`, `editorsPath`). */
export function listingPath(segment: string, slug: string, page = 1): string {
  return page <= 1 ? `/${segment}/${slug}/` : `/${segment}/${slug}/${page}/`;
}
