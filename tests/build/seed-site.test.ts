/**
 * The project's own content/ folder: the seed article alone, built as a
 * newcomer would, carries the model page's site-wide line.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, ROOT, SEED_URL } from '../support/fixture-site.ts';
import { load, squash } from '../support/html.ts';

let dist: string;
beforeAll(async () => {
  const result = await buildSite('seed', join(ROOT, 'content'), { TZ: 'UTC', ROTATIVE_NOW: '2026-01-01T00:00:00+08:00' });
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
    expect($('.lead .teaser-title a').attr('href')).toBe(SEED_URL);
    expect(squash($('.site-updated').text())).toBe('Dernière mise à jour à 09h05 le 21/05');
  });
});
