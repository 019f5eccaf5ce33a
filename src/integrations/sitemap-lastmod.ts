/**
 * Gives each URL of `@astrojs/sitemap` its `lastmod` from content. The
 * integration runs after pages are written, outside Astro's content store: it
 * takes the site index the pages were built from (`build-handoff.ts`), and
 * only without one reads the content folder through the loader's validated path.
 */
import type { SitemapItem } from '@astrojs/sitemap';
import { buildSiteIndex, type SiteIndex } from '../lib/articles.ts';
import { sharedSiteIndex } from '../lib/build-handoff.ts';
import { dictionaryFor } from '../i18n/index.ts';
import type { SiteConfig } from '../lib/config.ts';
import { readContent } from '../lib/read-content.ts';
import { lastModifiedByPath } from '../lib/sitemap.ts';
import { withBase } from '../lib/urls.ts';

async function readSiteIndex(site: SiteConfig): Promise<SiteIndex> {
  // Records only: the build has checked bodies already.
  const snapshot = await readContent(process.cwd(), site.contentDir, {
    now: site.now,
    checkBody: () => [],
    remoteImageHosts: site.remoteImageHosts,
  });
  const records = snapshot.articles.flatMap((a) => (a.record ? [a.record] : []));
  return buildSiteIndex(records, snapshot.sections, site);
}

export function sitemapLastmod(site: SiteConfig): (item: SitemapItem) => Promise<SitemapItem> {
  let byPath: Promise<Map<string, Date>> | undefined;
  const strings = dictionaryFor(site.locale);
  const load = async () => {
    const index = sharedSiteIndex() ?? (await readSiteIndex(site));
    return new Map(
      [...lastModifiedByPath(index, site.pageSize, { tags: strings.tagsPath, editors: strings.editorsPath })].map(
        ([path, date]) => [withBase(site.basePath, path), date],
      ),
    );
  };
  return async (item) => {
    byPath ??= load();
    const lastmod = (await byPath).get(new URL(item.url).pathname);
    return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
  };
}
