/**
 * The site index for the integrations that work around the pages (the sitemap's `lastmod`, the search index), read
 * from the content folder once per build. They run in Astro's own process, outside the content store the pages read,
 * so this reads content through the loader's validated path (`readContent`) with the same typography, digests and
 * clock (`npm run build` gives its processes one `ROTATIVE_NOW`): the same index the pages were built from.
 */
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { contentDigest, imageDigests, pipelineDigest } from '#src/lib/article-bodies.ts';
import { buildSiteIndex, type SiteIndex } from '#src/lib/articles.ts';
import type { SiteConfig } from '#src/lib/config.ts';
import { readContent } from '#src/lib/read-content.ts';
import { typesetArticle, typesetSection } from '#src/lib/typeset.ts';
import { sharedMarkdownSettings } from '#src/loaders/render-pool.ts';
import type { PipelineOptions } from '#src/markdown/index.ts';

export interface SiteContent {
  /** Starts reading at `astro:build:start`. */
  integration: AstroIntegration;
  /** The index the pages are built from, with each article's content digest. */
  index(): Promise<SiteIndex>;
  /** Astro's `cacheDir` and the project root, once the config is resolved. */
  paths(): { root: string; cacheDir: string };
}

export function siteContent(site: SiteConfig, pipeline: PipelineOptions): SiteContent {
  let config: AstroConfig | undefined;
  let reading: Promise<SiteIndex> | undefined;

  const read = async (): Promise<SiteIndex> => {
    if (!config) throw new Error('site-content: the index was asked for before Astro resolved its config');
    const root = fileURLToPath(config.root);
    const [snapshot, renderedBy] = await Promise.all([
      // Records only: the loader has checked the bodies already.
      readContent(root, site.contentDir, {
        now: site.now,
        checkBody: () => [],
        remoteImageHosts: site.remoteImageHosts,
      }),
      pipelineDigest(root, [pipeline, sharedMarkdownSettings(config)]),
    ]);
    const images = new Map<string, Promise<string>>();
    const records = await Promise.all(
      snapshot.articles.flatMap(({ record, text, images: files }) =>
        record
          ? [
              imageDigests(files, images).then((digests) => ({
                ...record,
                data: typesetArticle(record.data, site.locale),
                digest: contentDigest(text, renderedBy, digests),
              })),
            ]
          : [],
      ),
    );
    const sections = snapshot.sections.map((s) => ({ ...s, ...typesetSection(s, site.locale) }));
    return buildSiteIndex(records, sections, site);
  };

  return {
    integration: {
      name: 'rotative-site-content',
      hooks: {
        'astro:config:done': ({ config: resolved }) => {
          config = resolved;
        },
        'astro:build:start': () => {
          reading = read();
          // Whoever awaits it reports the error.
          reading.catch(() => {});
        },
      },
    },
    index: () => (reading ??= read()),
    paths: () => {
      if (!config) throw new Error('site-content: Astro has not resolved its config yet');
      return { root: fileURLToPath(config.root), cacheDir: fileURLToPath(config.cacheDir) };
    },
  };
}
