import { describe, expect, it } from 'vitest';
import { lastModifiedByPath } from '#src/lib/sitemap.ts';
import { index, record } from './reach-fixtures.ts';

describe('lastModifiedByPath', () => {
  const site = index([
    record('a', '2021-05-01T00:00:00Z', { updated: new Date('2021-05-05T00:00:00Z') }),
    record('b', '2021-05-02T00:00:00Z'),
    record('c', '2021-05-03T00:00:00Z', { tags: ['arctique'] }),
  ]);
  const lastmod = lastModifiedByPath(site, 2);

  it('dates articles by updated ?? date', () => {
    expect(lastmod.get('/international/2021/05/01/a/')?.toISOString()).toBe('2021-05-05T00:00:00.000Z');
    expect(lastmod.get('/international/2021/05/02/b/')?.toISOString()).toBe('2021-05-02T00:00:00.000Z');
  });

  it('dates the homepage by the site’s newest change, and each page of a section by the newest it lists', () => {
    expect(lastmod.get('/')?.toISOString()).toBe('2021-05-05T00:00:00.000Z');
    // Page 1 lists c and b; page 2 lists a, updated after both.
    expect(lastmod.get('/international/')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
    expect(lastmod.get('/international/2/')?.toISOString()).toBe('2021-05-05T00:00:00.000Z');
    expect(lastmod.has('/international/3/')).toBe(false);
  });

  it('dates each page of a tag or an editor by the newest change it lists, as its stamp does', () => {
    expect(lastmod.get('/mots-cles/arctique/')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
    // The editor's page 1 lists c and b; page 2 lists a, updated after both.
    expect(lastmod.get('/redacteurs/alix-ferrand/')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
    expect(lastmod.get('/redacteurs/alix-ferrand/2/')?.toISOString()).toBe('2021-05-05T00:00:00.000Z');
    expect(lastmod.has('/redacteurs/alix-ferrand/3/')).toBe(false);
  });

  it('puts tag and editor pages under the locale’s paths', () => {
    const english = lastModifiedByPath(site, 2, { tags: 'tags', editors: 'editors' });
    expect(english.get('/tags/arctique/')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
    expect(english.has('/mots-cles/arctique/')).toBe(false);
  });

  it('gives no date to a section with nothing published', () => {
    expect(lastmod.has('/culture/')).toBe(false);
  });
});
