/**
 * Gives each URL of `@astrojs/sitemap` its `lastmod` from content, as each
 * page's own stamp shows it: from the site index read by `site-content.ts`,
 * the one the pages were built from.
 */
import type { SitemapItem } from '@astrojs/sitemap';
import { dictionaryFor } from '#src/i18n/index.ts';
import type { SiteConfig } from '#src/lib/config.ts';
import { lastModifiedByPath } from '#src/lib/sitemap.ts';
import { withBase } from '#src/lib/urls.ts';
import type { SiteContent } from './site-content.ts';

export function sitemapLastmod(
  site: SiteConfig,
  content: Pick<SiteContent, 'index'>,
): (item: SitemapItem) => Promise<SitemapItem> {
  let byPath: Promise<Map<string, Date>> | undefined;
  const strings = dictionaryFor(site.locale);
  const load = async () => {
    const lastmod = lastModifiedByPath(await content.index(), site.pageSize, {
      tags: strings.tagsPath,
      editors: strings.editorsPath,
    });
    return new Map([...lastmod].map(([path, date]) => [withBase(site.basePath, path), date]));
  };
  return async (item) => {
    byPath ??= load();
    const lastmod = (await byPath).get(new URL(item.url).pathname);
    return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
  };
}
