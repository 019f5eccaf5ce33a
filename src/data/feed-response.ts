/**
 * Builds the feed endpoints' responses from the site index and settings: the
 * glue between `src/lib/feeds.ts` (pure) and the routes under `src/pages/`.
 */
import rss from '@astrojs/rss';
import { site, t, format } from '#src/site.ts';
import type { Article, SiteIndex } from '#src/lib/articles.ts';
import { type FeedContext, jsonFeed, rssChannelExtras, rssItems, rssNamespaces } from '#src/lib/feeds.ts';
import { renderedBody, socialImage } from './site-data.ts';
import { absoluteUrl } from '#src/lib/urls.ts';

const absolute = (path: string) => absoluteUrl(site.url, site.basePath, path);

async function feedContext(index: SiteIndex, articles: readonly Article[]): Promise<FeedContext> {
  const images = new Map(
    await Promise.all(
      articles.flatMap((a) => (a.image ? [socialImage(a.image).then((i) => [a.id, i.url] as const)] : [])),
    ),
  );
  const imageOf = (a: Article) => images.get(a.id);
  if (!site.feedFullText) return { absolute, sections: index.sectionsBySlug, imageOf };
  const bodies = new Map(await Promise.all(articles.map(async (a) => [a.id, await renderedBody(a.id)] as const)));
  return { absolute, sections: index.sectionsBySlug, bodyOf: (a) => bodies.get(a.id), imageOf };
}

/** An RSS 2.0 response for `articles` (newest first), at `selfPath`. */
export async function rssResponse(
  index: SiteIndex,
  options: {
    title: string;
    description: string;
    articles: Article[];
    selfPath: string;
    homePath: string;
    updated: Date | undefined;
  },
): Promise<Response> {
  const articles = options.articles.slice(0, site.feedSize);
  return rss({
    title: options.title,
    description: options.description,
    site: absolute(options.homePath),
    items: rssItems(articles, await feedContext(index, articles)),
    xmlns: rssNamespaces,
    customData: rssChannelExtras({
      locale: site.locale,
      updated: options.updated,
      selfUrl: absolute(options.selfPath),
    }),
    trailingSlash: true,
  });
}

/** The JSON Feed 1.1 response for the whole site. */
export async function jsonFeedResponse(index: SiteIndex, selfPath: string): Promise<Response> {
  const articles = index.articles.slice(0, site.feedSize);
  const feed = jsonFeed(articles, {
    ...(await feedContext(index, articles)),
    title: t('feedJson', { site: site.name }),
    description: site.description,
    language: site.locale,
    homeUrl: absolute('/'),
    feedUrl: absolute(selfPath),
    iso: format.iso,
  });
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}
