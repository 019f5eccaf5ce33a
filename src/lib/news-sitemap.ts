/**
 * The Google News sitemap: only articles published in the two days before the
 * build's clock, at most 1,000. The clock is an argument; CI's scheduled builds
 * keep the window current.
 *
 * @see https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import type { Article } from './articles.ts';

export const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;
export const NEWS_LIMIT = 1000;

/** Articles dated in (now − 2 days, now], newest first, at most 1,000. */
export function newsSitemapArticles(articles: readonly Article[], now: Date): Article[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  return articles
    .filter((a) => a.data.date.getTime() > from && a.data.date.getTime() <= now.getTime())
    .slice(0, NEWS_LIMIT);
}

/** The `news:language` code: ISO 639 language of a BCP 47 locale (`fr-FR` → `fr`). */
export function newsLanguage(locale: string): string {
  return (locale.split('-')[0] ?? locale).toLowerCase();
}

/**
 * The news sitemap with no article in the window. The `sitemap` package refuses
 * to write an empty urlset, but crawlers expect the file to exist and parse.
 */
export const EMPTY_NEWS_SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>\n';
