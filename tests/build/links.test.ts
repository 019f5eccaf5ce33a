/**
 * Crawls the built site with linkinator, offline, through a local static
 * server: no broken internal link and no missing asset, at the root and under
 * a sub-path (as on GitHub Pages). The production URLs the pages print
 * (canonical, Open Graph, feeds) are mapped to the local server and checked too.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { check, LinkState, type LinkResult } from 'linkinator';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic } from '../support/browser.ts';
import { waitForResults } from '../support/search.ts';
import { buildFixtureSite, SEED_URL } from '../support/fixture-site.ts';
import { listPages, load } from '../support/html.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Crawls from the homepage; returns the broken links and how many were checked. */
async function crawl(
  dist: string,
  siteUrl: string,
  basePath: string,
): Promise<{ broken: string[]; checked: LinkResult[] }> {
  const server = await serveStatic(dist, { basePath });
  try {
    const local = new URL(server.url);
    const result = await check({
      path: server.url,
      recurse: true,
      checkCss: true,
      concurrency: 20,
      timeout: 10_000,
      // Absolute URLs of the production site point at the local copy.
      urlRewriteExpressions: [
        { pattern: new RegExp(`^${escape(new URL(basePath, siteUrl).href)}`), replacement: server.url },
      ],
      // Everything off this machine (share links, agencies' sites) is out of scope offline.
      linksToSkip: (link) => {
        try {
          return Promise.resolve(new URL(link).host !== local.host);
        } catch {
          return Promise.resolve(false);
        }
      },
    });
    const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
    const broken = checked
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.status} ${l.url} (on ${l.parent})`);
    return { broken, checked };
  } finally {
    await server.close();
  }
}

describe('links at the root', () => {
  it('are all valid, assets included', async () => {
    const dist = inject('fixtureDist');
    const { broken, checked } = await crawl(dist, 'https://rotative.example.org', '/');
    expect(broken).toEqual([]);
    const urls = checked.map((l) => new URL(l.url).pathname);
    // Every page was reached, and the stylesheet, fonts, feeds and search bundle were fetched.
    for (const page of await listPages(dist)) if (page !== '/404.html') expect(urls, page).toContain(page);
    expect(urls.some((u) => u.endsWith('.css'))).toBe(true);
    expect(urls.some((u) => u.endsWith('.woff2'))).toBe(true);
    expect(urls).toEqual(
      expect.arrayContaining(['/rss.xml', '/feed.json', '/favicon.svg', '/mots-cles/fictif/rss.xml']),
    );
    // The search page's script, and images in every format the pages offer.
    expect(urls.some((u) => /^\/_astro\/.*\.js$/.test(u))).toBe(true);
    for (const format of ['avif', 'webp', 'jpg'])
      expect(
        urls.some((u) => u.endsWith(`.${format}`)),
        format,
      ).toBe(true);
  });
});

describe('a site built under a sub-path', () => {
  const SITE = 'https://user.github.io';
  const BASE = '/rotative/';
  let dist: string;
  beforeAll(async () => {
    ({ dist } = await buildFixtureSite('fixture-subpath', { SITE_URL: SITE, BASE_PATH: BASE, TZ: 'UTC' }));
  });

  it('has no broken link or missing asset', async () => {
    const { broken, checked } = await crawl(dist, SITE, BASE);
    expect(broken).toEqual([]);
    expect(checked.length).toBeGreaterThan(100);
    expect(checked.every((l) => new URL(l.url).pathname.startsWith(BASE))).toBe(true);
  });

  it('prints absolute URLs under the sub-path in canonical links, feeds and sitemaps', async () => {
    const prefix = `${SITE}${BASE}`;
    const $ = load(await readFile(join(dist, SEED_URL, 'index.html'), 'utf8'));
    expect($('link[rel="canonical"]').attr('href')).toBe(`${prefix}${SEED_URL.slice(1)}`);
    expect($('meta[property="og:image"]').attr('content')).toBe(`${prefix}social-default.png`);
    const rss = load(await readFile(join(dist, 'rss.xml'), 'utf8'), { xml: true });
    expect(
      rss('item > link')
        .map((_, l) => rss(l).text())
        .get()
        .every((u) => u.startsWith(prefix)),
    ).toBe(true);
    const sitemap = load(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'), { xml: true });
    const locs = sitemap('loc')
      .map((_, l) => sitemap(l).text())
      .get();
    expect(locs.length).toBeGreaterThan(50);
    expect(locs.every((u) => u.startsWith(prefix))).toBe(true);
    expect(await readFile(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${prefix}sitemap-index.xml`);
    const search = await readFile(join(dist, 'recherche', 'index.html'), 'utf8');
    // The search page lists the bundles of the build's plan, under the sub-path; each bundle is where the plan says.
    const plan = JSON.parse(await readFile(join(dist, 'pagefind', 'bundles.json'), 'utf8')) as {
      bundles: { path: string }[];
    };
    expect(plan.bundles.length).toBeGreaterThan(0);
    expect(search).toContain(
      `data-bundle-paths="${plan.bundles.map(({ path }) => `${BASE}${path.slice(1)}`).join(' ')}"`,
    );
    for (const { path } of plan.bundles) expect(existsSync(join(dist, path, 'pagefind-entry.json')), path).toBe(true);
  });

  it('finds articles from the search page, with results under the sub-path', async () => {
    const server = await serveStatic(dist, { basePath: BASE });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}recherche/?q=Reykjavik`);
      expect((await waitForResults(page, 'Reykjavik')).paths).toEqual([`${BASE}${SEED_URL.slice(1)}`]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
