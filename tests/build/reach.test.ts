/**
 * Feeds, sitemaps, robots.txt, structured data and social cards of the
 * fixture site, read with real parsers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { FRONT_COUNT, GENERATED_COUNT, NEWEST_URL, readPage, SEED_URL } from '../support/fixture-site.ts';
import { xsdErrors } from '../support/xsd.ts';
import { listPages, load, squash } from '../support/html.ts';

const dist = inject('fixtureDist');
const SITE = 'https://rotative.example.org';
const PUBLISHED = GENERATED_COUNT + FRONT_COUNT + 1;
const read = (path: string) => readFile(join(dist, path), 'utf8');
const xml = async (path: string) => load(await read(path), { xml: true });

interface RssItem {
  title: string;
  link: string;
  guid: string;
  isoDate: string;
  categories: string[];
  creator: string;
  contentSnippet?: string;
}

const parser = new Parser<{ language?: string }, RssItem>({ customFields: { feed: ['language'] } });
let articlePages: string[];
beforeAll(async () => {
  articlePages = (await listPages(dist)).filter((p) => /^\/[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/.test(p));
});

describe('the site RSS feed', () => {
  it('parses and lists every published article, newest first, up to 50', async () => {
    const feed = await parser.parseString(await read('rss.xml'));
    expect(squash(feed.title ?? '')).toBe('Rotative : toute l’actualité (RSS)');
    expect(feed.language).toBe('fr-FR');
    expect(feed.items).toHaveLength(Math.min(50, PUBLISHED));
    // The newest 50 of all the article pages.
    const listed = feed.items.map((i) => new URL(i.link).pathname);
    expect(listed.every((path) => articlePages.includes(path))).toBe(true);
    expect(new Set(listed).size).toBe(listed.length);
    const dates = feed.items.map((i) => Date.parse(i.isoDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('gives each item its permanent URL as guid, its date, source, section and tags', async () => {
    const feed = await parser.parseString(await read('rss.xml'));
    const seed = feed.items.find((i) => i.link === `${SITE}${SEED_URL}`)!;
    expect(seed.guid).toBe(seed.link);
    expect(seed.isoDate).toBe('2021-05-21T00:19:00.000Z');
    expect(seed.creator).toBe('Xinhua');
    expect(seed.categories).toEqual(['International']);
    const generated = feed.items.find((i) => i.title.includes('(n° 10)'))!;
    expect(generated.categories).toContain('fictif');
    expect(generated.contentSnippet).toMatch(/^Article fictif de démonstration/);
  });

  it('describes every item, with its summary or else the body’s first sentences', async () => {
    const text = await read('rss.xml');
    const feed = await parser.parseString(text);
    expect(text.match(/<item>/g)).toHaveLength(feed.items.length);
    expect(text.match(/<description>/g)).toHaveLength(feed.items.length + 1);
    const seed = feed.items.find((i) => i.link === `${SITE}${SEED_URL}`)!;
    // The seed has no summary and its first sentence is long: cut between words near 160 characters.
    expect(seed.contentSnippet).toMatch(/^Le ministre russe des Affaires étrangères Sergueï Lavrov .*[a-zé]…$/);
    expect(seed.contentSnippet!.length).toBeLessThanOrEqual(161);
    expect(seed.contentSnippet!.length).toBeGreaterThan(140);
  });
});

describe('tag and editor feeds', () => {
  it('list the tag’s or the editor’s articles, and parse', async () => {
    const tag = await parser.parseString(await read('mots-cles/port-de-valmorin/rss.xml'));
    expect(tag.items.map((i) => new URL(i.link).pathname)).toContain(NEWEST_URL);
    expect(tag.items).toHaveLength(4);
    const editor = await parser.parseString(await read('redacteurs/ying-xie/rss.xml'));
    expect(editor.items.map((i) => new URL(i.link).pathname)).toContain(SEED_URL);
  });
});

describe('section RSS feeds', () => {
  it('list only their section’s articles', async () => {
    for (const section of ['international', 'economie', 'culture']) {
      const feed = await parser.parseString(await read(`${section}/rss.xml`));
      expect(feed.items.length, section).toBeGreaterThan(0);
      for (const item of feed.items)
        expect(new URL(item.link).pathname.startsWith(`/${section}/`), item.link).toBe(true);
      expect(feed.items.length).toBe(articlePages.filter((p) => p.startsWith(`/${section}/`)).length);
    }
  });

  it('are announced on their section page, the site feed on every page', async () => {
    const section = load(await readPage(dist, '/culture/'));
    expect(
      section('link[rel="alternate"][type="application/rss+xml"]')
        .map((_, l) => section(l).attr('href'))
        .get(),
    ).toEqual([`${SITE}/rss.xml`, `${SITE}/culture/rss.xml`]);
    for (const path of await listPages(dist)) {
      const $ = load(await readPage(dist, path));
      const site = $('link[rel="alternate"][href="https://rotative.example.org/rss.xml"]');
      expect(squash(site.attr('title') ?? ''), path).toBe('Rotative : toute l’actualité (RSS)');
    }
  });
});

describe('the JSON Feed', () => {
  it('is JSON Feed 1.1 with every published article', async () => {
    const feed = JSON.parse(await read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items).toHaveLength(Math.min(50, PUBLISHED));
    const seed = feed.items.find((i: { id: string }) => i.id === `${SITE}${SEED_URL}`);
    expect(seed).toMatchObject({
      date_published: '2021-05-21T08:19:00+08:00',
      date_modified: '2021-05-21T09:05:00+08:00',
      authors: [{ name: 'Xinhua' }],
    });
  });
});

/** Path → lastmod of every URL in the main sitemap. */
async function sitemapUrls(): Promise<Map<string, string>> {
  const index = await xml('sitemap-index.xml');
  const files = index('sitemap > loc')
    .map((_, l) => new URL(index(l).text()).pathname)
    .get();
  const urls = new Map<string, string>();
  for (const file of files) {
    const $ = await xml(file.slice(1));
    $('url').each((_, u) => {
      urls.set(new URL($(u).find('loc').text()).pathname, $(u).find('lastmod').text());
    });
  }
  return urls;
}

