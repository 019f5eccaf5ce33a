import { describe, expect, it } from 'vitest';
import { absolutiseLinks, escapeXml, jsonFeed, rssChannelExtras, rssItems } from '#src/lib/feeds.ts';
import { index, record } from './reach-fixtures.ts';

const absolute = (path: string) => `https://news.example.org/base${path}`;
const site = index([
  record('a', '2021-05-21T00:19:00Z', {
    summary: 'Le résumé.',
    tags: ['arctique'],
    updated: new Date('2021-05-21T01:05:00Z'),
  }),
  record('b', '2021-05-20T00:00:00Z', { section: 'culture', source: 'Xinhua & <Co>' }),
]);

describe('rssItems', () => {
  const items = rssItems(site.articles, { absolute, sections: site.sectionsBySlug });

  it('links each item to its absolute permanent URL', () => {
    expect(items.map((i) => i.link)).toEqual([
      'https://news.example.org/base/international/2021/05/21/a/',
      'https://news.example.org/base/culture/2021/05/20/b/',
    ]);
  });

  it('carries the date, the summary, the section and tags as categories, and the source', () => {
    expect(items[0]).toMatchObject({
      title: 'Titre a',
      pubDate: new Date('2021-05-21T00:19:00Z'),
      description: 'Le résumé.',
      categories: ['International', 'arctique'],
      customData: '<dc:creator>Agence Fictive</dc:creator>',
    });
    expect(items[1]!.customData).toBe('<dc:creator>Xinhua &amp; &lt;Co&gt;</dc:creator>');
  });

  it('adds the full body only when asked, with absolute links', () => {
    expect(items[0]!.content).toBeUndefined();
    const full = rssItems(site.articles, {
      absolute,
      sections: site.sectionsBySlug,
      bodyOf: () => '<p><a href="/culture/">x</a></p>',
    });
    expect(full[0]!.content).toBe('<p><a href="https://news.example.org/base/culture/">x</a></p>');
  });
});

describe('rssChannelExtras', () => {
  it('dates the channel from content, not the clock', () => {
    const extras = rssChannelExtras({
      locale: 'fr-FR',
      updated: new Date('2021-05-21T01:05:00Z'),
      selfUrl: 'https://x.example/rss.xml',
    });
    expect(extras).toContain('<language>fr-FR</language>');
    expect(extras).toContain('<lastBuildDate>Fri, 21 May 2021 01:05:00 GMT</lastBuildDate>');
    expect(extras).toContain('<atom:link href="https://x.example/rss.xml" rel="self" type="application/rss+xml"/>');
  });
});

describe('jsonFeed', () => {
  const feed = jsonFeed(site.articles, {
    absolute,
    sections: site.sectionsBySlug,
    title: 'Fil',
    description: 'Tout',
    language: 'fr-FR',
    homeUrl: absolute('/'),
    feedUrl: absolute('/feed.json'),
    iso: (d) => d.toISOString(),
  });

  it('is a JSON Feed 1.1 with one item per article', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.id)).toEqual(feed.items.map((i) => i.url));
    expect(feed.items).toHaveLength(2);
  });

  it('gives every item content, dates, author and tags', () => {
    expect(feed.items[0]).toMatchObject({
      title: 'Titre a',
      summary: 'Le résumé.',
      content_text: 'Le résumé.',
      date_published: '2021-05-21T00:19:00.000Z',
      date_modified: '2021-05-21T01:05:00.000Z',
      authors: [{ name: 'Agence Fictive' }],
      tags: ['International', 'arctique'],
    });
    expect(feed.items[1]!.content_text).toBe('Titre b');
  });
});

describe('escapeXml and absolutiseLinks', () => {
  it('escape markup and leave protocol-relative and external links alone', () => {
    expect(escapeXml(`a<b>&'"`)).toBe('a&lt;b&gt;&amp;&apos;&quot;');
    expect(
      absolutiseLinks('<a href="//cdn.example/x"></a><img src="https://y.example/i.jpg"><img src="/i.jpg">', absolute),
    ).toBe(
      '<a href="//cdn.example/x"></a><img src="https://y.example/i.jpg"><img src="https://news.example.org/base/i.jpg">',
    );
  });
});
