/**
 * Reads the fixture site's HTML (built once by tests/support/global-setup.ts)
 * and checks each page type: the seed article with every element of the model
 * page, section pages with pagination, the homepage and the 404 page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DRAFT_TITLE,
  EMBARGOED_TITLE,
  FEATURED_URL,
  FRONT_COUNT,
  GENERATED_COUNT,
  readPage,
  SEED_URL,
} from '../support/fixture-site.ts';
import { listFiles, listPages, load, squash } from '../support/html.ts';

const dist = inject('fixtureDist');
const SITE = 'https://rotative.example.org';
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let pages: string[];
beforeAll(async () => {
  pages = await listPages(dist);
});

describe('the pages written', () => {
  it('include every published article, every section page and nothing else', () => {
    const articles = pages.filter((p) => /^\/[a-z-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/.test(p));
    // The seed, the generated and the front page's articles; the draft and the embargoed one are not built.
    expect(articles).toHaveLength(GENERATED_COUNT + FRONT_COUNT + 1);
    expect(pages).toContain(SEED_URL);
    expect(pages).toContain('/');
    expect(pages).toContain('/404.html');
    expect(pages).toEqual(expect.arrayContaining(['/international/', '/international/2/', '/economie/', '/culture/']));
  });

  it('never mention drafts or embargoed articles', async () => {
    for (const file of await listFiles(dist)) {
      if (!/\.(html|xml|json|txt)$/.test(file)) continue;
      const text = await readFile(join(dist, file), 'utf8');
      expect(text, file).not.toContain(DRAFT_TITLE);
      expect(text, file).not.toContain(EMBARGOED_TITLE.replace('’', '&#39;'));
      expect(text, file).not.toContain('embargo');
      expect(text, file).not.toContain('brouillon');
    }
  });

  it('ship no client JavaScript, except the search page', async () => {
    for (const path of pages) {
      const $ = load(await readPage(dist, path));
      // JSON-LD blocks are data, not scripts.
      const scripts = $('script').not('[type="application/ld+json"]');
      expect(scripts.length, path).toBe(path === '/recherche/' ? 1 : 0);
    }
    const search = load(await readPage(dist, '/recherche/'));
    const searchScripts = search('script[src]')
      .map((_, s) => search(s).attr('src')!.replace(/^\//, ''))
      .get();
    const js = (await listFiles(dist)).filter((f) => f.endsWith('.js') && !f.startsWith('pagefind/'));
    expect(
      js.every((f) => searchScripts.includes(f)),
      js.join(', '),
    ).toBe(true);
  });

  it('mark every timestamp with its ISO instant and offset', async () => {
    let count = 0;
    for (const path of pages) {
      const $ = load(await readPage(dist, path));
      $('time').each((_, el) => {
        count++;
        expect($(el).attr('datetime'), `${path}: ${$(el).text()}`).toMatch(ISO_WITH_OFFSET);
      });
    }
    expect(count).toBeGreaterThan(GENERATED_COUNT);
  });

  it('have one h1, a language, landmarks, a skip link and headings that do not skip levels', async () => {
    for (const path of pages) {
      const $ = load(await readPage(dist, path));
      expect($('html').attr('lang'), path).toBe('fr-FR');
      expect($('h1').length, path).toBe(1);
      expect($('header.masthead').length + $('main#main').length + $('footer.site-footer').length, path).toBe(3);
      expect($('body > a.skip-link').first().attr('href'), path).toBe('#main');
      let previous = 1;
      $('h1, h2, h3, h4, h5, h6').each((_, el) => {
        const level = Number(el.tagName.slice(1));
        expect(level - previous, `${path}: <${el.tagName}> ${$(el).text()}`).toBeLessThanOrEqual(1);
        previous = level;
      });
    }
  });

  it('give every page a canonical URL on the configured site, except the 404, which has noindex instead', async () => {
    for (const path of pages) {
      const $ = load(await readPage(dist, path));
      if (path === '/404.html') {
        expect($('link[rel="canonical"]').length).toBe(0);
        expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      } else expect($('link[rel="canonical"]').attr('href'), path).toBe(`${SITE}${path}`);
    }
  });

  it('are all described: meta description and og:description, the same, at most about 160 characters', async () => {
    for (const path of pages) {
      const $ = load(await readPage(dist, path));
      const description = $('meta[name="description"]').attr('content') ?? '';
      expect(description.length, path).toBeGreaterThan(20);
      expect(description.length, path).toBeLessThanOrEqual(200);
      expect($('meta[property="og:description"]').attr('content'), path).toBe(description);
    }
  });
});

describe('the seed article page', () => {
  let $: ReturnType<typeof load>;
  beforeAll(async () => {
    $ = load(await readPage(dist, SEED_URL));
  });

  it('has the breadcrumb "Page d’accueil › International" with links', () => {
    const crumbs = $('nav.breadcrumb li');
    expect(crumbs.map((_, li) => squash($(li).text())).get()).toEqual(['Page d’accueil', 'International']);
    expect(
      crumbs
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/', '/international/']);
  });

  it('has the headline in French typography: « » with narrow no-break spaces', () => {
    expect($('article h1').text()).toBe(
      'La Russie et les Etats-Unis recherchent la coopération dans un contexte de relations tendues avec «\u202fde sérieuses différences\u202f»',
    );
    expect($('title').text()).toBe(`${$('article h1').text()} – Rotative`);
  });

  it('has the source line "Xinhua | 21.05.2021 08h19" and the update line', () => {
    expect(squash($('.source-line').text())).toBe('Xinhua | 21.05.2021 08h19');
    expect($('.source-line time').attr('datetime')).toBe('2021-05-21T08:19:00+08:00');
    expect(squash($('.updated-line').text())).toBe('Mis à jour le 21 mai 2021 à 09h05');
    expect($('.updated-line time').attr('datetime')).toBe('2021-05-21T09:05:00+08:00');
  });

  it('has the nine body paragraphs and none of the portal’s chrome', () => {
    const paragraphs = $('.article-body p');
    expect(paragraphs).toHaveLength(9);
    expect(paragraphs.first().text()).toMatch(/^Le ministre russe des Affaires étrangères Sergueï Lavrov/);
    expect(paragraphs.last().text()).toMatch(/comparer leurs notes sur certaines questions spécifiques\.$/);
    // The source's straight quotes and apostrophes, typeset.
    expect(paragraphs.eq(3).text()).toMatch(
      /^«\u202fNotre position est très simple\u202f», a poursuivi le diplomate russe\. «\u202fNous sommes prêts/,
    );
    expect(paragraphs.eq(1).text()).toContain(
      'en marge d’une réunion du Conseil de l’Arctique, M.\u00a0Lavrov avait déclaré',
    );
    const body = $('.article-body').text();
    for (const chrome of ['Page d', 'Partagez', 'Votre pseudo', 'Conseils', 'Rédacteurs', 'Dernière mise à jour'])
      expect(body).not.toContain(chrome);
  });

  it('shows its reading time', () => {
    expect($('.article-header .reading-time').text()).toBe('Lecture\u00a0: 2\u00a0min');
  });

  it('has the editors’ line', () => {
    expect(squash($('.editors-line').text())).toBe('(Rédacteurs : Ying Xie, Yishuang Liu)');
  });

  it('has plain share links to X, Facebook, LinkedIn, WhatsApp and e-mail', () => {
    expect(squash($('.share h2').text())).toBe('Partagez cet article sur :');
    const links = $('.share a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toHaveLength(5);
    expect(links.map((href) => (new URL(href).protocol === 'mailto:' ? 'mailto' : new URL(href).hostname))).toEqual([
      'x.com',
      'www.facebook.com',
      'www.linkedin.com',
      'wa.me',
      'mailto',
    ]);
    for (const href of links) expect(href).toContain(encodeURIComponent(`${SITE}${SEED_URL}`));
  });

  it('has "Conseils de la rédaction": the five articles published just before it in its section', async () => {
    expect($('.picks h2').text()).toBe('Conseils de la rédaction');
    const picked = $('.picks .teaser-title a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(picked).toHaveLength(5);
    const listed: string[] = [];
    for (const path of ['/international/', '/international/2/']) {
      const section = load(await readPage(dist, path));
      listed.push(
        ...section('.section-list .teaser-title a')
          .map((_, a) => section(a).attr('href'))
          .get(),
      );
    }
    const at = listed.indexOf(SEED_URL);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(picked).toEqual(listed.slice(at + 1, at + 6));
  });

  it('links its neighbours in the section, both ways', async () => {
    const previous = $('.neighbours a[rel="prev"]').attr('href');
    const next = $('.neighbours a[rel="next"]').attr('href');
    expect(previous).toMatch(/^\/international\//);
    expect(next).toMatch(/^\/international\//);
    const older = load(await readPage(dist, previous!));
    expect(older('.neighbours a[rel="next"]').attr('href')).toBe(SEED_URL);
  });

  it('shows its own last update, not the site’s newest: "Dernière mise à jour à 09h05 le 21/05"', () => {
    expect(squash($('.site-updated').text())).toBe('Dernière mise à jour à 09h05 le 21/05');
    expect($('.site-updated time').attr('datetime')).toBe('2021-05-21T09:05:00+08:00');
  });

  it('has a footer that names the archive’s years, and no date that changes with new articles', () => {
    expect(squash($('.site-footer p').text())).toBe('© 2021 Rotative');
    expect($('.site-footer time').length).toBe(0);
  });
});

describe('editors’ related picks', () => {
  it('replace the section fallback when an article lists them', async () => {
    // Generated article n° 11 (index 10) relates to n° 9 and n° 8.
    const paths = pages.filter((p) => p.endsWith('/fictif-00011/'));
    expect(paths).toHaveLength(1);
    const $ = load(await readPage(dist, paths[0]!));
    const picked = $('.picks .teaser-title a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(picked.map((href) => href.split('/').at(-2))).toEqual(['fictif-00009', 'fictif-00008']);
  });
});

describe('section pages', () => {
  it('list 20 articles per page, newest first, with title, summary, source and time', async () => {
    const $ = load(await readPage(dist, '/international/'));
    const items = $('.section-list > li');
    expect(items).toHaveLength(20);
    const times = $('.section-list time')
      .map((_, t) => Date.parse($(t).attr('datetime')!))
      .get();
    expect(times).toEqual([...times].sort((a, b) => b - a));
    items.each((_, li) => {
      expect($(li).find('.teaser-title a').text()).not.toBe('');
      expect($(li).find('.source').text()).not.toBe('');
      expect($(li).find('time').length).toBe(1);
      expect($(li).find('.reading-time').text()).toMatch(/^Lecture\u00a0: \d+\u00a0min$/);
    });
    expect($('.section-list .teaser-summary').length).toBeGreaterThan(0);
  });

  it('continue on page 2 with rel=prev/next between pages', async () => {
    const first = load(await readPage(dist, '/international/'));
    const second = load(await readPage(dist, '/international/2/'));
    expect(first('link[rel="next"]').attr('href')).toBe('/international/2/');
    expect(first('link[rel="prev"]').length).toBe(0);
    expect(second('link[rel="prev"]').attr('href')).toBe('/international/');
    expect(second('.pagination a[rel="prev"]').attr('href')).toBe('/international/');
    expect(squash(second('.pagination').text())).toContain('Page 2 sur 2');
    const lastOnFirst = Date.parse(first('.section-list time').last().attr('datetime')!);
    const firstOnSecond = Date.parse(second('.section-list time').first().attr('datetime')!);
    expect(firstOnSecond).toBeLessThanOrEqual(lastOnFirst);
  });

  it('carry the newest change among the articles they list', async () => {
    for (const path of ['/culture/', '/international/', '/international/2/']) {
      const $ = load(await readPage(dist, path));
      expect(squash($('.site-updated').text()), path).toMatch(/^Dernière mise à jour à \d{2}h\d{2} le \d{2}\/\d{2}$/);
      // Each listed article's page shows its own last change.
      const changes = await Promise.all(
        $('.section-list .teaser-title a')
          .map((_, a) => $(a).attr('href')!)
          .get()
          .map(async (href) => Date.parse(load(await readPage(dist, href))('.site-updated time').attr('datetime')!)),
      );
      expect(Date.parse($('.site-updated time').attr('datetime')!), path).toBe(Math.max(...changes));
    }
  });
});

describe('the homepage', () => {
  let $: ReturnType<typeof load>;
  beforeAll(async () => {
    $ = load(await readPage(dist, '/'));
  });

  it('carries the newest change of the whole site', async () => {
    const stamp = $('.site-updated time').attr('datetime')!;
    const newestModified = Math.max(
      ...(await Promise.all(
        pages
          .filter((p) => /\/\d{4}\/\d{2}\/\d{2}\//.test(p))
          .map(async (p) => {
            const page = load(await readPage(dist, p));
            return Date.parse(
              (page('.updated-line time').attr('datetime') ?? page('.source-line time').attr('datetime'))!,
            );
          }),
      )),
    );
    expect(Date.parse(stamp)).toBe(newestModified);
    for (const path of ['/recherche/', '/404.html'])
      expect(load(await readPage(dist, path))('.site-updated time').attr('datetime'), path).toBe(stamp);
  });

  it('leads with the featured article, which is among the newest but not the newest', () => {
    expect($('.front-lead .teaser-title a').attr('href')).toBe(FEATURED_URL);
    const leadTime = Date.parse($('.front-lead time').attr('datetime')!);
    const newest = Math.max(
      ...$('.latest-list time')
        .map((_, t) => Date.parse($(t).attr('datetime')!))
        .get(),
    );
    expect(leadTime).toBeLessThan(newest);
  });

  it('shows each section’s newest articles in the configured order and links every section', () => {
    expect(
      $('.home-section h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['International', 'Économie', 'Culture']);
    const navLinks = $('nav.sections-nav a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(navLinks).toEqual(['/international/', '/economie/', '/culture/']);
    $('.home-section').each((_, section) => {
      expect($(section).find('.teaser').length).toBeGreaterThan(0);
      expect($(section).find('.teaser').length).toBeLessThanOrEqual(4);
    });
  });
});

describe('the 404 page', () => {
  it('speaks French and leads home', async () => {
    const $ = load(await readPage(dist, '/404.html'));
    expect($('h1').text()).toBe('Page introuvable');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('main a').first().attr('href')).toBe('/');
  });
});
