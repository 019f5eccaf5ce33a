import { describe, expect, it } from 'vitest';
import { buildSiteIndex, editorsPicks, sectionNeighbours, type ArticleRecord } from '#src/lib/articles.ts';
import { articlePageKey, listPageKey, siteKey } from '#src/lib/cache-keys.ts';
import { resolveSiteConfig } from '#src/lib/config.ts';
import { pageStamp } from '#src/lib/stamps.ts';
import { record, sections } from './reach-fixtures.ts';

const site = resolveSiteConfig(
  { name: 'Rotative', url: 'https://rotative.example.org' },
  {},
  new Date('2021-06-30T00:00:00Z'),
);

/** Article `a<n>` of the international section, with a content digest as the loader gives it. */
function article(n: number, date: string): ArticleRecord {
  return { ...record(`a${n}`, date), digest: `digest-${n}` };
}

const records = Array.from({ length: 10 }, (_, i) => article(i, `2021-05-${String(i + 10)}T00:00:00Z`));

function keyOf(all: ArticleRecord[], id: string, now = site.now): string {
  const index = buildSiteIndex(all, sections, { now, timeZone: site.timeZone });
  const article = index.byId.get(id)!;
  const { previous, next } = sectionNeighbours(article, index);
  const stamp = pageStamp(article.modified, now, site.timeZone);
  return articlePageKey(siteKey(index, site), article, stamp, editorsPicks(article, index, 5), previous, next);
}

describe('articlePageKey', () => {
  it('stays the same for an old article when a newer one is published in its section', () => {
    expect(keyOf([...records, article(10, '2021-05-29T00:00:00Z')], 'a5')).toBe(keyOf(records, 'a5'));
  });

  it('changes for the newest article, whose next neighbour is the new one', () => {
    expect(keyOf([...records, article(10, '2021-05-29T00:00:00Z')], 'a9')).not.toBe(keyOf(records, 'a9'));
  });

  it('changes when the build clock enters a new year, which writes the stamp’s year', () => {
    expect(keyOf(records, 'a5', new Date('2022-01-02T00:00:00Z'))).not.toBe(keyOf(records, 'a5'));
  });

  it('changes when a picked article changes', () => {
    const edited = records.map((r) => (r.id === 'a3' ? { ...r, digest: 'edited' } : r));
    expect(keyOf(edited, 'a5')).not.toBe(keyOf(records, 'a5'));
  });
});

describe('listPageKey', () => {
  const index = buildSiteIndex(records, sections, { now: site.now, timeZone: site.timeZone });
  const page = { currentPage: 1, lastPage: 1, data: index.articles };
  const stamp = pageStamp(index.updated, site.now, site.timeZone);

  it('tells lists apart, and covers the stamp', () => {
    const key = listPageKey(siteKey(index, site), 'section international', page, stamp);
    expect(listPageKey(siteKey(index, site), 'tag x', page, stamp)).not.toBe(key);
    expect(listPageKey(siteKey(index, site), 'section international', page, { ...stamp!, withYear: true })).not.toBe(
      key,
    );
  });
});

describe('siteKey', () => {
  const index = buildSiteIndex(records, sections, { now: site.now, timeZone: site.timeZone });

  it('changes with the default social card’s size, read from its file, not only with its path', () => {
    const card = { url: 'https://rotative.example.org/social-default.png', alt: 'Logo', width: 1200, height: 630 };
    expect(siteKey(index, site, card)).toBe(siteKey(index, site, { ...card }));
    expect(siteKey(index, site, { ...card, height: 600 })).not.toBe(siteKey(index, site, card));
  });

  it('ignores the clock, which only decides what pages show through their own keys', () => {
    expect(siteKey(index, { ...site, now: new Date('2021-07-01T00:00:00Z') })).toBe(siteKey(index, site));
  });
});
