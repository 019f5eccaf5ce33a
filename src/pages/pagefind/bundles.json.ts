/**
 * The search index's plan (`src/lib/search-bundles.ts`): its bundles and
 * their fingerprints, from the site index the pages are built from. The
 * search integration checks that it built exactly these; the search page
 * lists the same bundles (`bundlePaths`).
 */
import type { APIRoute } from 'astro';
import { searchPlan } from '#src/lib/search-bundles.ts';
import { getSiteIndex } from '#src/data/site-data.ts';
import { format, site } from '#src/site.ts';

export const GET: APIRoute = async () => {
  const plan = searchPlan(await getSiteIndex(), {
    locale: site.locale,
    dateTime: format.dateTime,
    size: site.searchBundleSize,
  });
  return new Response(`${JSON.stringify(plan)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
