import { describe, expect, it } from 'vitest';
import { NEWS_LIMIT, newsLanguage, newsSitemapArticles } from '#src/lib/news-sitemap.ts';
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
