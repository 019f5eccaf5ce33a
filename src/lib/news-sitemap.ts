/**
 * The Google News sitemap: the articles published in the two days before the build's clock (an argument), at most
 * 1,000. With none in the window it lists the homepage alone, without a `<news:news>` entry (which Google News skips),
 * since the official XSD requires at least one `<url>`.
 *
 * @see https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import { SitemapStream, streamToPromise } from 'sitemap';
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

export interface NewsEntry {
  /** Absolute URL of the article. */
  url: string;
  title: string;
  /** W3C date-time with offset. */
  published: string;
}

/** The news sitemap's XML for `entries`; with none, the homepage alone (see above). */
export async function newsSitemapXml(
  entries: readonly NewsEntry[],
  publication: { name: string; locale: string; homeUrl: string },
): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  if (entries.length === 0) stream.write({ url: publication.homeUrl });
  for (const entry of entries) {
    stream.write({
      url: entry.url,
      news: {
        publication: { name: publication.name, language: newsLanguage(publication.locale) },
        publication_date: entry.published,
        title: entry.title,
      },
    });
  }
  stream.end();
  return (await streamToPromise(stream)).toString();
}
