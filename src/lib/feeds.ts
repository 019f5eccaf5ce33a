/**
 * Feed entries built from the site index: RSS 2.0 items for `@astrojs/rss`
 * and a JSON Feed 1.1 document. Pure: URLs, wording and bodies come in as arguments.
 *
 * @see https://www.rssboard.org/rss-specification
 * @see https://www.jsonfeed.org/version/1.1/
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Article, Section } from './articles.ts';

export interface FeedContext {
  /** Absolute URL of a site-relative path. */
  absolute: (path: string) => string;
  /** Section display names by slug. */
  sections: ReadonlyMap<string, Section>;
  /** The article's rendered, sanitised body, when full text is wanted. */
  bodyOf?: ((article: Article) => string | undefined) | undefined;
  /** Absolute URL of the article's image (its social card), when it has one. */
  imageOf?: ((article: Article) => string | undefined) | undefined;
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** Makes root-relative `href`/`src` in a body absolute, since feed readers have no base URL. */
export function absolutiseLinks(html: string, absolute: (path: string) => string): string {
  return html.replace(
    /\b(href|src)="\/(?!\/)([^"]*)"/g,
    (_, attribute: string, path: string) => `${attribute}="${absolute(`/${path}`)}"`,
  );
}

function categories(article: Article, context: FeedContext): string[] {
  const section = context.sections.get(article.data.section)?.name ?? article.data.section;
  return [section, ...article.data.tags];
}

/** RSS items, newest first as given; the source is the item's `dc:creator`. */
export function rssItems(articles: readonly Article[], context: FeedContext): RSSFeedItem[] {
  return articles.map((article) => {
    const item: RSSFeedItem = {
      title: article.data.title,
      link: context.absolute(article.path),
      pubDate: article.data.date,
      categories: categories(article, context),
      customData: `<dc:creator>${escapeXml(article.data.source)}</dc:creator>`,
    };
    // Every item is described: the summary, else the body's first sentence(s).
    item.description = article.description;
    const body = context.bodyOf?.(article);
    if (body !== undefined) item.content = absolutiseLinks(body, context.absolute);
    return item;
  });
}

/** Channel elements @astrojs/rss does not write itself: language, build date from content, self link. */
export function rssChannelExtras(options: { locale: string; updated: Date | undefined; selfUrl: string }): string {
  return [
    `<language>${escapeXml(options.locale)}</language>`,
    // The date of the newest change, not the build clock: the same content gives the same feed.
    options.updated ? `<lastBuildDate>${options.updated.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(options.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}

export const rssNamespaces = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' };

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string }[];
  tags: string[];
}

/** A JSON Feed 1.1 document; dates are written with the site zone's offset by `iso`. */
export function jsonFeed(
  articles: readonly Article[],
  context: FeedContext & {
    title: string;
    description: string;
    language: string;
    homeUrl: string;
    feedUrl: string;
    iso: (date: Date) => string;
  },
): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: context.title,
    home_page_url: context.homeUrl,
    feed_url: context.feedUrl,
    description: context.description,
    language: context.language,
    items: articles.map((article) => {
      const url = context.absolute(article.path);
      const body = context.bodyOf?.(article);
      const item: JsonFeedItem = {
        id: url,
        url,
        title: article.data.title,
        date_published: context.iso(article.data.date),
        authors: [{ name: article.data.source }],
        tags: categories(article, context),
      };
      item.summary = article.description;
      // JSON Feed requires content_html or content_text.
      if (body !== undefined) item.content_html = absolutiseLinks(body, context.absolute);
      else item.content_text = article.description;
      if (article.data.updated) item.date_modified = context.iso(article.data.updated);
      const image = context.imageOf?.(article);
      if (image) item.image = image;
      return item;
    }),
  };
}
