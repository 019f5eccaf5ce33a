import type { APIRoute } from 'astro';
import { SitemapStream, streamToPromise } from 'sitemap';
import { EMPTY_NEWS_SITEMAP, newsLanguage, newsSitemapArticles } from '../lib/news-sitemap.ts';
import { getSiteIndex } from '../lib/site-data.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { format, site } from '../site.ts';

export const GET: APIRoute = async () => {
  const index = await getSiteIndex();
  const articles = newsSitemapArticles(index.articles, site.now);
  let xml = EMPTY_NEWS_SITEMAP;
  if (articles.length > 0) {
    const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
    for (const article of articles) {
      stream.write({
        url: absoluteUrl(site.url, site.basePath, article.path),
        news: {
          publication: { name: site.newsPublicationName, language: newsLanguage(site.locale) },
          publication_date: format.iso(article.data.date),
          title: article.data.title,
        },
      });
    }
    stream.end();
    xml = (await streamToPromise(stream)).toString();
  }
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
