// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { buildCacheDir } from './src/lib/cache-dir.ts';
import { devWatchIgnored } from './src/lib/dev-watch.ts';
import pageCache from './src/integrations/page-cache.ts';
import searchIndex from './src/integrations/search-index.ts';
import { siteContent } from './src/integrations/site-content.ts';
import { sitemapLastmod } from './src/integrations/sitemap-lastmod.ts';
import { markdownProcessorOptions } from './src/markdown/index.ts';
import { markdownPipeline, site } from './src/site.ts';

// The site index for the integrations that work around the pages (sitemap dates, search index).
const content = siteContent(site, markdownPipeline);

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External files only: the Content-Security-Policy allows scripts and styles from 'self'.
    inlineStylesheets: 'never',
    // Rendering waits on file writes (each page is also copied into the incremental cache);
    // four pages in flight keep the CPU busy while they happen (figures: README, Performance).
    concurrency: 4,
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    // `astro dev` watches the content folder, not the build cache or what builds and tests write (src/lib/dev-watch.ts).
    server: {
      watch: {
        ignored: [
          devWatchIgnored({
            root: resolve('.'),
            cacheDir: resolve(buildCacheDir(process.env)),
            contentDir: resolve(site.contentDir),
          }),
        ],
      },
    },
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // Article images come from the site, or from the hosts of remoteImageHosts (src/site.config.ts).
        `img-src 'self'${site.remoteImageHosts.map((host) => ` https://${host}`).join('')}`,
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // Embeds allowed in src/site.config.ts (none by default): their origins may be framed.
        ...(site.embeds.length > 0
          ? [/** @type {const} */ (`frame-src ${[...new Set(site.embeds.map((p) => new URL(p).origin))].join(' ')}`)]
          : []),
      ],
    },
  },
  // Astro 7's default, which Prettier's formatting of templates assumes: white space between
  // elements on separate lines goes, as in JSX; templates write {' '} where a space shows.
  compressHTML: 'jsx',
  cacheDir: buildCacheDir(process.env),
  markdown: {
    // Astro 7's default processor does not run remark/rehype plugins.
    // Plugins, footnote wording, GFM on and SmartyPants off: see src/markdown/index.ts.
    processor: unified(markdownProcessorOptions(markdownPipeline)),
    // Shiki colours code with inline styles, which a strict CSP forbids; news copy rarely needs it.
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  experimental: {
    // Pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are copied from the
    // previous build (kept in cacheDir), so publishing one article does not render the archive again.
    incrementalBuild: true,
  },
  integrations: [
    // Checks the pages kept from the previous build before Astro copies any, and records the new ones.
    pageCache(),
    content.integration,
    sitemap({
      // Kept out: the 404 page, and the search page whose results are the other pages.
      filter: (page) => !/\/(404|recherche)\/?$/.test(new URL(page).pathname),
      serialize: sitemapLastmod(site, content),
      // Google News entries live in their own file, /news-sitemap.xml.
      namespaces: { news: false, xhtml: false, image: false, video: false },
    }),
    // Built while Astro writes the pages; fails the build when it cannot be built.
    searchIndex(site, content),
  ],
});
