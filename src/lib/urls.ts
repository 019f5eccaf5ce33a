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
