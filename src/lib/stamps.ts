/**
 * "Dernière mise à jour": each page's own last change, from content, never from the build's clock: an article's
 * `updated ?? date`, a list page's newest among its articles, the homepage's (and the search and 404 pages') the
 * site's newest. The year is written only when it is not the build clock's year in the site's zone ("le 21/05", "le
 * 21/05/2021"), so a page's cache key must carry that decision (`withYear`).
 */
import { type Article, latestModification } from './articles.ts';
import { yearInZone } from './dates.ts';

export type { YearSpan } from './articles.ts';

/** What a page's stamp shows. */
export interface PageStamp {
  date: Date;
  /** Whether the date is written with its year: it is not in the build clock's year. */
  withYear: boolean;
}

/** The stamp of a page last changed at `date`, as seen at `now`; none for a page without content. */
export function pageStamp(date: Date | undefined, now: Date, timeZone: string): PageStamp | undefined {
  if (!date) return undefined;
  return { date, withYear: yearInZone(date, timeZone) !== yearInZone(now, timeZone) };
}

/** The stamp of a page that lists `articles`: their newest change. */
export function listStamp(
  articles: readonly Pick<Article, 'modified'>[],
  now: Date,
  timeZone: string,
): PageStamp | undefined {
  return pageStamp(latestModification(articles), now, timeZone);
}
