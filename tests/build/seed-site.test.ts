/**
 * The project's own content/ folder: the seed article alone, built as a
 * newcomer would, carries the model page's site-wide line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, ROOT, SEED_URL } from '../support/fixture-site.ts';
import { load, squash } from '../support/html.ts';
import { xsdErrors } from '../support/xsd.ts';

let dist: string;
beforeAll(async () => {
  // A clock the day after the seed, so it is inside the Google News window.
  const result = await buildSite('seed', join(ROOT, 'content'), {
    TZ: 'UTC',
    ROTATIVE_NOW: '2021-05-22T12:00:00+08:00',
  });
  if (result.code !== 0) throw new Error(result.output);
  dist = result.dist;
});

describe('the committed seed article', () => {
  it('is built at its dated URL with "Dernière mise à jour à 09h05 le 21/05"', async () => {
    const $ = load(await readPage(dist, SEED_URL));
    expect(squash($('.site-updated').text())).toBe('Dernière mise à jour à 09h05 le 21/05');
    expect($('.site-updated time').attr('datetime')).toBe('2021-05-21T09:05:00+08:00');
    expect(squash($('.source-line').text())).toBe('Xinhua | 21.05.2021 08h19');
    expect(squash($('.editors-line').text())).toBe('(Rédacteurs : Ying Xie, Yishuang Liu)');
  });

  it('is the homepage’s lead story', async () => {
    const $ = load(await readPage(dist, '/'));
    expect($('.front-lead .teaser-title a').attr('href')).toBe(SEED_URL);
    expect(squash($('.site-updated').text())).toBe('Dernière mise à jour à 09h05 le 21/05');
  });
});

describe('the Google News sitemap at a clock inside the two-day window', () => {
  it('lists the seed with its publication, date with offset and title', async () => {
    const $ = load(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'), { xml: true });
    expect($('url').length).toBe(1);
    expect($('url > loc').text()).toBe(`https://rotative.example.org${SEED_URL}`);
    expect(await xsdErrors(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'), 'urlset')).toEqual([]);
    expect($('news\\:publication news\\:name').text()).toBe('Rotative');
    expect($('news\\:publication news\\:language').text()).toBe('fr');
    expect($('news\\:publication_date').text()).toBe('2021-05-21T08:19:00+08:00');
    expect($('news\\:title').text()).toBe(load(await readPage(dist, SEED_URL))('article h1').text());
  });

  it('drops the seed once the clock is past the window, and stays valid against the XSDs', async () => {
    const later = await buildSite('seed-later', join(ROOT, 'content'), {
      TZ: 'UTC',
      ROTATIVE_NOW: '2021-05-23T08:20:00+08:00',
    });
    expect(later.code, later.output).toBe(0);
    const xml = await readFile(join(later.dist, 'news-sitemap.xml'), 'utf8');
    const $ = load(xml, { xml: true });
    // The homepage alone, with no news entry: an empty urlset would fail the sitemap XSD.
    expect($('url > loc').text()).toBe('https://rotative.example.org/');
    expect($('news\\:news').length).toBe(0);
    expect(await xsdErrors(xml, 'urlset')).toEqual([]);
  });
});
