import type { APIRoute } from 'astro';
import { newsSitemapArticles, newsSitemapXml } from '#src/lib/news-sitemap.ts';
import { getSiteIndex } from '#src/data/site-data.ts';
import { absoluteUrl } from '#src/lib/urls.ts';
import { format, site } from '#src/site.ts';

export const GET: APIRoute = async () => {
  const index = await getSiteIndex();
  const absolute = (path: string) => absoluteUrl(site.url, site.basePath, path);
  const entries = newsSitemapArticles(index.articles, site.now).map((article) => ({
    url: absolute(article.path),
    title: article.data.title,
    published: format.iso(article.data.date),
  }));
  const xml = await newsSitemapXml(entries, {
    name: site.newsPublicationName,
    locale: site.locale,
    homeUrl: absolute('/'),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
