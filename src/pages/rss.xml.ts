import type { APIRoute } from 'astro';
import { rssResponse } from '#src/data/feed-response.ts';
import { getSiteIndex } from '#src/data/site-data.ts';
import { site, t } from '#src/site.ts';

export const GET: APIRoute = async () => {
  const index = await getSiteIndex();
  return rssResponse(index, {
    title: t('feedSite', { site: site.name }),
    description: site.description,
    articles: index.articles,
    selfPath: '/rss.xml',
    homePath: '/',
    updated: index.updated,
  });
};