describe('the sitemaps', () => {
  it('list every article with lastmod = updated ?? date, and leave out 404 and search', async () => {
    const urls = await sitemapUrls();
    for (const path of articlePages) expect(urls.has(path), path).toBe(true);
    expect(urls.get(SEED_URL)).toBe('2021-05-21T01:05:00.000Z');
    expect([...urls.keys()].filter((p) => /^\/(404|recherche)[/.]/.test(p))).toEqual([]);
    expect(urls.size).toBeGreaterThan(articlePages.length);
    expect(urls.has('/international/2/')).toBe(true);
  });

  it('are valid against the official XSDs (sitemap index, sitemap, Google News)', async () => {
    const index = await read('sitemap-index.xml');
    expect(await xsdErrors(index, 'sitemapindex')).toEqual([]);
    const $ = load(index, { xml: true });
    for (const loc of $('sitemap > loc')
      .map((_, l) => $(l).text())
      .get()) {
      expect(await xsdErrors(await read(new URL(loc).pathname.slice(1)), 'urlset'), loc).toEqual([]);
    }
    expect(await xsdErrors(await read('news-sitemap.xml'), 'urlset')).toEqual([]);
  });

  it('date every page as its own "last updated" stamp does', async () => {
    for (const [path, lastmod] of await sitemapUrls()) {
      const stamp = load(await readPage(dist, path))('.site-updated time').attr('datetime');
      expect(Date.parse(stamp!), path).toBe(Date.parse(lastmod));
    }
  });

  it('include a Google News sitemap with the articles of the two days before the clock', async () => {
    // The fixture's clock is 2021-06-30 12:00 in Beijing: only the market story of the 29th is that recent.
    const $ = await xml('news-sitemap.xml');
    expect($('urlset').attr('xmlns:news')).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(
      $('url > loc')
        .map((_, l) => $(l).text())
        .get(),
    ).toEqual([`${SITE}${NEWEST_URL}`]);
    expect($('news\\:publication_date').text()).toBe('2021-06-29T07:00:00+08:00');
  });

  it('are listed in robots.txt', async () => {
    expect(await read('robots.txt')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\nSitemap: ${SITE}/news-sitemap.xml\n`,
    );
  });
});

describe('structured data and social cards on the seed article', () => {
  let $: ReturnType<typeof load>;
  let ld: Record<string, unknown>[];
  beforeAll(async () => {
    $ = load(await readPage(dist, SEED_URL));
    ld = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()))
      .get();
  });

  it('carries a NewsArticle whose values match the page', () => {
    const article = ld.find((d) => d['@type'] === 'NewsArticle')!;
    expect(article).toBeDefined();
    expect(article['headline']).toBe($('article h1').text());
    expect(article['datePublished']).toBe($('.source-line time').attr('datetime'));
    expect(article['dateModified']).toBe($('.updated-line time').attr('datetime'));
    // Xinhua's site is configured in src/site.config.ts (sourceUrls).
    expect(article['author']).toEqual({
      '@type': 'Organization',
      name: $('.source-line .source').text(),
      url: 'https://french.news.cn/',
    });
    expect((article['editor'] as { name: string }[]).map((e) => e.name).join(', ')).toBe(
      squash($('.editors-line').text()).replace(/^\(Rédacteurs : |\)$/g, ''),
    );
    expect((article['editor'] as { url: string }[]).map((e) => e.url)).toEqual(
      $('.editors-line a')
        .map((_, a) => `${SITE}${$(a).attr('href')}`)
        .get(),
    );
    expect(article['description']).toBe($('meta[name="description"]').attr('content'));
    expect(article['publisher']).toMatchObject({
      '@type': 'NewsMediaOrganization',
      name: 'Rotative',
      logo: { url: `${SITE}/logo.png` },
    });
    expect(article['articleSection']).toBe($('nav.breadcrumb li').last().text());
    expect(article['inLanguage']).toBe('fr-FR');
    expect(article['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': $('link[rel="canonical"]').attr('href') });
    // No image of its own: the site's default, with its size.
    expect(article['image']).toEqual([
      { '@type': 'ImageObject', url: `${SITE}/social-default.png`, width: '1200', height: '630' },
    ]);
  });

  it('carries a BreadcrumbList that matches the visible breadcrumb', () => {
    const crumbs = ld.find((d) => d['@type'] === 'BreadcrumbList')!;
    const items = crumbs['itemListElement'] as { name: string; item: string; position: number }[];
    const visible = $('nav.breadcrumb li')
      .map((_, li) => ({ name: $(li).text(), href: $(li).find('a').attr('href') }))
      .get();
    expect(items.map((i) => i.name)).toEqual(visible.map((v) => v.name));
    expect(items.map((i) => new URL(i.item).pathname)).toEqual(visible.map((v) => v.href));
    expect(items.map((i) => i.position)).toEqual([1, 2]);
  });

  it('has Open Graph article tags and a Twitter card, with absolute URLs and the default image', () => {
    const meta = (property: string) => $(`meta[property="${property}"], meta[name="${property}"]`).attr('content');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:url')).toBe(`${SITE}${SEED_URL}`);
    expect(meta('og:title')).toBe($('article h1').text());
    expect(meta('og:image')).toBe(`${SITE}/social-default.png`);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('article:published_time')).toBe('2021-05-21T08:19:00+08:00');
    expect(meta('article:modified_time')).toBe('2021-05-21T09:05:00+08:00');
    expect(meta('article:section')).toBe('International');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:image')).toBe(`${SITE}/social-default.png`);
  });
});

describe('structured data on other pages', () => {
  it('puts WebSite and NewsMediaOrganization on the homepage', async () => {
    const $ = load(await readPage(dist, '/'));
    const types = $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text())['@type'])
      .get();
    expect(types).toEqual(['WebSite', 'NewsMediaOrganization']);
    expect($('meta[property="og:type"]').attr('content')).toBe('website');
  });

  it('tags every generated article with article:tag', async () => {
    const $ = load(
      await readPage(
        dist,
        articlePages.find((p) => p.endsWith('/fictif-00001/'))!,
      ),
    );
    expect(
      $('meta[property="article:tag"]')
        .map((_, m) => $(m).attr('content'))
        .get(),
    ).toContain('fictif');
    expect(
      $('meta[property^="og:"], meta[name^="twitter:image"]')
        .filter((_, m) => /url|image$/.test($(m).attr('property') ?? $(m).attr('name') ?? ''))
        .map((_, m) => $(m).attr('content'))
        .get()
        .every((url) => url.startsWith('https://')),
    ).toBe(true);
  });
});
