import type { APIRoute, GetStaticPaths } from 'astro';
import { latestModification, type Listing } from '#src/lib/articles.ts';
import { rssResponse } from '#src/data/feed-response.ts';
import { listingWording } from '#src/lib/listings.ts';
import { getSiteIndex } from '#src/data/site-data.ts';
import { listingPath } from '#src/lib/urls.ts';
import { site, t } from '#src/site.ts';

export const getStaticPaths = (async () => {
  const index = await getSiteIndex();
  return [...index.tags.values(), ...index.editors.values()].map((listing) => ({
    params: { listing: listingWording(listing, t, site.name).segment, key: listing.slug },
    props: { listing },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ listing: Listing }> = async ({ props: { listing } }) => {
  const index = await getSiteIndex();
  const wording = listingWording(listing, t, site.name);
  const home = listingPath(wording.segment, listing.slug);
  return rssResponse(index, {
    title: wording.feedTitle,
    description: wording.description,
    articles: listing.articles,
    selfPath: `${home}rss.xml`,
    homePath: home,
    updated: latestModification(listing.articles),
  });
};
