/**
 * Gives each URL of `@astrojs/sitemap` its `lastmod` from content. The
 * sitemap is written after the pages, outside Astro's content store, so this
 * reads the content folder through the same validated path as the loader and
 * the checker (`readContent`), and builds the same site index with the same
 * clock (`npm run build` gives every process of a build one `ROTATIVE_NOW`).
 */
import type { SitemapItem } from '@astrojs/sitemap';
import { buildSiteIndex, type SiteIndex } from '../lib/articles.ts';
import type { SiteConfig } from '../lib/config.ts';
import { readContent } from '../lib/read-content.ts';
import { lastModifiedByPath } from '../lib/sitemap.ts';
import { withBase } from '../lib/urls.ts';

async function readSiteIndex(site: SiteConfig): Promise<SiteIndex> {
  // Records only: the build has checked bodies already.
  const snapshot = await readContent(process.cwd(), site.contentDir, { now: site.now, checkBody: () => [] });
  const records = snapshot.articles.flatMap((a) => (a.record ? [a.record] : []));
  return buildSiteIndex(records, snapshot.sections, site);
}

export function sitemapLastmod(site: SiteConfig): (item: SitemapItem) => Promise<SitemapItem> {
  let byPath: Promise<Map<string, Date>> | undefined;
  const load = async () => {
    const index = await readSiteIndex(site);
    return new Map(
      [...lastModifiedByPath(index, site.pageSize)].map(([path, date]) => [withBase(site.basePath, path), date]),
    );
  };
  return async (item) => {
    byPath ??= load();
    const lastmod = (await byPath).get(new URL(item.url).pathname);
    return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
  };
}
