import type { APIRoute, GetStaticPaths } from 'astro';
import type { Section } from '#src/lib/articles.ts';
import { rssResponse } from '#src/data/feed-response.ts';
import { getSiteIndex } from '#src/data/site-data.ts';
import { sectionPath } from '#src/lib/urls.ts';
import { site, t } from '#src/site.ts';

export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  return index.sections.map((section) => ({ params: { section: section.slug }, props: { section } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ section: Section }> = async ({ props: { section } }) => {
  const index = await getSiteIndex();
  return rssResponse(index, {
    title: t('feedSection', { site: site.name, section: section.name }),
    description: section.description,
    articles: index.bySection.get(section.slug) ?? [],
    selfPath: `${sectionPath(section.slug)}rss.xml`,
    homePath: sectionPath(section.slug),
    updated: index.sectionUpdated.get(section.slug),
  });
};
