/**
 * Gives each URL of `@astrojs/sitemap` its `lastmod` from content. The
 * integration runs after pages are written, outside Astro's content store,
 * so it reads the content folder through the same validated path the build's
 * loader uses, once, on first use.
 */
import type { SitemapItem } from '@astrojs/sitemap';
import { buildSiteIndex } from '../lib/articles.ts';
import type { SiteConfig } from '../lib/config.ts';
import { readContent } from '../lib/read-content.ts';
import { lastModifiedByPath } from '../lib/sitemap.ts';
import { withBase } from '../lib/urls.ts';

export function sitemapLastmod(site: SiteConfig): (item: SitemapItem) => Promise<SitemapItem> {
  let byPath: Promise<Map<string, Date>> | undefined;
  const load = async () => {
    const snapshot = await readContent(process.cwd(), site.contentDir);
    const records = snapshot.articles.flatMap((a) => (a.record ? [a.record] : []));
    const index = buildSiteIndex(records, snapshot.sections, site);
    return new Map([...lastModifiedByPath(index, site.pageSize)].map(([path, date]) => [withBase(site.basePath, path), date]));
  };
  return async (item) => {
    byPath ??= load();
    const lastmod = (await byPath).get(new URL(item.url).pathname);
    return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
  };
}
