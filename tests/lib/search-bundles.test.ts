import { describe, expect, it } from 'vitest';
import { buildSiteIndex, type ArticleRecord } from '#src/lib/articles.ts';
import {
  bundleArticles,
  bundleCount,
  bundleOf,
  bundlePaths,
  recordShell,
  searchPlan,
  searchRecord,
} from '#src/lib/search-bundles.ts';
import { record, sections } from './reach-fixtures.ts';

function records(count: number, edit: Partial<ArticleRecord['data']> = {}, at = -1): ArticleRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    ...record(`2021/a${i}`, new Date(Date.UTC(2021, 4, 1, 0, i)).toISOString(), {
      title: `Titre ${i}`,
      section: i % 2 ? 'culture' : 'international',
      ...(i === at ? edit : {}),
    }),
    slug: `a${i}`,
    digest: `d${i}`,
  }));
}

const now = new Date('2021-06-01T00:00:00Z');
const dateTime = (date: Date) => date.toISOString().slice(0, 16);
const plan = (all: ArticleRecord[], size = 10, locale = 'fr-FR') =>
  searchPlan(buildSiteIndex(all, sections, { now, timeZone: 'UTC' }), { locale, dateTime, size });

describe('bundleCount', () => {
  it('is one bundle below two bundles’ worth of articles, then a power of two, each at least `size`', () => {
    expect([0, 1, 19, 20, 39, 40, 79, 80, 10_000].map((n) => bundleCount(n, 10))).toEqual([
      1, 1, 1, 2, 2, 4, 4, 8, 512,
    ]);
    expect(bundleCount(10_000, 1000)).toBe(8);
  });
});

describe('bundleOf', () => {
  it('depends on the id alone, and spreads ids evenly', () => {
    expect(bundleOf('2021/a1', 8)).toBe(bundleOf('2021/a1', 8));
    const sizes = new Array<number>(4).fill(0);
    for (let i = 0; i < 4000; i++) sizes[bundleOf(`2021/article-${i}`, 4)]!++;
    for (const size of sizes) expect(size).toBeGreaterThan(850);
  });

  it('splits each bundle in two when their number doubles', () => {
    for (let i = 0; i < 100; i++) expect(bundleOf(`x${i}`, 8) % 4).toBe(bundleOf(`x${i}`, 4));
  });
});

describe('recordShell and searchRecord', () => {
  it('are a small HTML document: language, headline as h1 with section and date as metadata, standfirst, then the body', () => {
    const shell = recordShell(
      { data: { ...records(1)[0]!.data, title: 'L’« <b>essai</b> » & co', summary: 'Chapô' } },
      'Culture & "loisirs"',
      { locale: 'fr-FR', dateTime: () => '01.05.2021 00h00' },
    );
    expect(searchRecord(shell, '<p>Corps $& $1</p>')).toBe(
      '<!doctype html><html lang="fr-FR"><head><title>L’« &lt;b&gt;essai&lt;/b&gt; » &amp; co</title></head><body>' +
        '<h1 data-pagefind-meta="section[data-section], date[data-date]" data-section="Culture &amp; &quot;loisirs&quot;"' +
        ' data-date="01.05.2021 00h00">L’« &lt;b&gt;essai&lt;/b&gt; » &amp; co</h1><p>Chapô</p><p>Corps $& $1</p></body></html>',
    );
  });
});

describe('searchPlan', () => {
  it('lists the bundles of the site with their size, each article in exactly one, sorted by path within it', () => {
    const all = records(45);
    const { bundles } = plan(all);
    expect(bundles.map((b) => b.name)).toEqual(['1-of-4', '2-of-4', '3-of-4', '4-of-4']);
    expect(bundles.reduce((sum, b) => sum + b.pages, 0)).toBe(45);
    expect(bundles[0]!.path).toBe('/pagefind/1-of-4/');
    const articles = bundleArticles(buildSiteIndex(all, sections, { now, timeZone: 'UTC' }), 10);
    for (const list of articles.values()) {
      const paths = list.map((a) => a.path);
      expect(paths).toEqual([...paths].sort());
    }
  });

  it('changes the fingerprint of the one bundle that holds a changed headline or body', () => {
    const before = plan(records(45)).bundles;
    for (const edit of [{ title: 'Autre titre' }, { summary: 'Nouveau chapô' }]) {
      const after = plan(records(45, edit, 7)).bundles;
      const changed = after.filter((b, i) => b.fingerprint !== before[i]!.fingerprint).map((b) => b.name);
      expect(changed).toEqual([`${bundleOf('2021/a7', 4) + 1}-of-4`]);
    }
    const body = records(45).map((r) => (r.id === '2021/a7' ? { ...r, digest: 'edited' } : r));
    expect(plan(body).bundles.filter((b, i) => b.fingerprint !== before[i]!.fingerprint)).toHaveLength(1);
  });

  it('changes the fingerprints of the bundles whose results would show another section name or date format', () => {
    const before = plan(records(45)).bundles;
    const renamed = searchPlan(
      buildSiteIndex(
        records(45),
        sections.map((s) => (s.slug === 'culture' ? { ...s, name: 'Culture et loisirs' } : s)),
        { now, timeZone: 'UTC' },
      ),
      { locale: 'fr-FR', dateTime, size: 10 },
    ).bundles;
    // Culture articles are in every bundle.
    expect(renamed.every((b, i) => b.fingerprint !== before[i]!.fingerprint)).toBe(true);
    const reworded = searchPlan(buildSiteIndex(records(45), sections, { now, timeZone: 'UTC' }), {
      locale: 'fr-FR',
      dateTime: (date) => date.toISOString(),
      size: 10,
    }).bundles;
    expect(reworded.every((b, i) => b.fingerprint !== before[i]!.fingerprint)).toBe(true);
  });

  it('keeps every fingerprint when nothing indexed changes, and changes them all with the language', () => {
    expect(plan(records(45))).toEqual(plan(records(45)));
    const english = plan(records(45), 10, 'en-GB').bundles;
    expect(english.every((b, i) => b.fingerprint !== plan(records(45)).bundles[i]!.fingerprint)).toBe(true);
  });
});

describe('bundlePaths', () => {
  it('lists the paths of the plan’s bundles, in its order', () => {
    const all = records(45);
    expect(bundlePaths(buildSiteIndex(all, sections, { now, timeZone: 'UTC' }), 10)).toEqual(
      plan(all).bundles.map((b) => b.path),
    );
  });
});
