import { describe, expect, it } from 'vitest';
import { NEWS_LIMIT, newsLanguage, newsSitemapArticles, newsSitemapXml } from '#src/lib/news-sitemap.ts';
import { xsdErrors } from '../support/xsd.ts';
import { index, record } from './reach-fixtures.ts';

describe('newsSitemapArticles', () => {
  const now = new Date('2021-05-23T12:00:00Z');
  const site = index(
    [
      record('future', '2021-05-23T12:00:01Z'),
      record('now', '2021-05-23T12:00:00Z'),
      record('yesterday', '2021-05-22T12:00:00Z'),
      record('just-inside', '2021-05-21T12:00:01Z'),
      record('exactly-two-days', '2021-05-21T12:00:00Z'),
      record('old', '2021-05-01T00:00:00Z'),
    ],
    '2021-06-30T00:00:00Z',
  );

  it('keeps the articles of the two days before the clock, newest first', () => {
    expect(newsSitemapArticles(site.articles, now).map((a) => a.id)).toEqual(['now', 'yesterday', 'just-inside']);
  });

  it('moves with the injected clock', () => {
    expect(newsSitemapArticles(site.articles, new Date('2021-05-02T00:00:00Z')).map((a) => a.id)).toEqual(['old']);
    expect(newsSitemapArticles(site.articles, new Date('2022-01-01T00:00:00Z'))).toEqual([]);
  });

  it('lists at most 1,000 articles', () => {
    const many = index(
      Array.from({ length: NEWS_LIMIT + 5 }, (_, i) =>
        record(`n${i}`, new Date(Date.parse('2021-05-23T00:00:00Z') - i * 60_000).toISOString()),
      ),
      '2021-05-23T12:00:00Z',
    );
    const listed = newsSitemapArticles(many.articles, now);
    expect(listed).toHaveLength(NEWS_LIMIT);
    expect(listed[0]!.id).toBe('n0');
  });
});

describe('newsLanguage', () => {
  it('gives the ISO 639 code of the locale', () => {
    expect(newsLanguage('fr-FR')).toBe('fr');
    expect(newsLanguage('en-GB')).toBe('en');
  });
});

describe('newsSitemapXml', () => {
  const publication = { name: 'Rotative', locale: 'fr-FR', homeUrl: 'https://news.example.org/' };

  it('is valid against the official XSDs with articles in the window', async () => {
    const xml = await newsSitemapXml(
      [{ url: 'https://news.example.org/a/', title: 'Titre « a » & co', published: '2021-05-21T08:19:00+08:00' }],
      publication,
    );
    expect(await xsdErrors(xml, 'urlset')).toEqual([]);
    expect(xml).toContain('<news:publication_date>2021-05-21T08:19:00+08:00</news:publication_date>');
    expect(xml).toContain('<news:language>fr</news:language>');
  });

  it('is valid with an empty window too: it lists the homepage alone, with no news entry', async () => {
    const xml = await newsSitemapXml([], publication);
    expect(await xsdErrors(xml, 'urlset')).toEqual([]);
    expect(xml).toContain('<loc>https://news.example.org/</loc>');
    expect(xml).not.toContain('<news:news>');
  });

  it('would be caught: an empty urlset fails the XSD', async () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>';
    expect((await xsdErrors(empty, 'urlset')).length).toBeGreaterThan(0);
  });
});
