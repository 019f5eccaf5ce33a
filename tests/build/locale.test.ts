/** Switching the locale to en-GB changes every label and date format: no French chrome is left. */
import { beforeAll, describe, expect, it } from 'vitest';
import fr from '#src/i18n/fr.ts';
import { buildFixtureSite, readPage, SEED_URL } from '../support/fixture-site.ts';
import { listPages, load, squash } from '../support/html.ts';

/** The fixed wording of every French UI string (the parts between placeholders), long enough to be telling. */
const frenchChrome = Object.values(fr)
  .flatMap((value) => value.split(/\{\w+\}/))
  .map((part) => squash(part.replace(/[()]/g, '')))
  .filter((part) => part.length >= 8);

let dist: string;
beforeAll(async () => {
  // A clock in the next year: stamps of 2021 name their year.
  ({ dist } = await buildFixtureSite('fixture-en-gb', {
    ROTATIVE_LOCALE: 'en-GB',
    TZ: 'UTC',
    ROTATIVE_NOW: '2022-01-15T12:00:00+08:00',
  }));
});

describe('an en-GB build', () => {
  it('checks a meaningful list of French strings', () => {
    expect(frenchChrome).toEqual(
      expect.arrayContaining(['Page d’accueil', 'Conseils de la rédaction', 'Dernière mise à jour à']),
    );
  });

  it('leaves no French chrome on any page', async () => {
    for (const path of await listPages(dist)) {
      const $ = load(await readPage(dist, path));
      expect($('html').attr('lang'), path).toBe('en-GB');
      // Article bodies, headlines and standfirsts stay in the language they were written in.
      $('.article-body, h1, .teaser-title, .teaser-summary, .standfirst, title, .section-description, meta').remove();
      const chrome = squash($('body').text());
      for (const french of frenchChrome) expect(chrome, `${path} contains "${french}"`).not.toContain(french);
    }
  });

  it('uses English labels and date formats on the article page', async () => {
    const $ = load(await readPage(dist, SEED_URL));
    expect(
      $('nav.breadcrumb li')
        .map((_, li) => squash($(li).text()))
        .get(),
    ).toEqual(['Home', 'International']);
    expect(squash($('.source-line').text())).toBe('Xinhua | 21/05/2021 08:19');
    expect(squash($('.editors-line').text())).toBe('(Editors: Ying Xie, Yishuang Liu)');
    expect(squash($('.share h2').text())).toBe('Share this article on:');
    expect($('.picks h2').text()).toBe('Editors’ picks');
    // The article's own update, in a year that is not the build clock's.
    expect(squash($('.site-updated').text())).toBe('Last updated at 09:05 on 21/05/2021');
  });
});

describe('tag and editor pages in an en-GB build', () => {
  it('live under the English paths, linked from the article page, and the French ones do not exist', async () => {
    const pages = await listPages(dist);
    expect(pages).toEqual(expect.arrayContaining(['/tags/fictif/', '/tags/fictif/2/', '/editors/ying-xie/']));
    expect(pages.filter((p) => /^\/(mots-cles|redacteurs)\//.test(p))).toEqual([]);
    const $ = load(await readPage(dist, SEED_URL));
    expect($('.editors-line a').first().attr('href')).toBe('/editors/ying-xie/');
    const tag = load(await readPage(dist, '/tags/fictif/'));
    expect(tag('h1').text()).toBe('Tag: fictif');
  });
});
