/**
 * What issue 14 asked of the built HTML, read with cheerio on the shared
 * fixture build: images through Astro's pipeline, the front page, tag and
 * editor pages with numbered pagination and structured data, search fields,
 * the 404 page and table alignment.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  FEATURED_URL,
  FRONT_EDITOR,
  NEWEST_URL,
  PUBLIC_IMAGE_URL,
  readPage,
  SEED_URL,
} from '../support/fixture-site.ts';
import { listPages, load, squash } from '../support/html.ts';
import { SLOTS } from '#src/lib/image-slots.ts';

const dist = inject('fixtureDist');
const SITE = 'https://rotative.example.org';
const jsonLd = ($: ReturnType<typeof load>): Record<string, unknown>[] =>
  $('script[type="application/ld+json"]')
    .map((_, s) => JSON.parse($(s).text()) as Record<string, unknown>)
    .get() as Record<string, unknown>[];

describe('the lead image of an article', () => {
  let $: ReturnType<typeof load>;
  beforeAll(async () => {
    $ = load(await readPage(dist, FEATURED_URL));
  });

  it('is a <picture> with AVIF and WebP sources and a JPEG fallback, at the article column’s widths', () => {
    const picture = $('.article-image picture');
    expect(
      picture
        .find('source')
        .map((_, s) => $(s).attr('type'))
        .get(),
    ).toEqual(['image/avif', 'image/webp']);
    for (const srcset of [
      ...picture
        .find('source')
        .map((_, s) => $(s).attr('srcset'))
        .get(),
      picture.find('img').attr('srcset')!,
    ]) {
      expect(srcset.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['400w', '800w', '1200w']);
    }
    const img = picture.find('img');
    expect(img.attr('src')).toMatch(/^\/_astro\/port\.[^/]+\.jpg$/);
    expect(img.attr('sizes')).toBe('(min-width: 42rem) 40rem, calc(100vw - 2rem)');
    expect(picture.find('source').first().attr('sizes')).toBe(img.attr('sizes'));
  });

  it('has its width and height, loads at once and first, and keeps its alt and credit', () => {
    const img = $('.article-image img');
    expect([img.attr('width'), img.attr('height')]).toEqual(['1600', '900']);
    expect([img.attr('loading'), img.attr('fetchpriority')]).toEqual(['eager', 'high']);
    expect(img.attr('alt')).toBe('Des barques amarrées au quai');
    expect(squash($('.article-image figcaption').text())).toBe('Photo : Alix Ferrand');
  });

  it('is the social card and the NewsArticle image, 1200 px wide with its size', () => {
    const og = $('meta[property="og:image"]').attr('content')!;
    expect(og).toMatch(new RegExp(`^${SITE}/_astro/port\\.[^/]+\\.jpg$`));
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('675');
    const article = jsonLd($).find((d) => d['@type'] === 'NewsArticle')!;
    expect(article['image']).toEqual([{ '@type': 'ImageObject', url: og, width: '1200', height: '675' }]);
  });

  it('and the body’s image is a lazy <picture> of the same kind, capped at the file’s own width', () => {
    const img = $('.article-body figure.figure img');
    expect([img.attr('width'), img.attr('height'), img.attr('loading')]).toEqual(['800', '600', 'lazy']);
    expect(img.attr('fetchpriority')).toBeUndefined();
    expect(
      img
        .attr('srcset')!
        .split(', ')
        .map((c) => c.split(' ')[1]),
    ).toEqual(['400w', '800w']);
    expect(img.parent('picture').find('source').length).toBe(2);
  });

  it('every <img> of every page has its width and height, and only a lead image loads eagerly', async () => {
    let images = 0;
    for (const path of await listPages(dist)) {
      const page = load(await readPage(dist, path));
      page('img').each((_, el) => {
        images++;
        const img = page(el);
        expect(img.attr('width'), `${path}: ${img.attr('src')}`).toMatch(/^\d+$/);
        expect(img.attr('height'), `${path}: ${img.attr('src')}`).toMatch(/^\d+$/);
        if (img.attr('loading') === 'eager') expect(img.closest('.article-image, .teaser-lead').length, path).toBe(1);
      });
      expect(page('img[loading="eager"]').length, path).toBeLessThanOrEqual(1);
    }
    expect(images).toBeGreaterThan(15);
  });
});

describe('an image under public/', () => {
  it('is shown as it is, with the size read from the file, also as the social card', async () => {
    const $ = load(await readPage(dist, PUBLIC_IMAGE_URL));
    const img = $('.article-image img');
    expect(img.parent().is('figure')).toBe(true);
    expect([img.attr('src'), img.attr('width'), img.attr('height')]).toEqual(['/logo.png', '512', '512']);
    expect($('meta[property="og:image"]').attr('content')).toBe(`${SITE}/logo.png`);
    expect($('meta[property="og:image:width"]').attr('content')).toBe('512');
  });
});

describe('the front page', () => {
  let $: ReturnType<typeof load>;
  beforeAll(async () => {
    $ = load(await readPage(dist, '/'));
  });

  it('leads with the featured story, its image eager and first, its section as kicker', () => {
    const lead = $('.front-lead .teaser-lead');
    expect(lead.find('.teaser-title a').attr('href')).toBe(FEATURED_URL);
    expect(lead.find('.kicker').text()).toBe('International');
    expect(lead.find('img').attr('fetchpriority')).toBe('high');
    expect(lead.find('img').attr('sizes')).toContain('46rem');
  });

  it('has three secondary stories, those with an image first among the newest, shown newest first', () => {
    const stories = $('.front-secondary .teaser-secondary');
    expect(stories).toHaveLength(3);
    const withImages = stories.filter((_, s) => $(s).find('picture, img').length > 0);
    expect(withImages).toHaveLength(2);
    expect(stories.find('img[loading="lazy"]').length).toBe(2);
    const times = stories
      .find('time')
      .map((_, t) => Date.parse($(t).attr('datetime')!))
      .get();
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A story without an image is a text teaser, with no empty frame.
    const textOnly = stories.filter((_, s) => $(s).find('img').length === 0);
    expect(textOnly.find('.teaser-image').length).toBe(0);
    expect(textOnly.find('.teaser-title a').attr('href')).toBe(NEWEST_URL);
    // Its standfirst takes the picture's place; a story with a picture has none.
    expect(textOnly.find('.teaser-summary').text().length).toBeGreaterThan(10);
    expect(withImages.find('.teaser-summary')).toHaveLength(0);
  });

  it('puts lead, secondary stories and latest news in reading order, as a phone shows them', () => {
    expect(
      $('.front > section')
        .map((_, s) => $(s).attr('class'))
        .get(),
    ).toEqual(['front-lead', 'front-secondary', 'front-latest']);
  });

  it('lists "Dernières nouvelles" across sections: time, section, headline, newest first', () => {
    expect($('#latest-heading').text()).toBe('Dernières nouvelles');
    const items = $('.latest-list li');
    expect(items).toHaveLength(10);
    expect(
      items
        .find('.latest-section')
        .map((_, s) => $(s).text())
        .get(),
    ).toEqual(expect.arrayContaining(['International', 'Économie', 'Culture']));
    // Today's items show the time; earlier days show the day too.
    expect(squash(items.first().text())).toMatch(/^07h00 Économie \[Fictif\] Le marché aux poissons/);
    expect(squash(items.eq(1).text())).toMatch(/^28\/06 09h30 International /);
    const times = items
      .find('time')
      .map((_, t) => Date.parse($(t).attr('datetime')!))
      .get();
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('has a block per section, each led by a teaser with its standfirst, and repeats no front story', () => {
    const front = new Set(
      $('.front-lead a, .front-secondary a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    );
    $('.home-section').each((_, section) => {
      const first = $(section).children('.teaser');
      expect(first.find('.teaser-summary').text().length).toBeGreaterThan(10);
      for (const href of $(section)
        .find('.teaser-title a')
        .map((_, a) => $(a).attr('href'))
        .get()) {
        expect(front.has(href), href).toBe(false);
      }
    });
  });
});

describe('tag and editor pages', () => {
  it('list a tag’s articles, paginated with numbers, the pages linked with rel prev/next', async () => {
    const first = load(await readPage(dist, '/mots-cles/fictif/'));
    expect(first('h1').text()).toBe('Mot-clé\u00a0: fictif');
    expect(first('.section-list > li')).toHaveLength(20);
    expect(
      first('.pagination li a')
        .map((_, a) => first(a).text())
        .get(),
    ).toEqual(['1', '2', '3', 'Articles plus anciens']);
    expect(first('.pagination a[aria-current="page"]').text()).toBe('1');
    expect(first('link[rel="next"]').attr('href')).toBe('/mots-cles/fictif/2/');
    const second = load(await readPage(dist, '/mots-cles/fictif/2/'));
    expect(second('h1').text()).toBe('Mot-clé\u00a0: fictif, page 2');
    expect(second('link[rel="prev"]').attr('href')).toBe('/mots-cles/fictif/');
    expect(second('link[rel="next"]').attr('href')).toBe('/mots-cles/fictif/3/');
    expect(second('.pagination a[rel="prev"]').first().attr('href')).toBe('/mots-cles/fictif/');
    expect(second('.pagination a[rel="next"]').first().attr('href')).toBe('/mots-cles/fictif/3/');
  });

  it('carry CollectionPage and ItemList JSON-LD matching the list, and a breadcrumb', async () => {
    const $ = load(await readPage(dist, '/mots-cles/fictif/2/'));
    const page = jsonLd($).find((d) => d['@type'] === 'CollectionPage')!;
    expect(page['url']).toBe(`${SITE}/mots-cles/fictif/2/`);
    const list = page['mainEntity'] as { itemListElement: { position: number; url: string }[] };
    expect(list.itemListElement.map((i) => i.position)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i));
    expect(list.itemListElement.map((i) => new URL(i.url).pathname)).toEqual(
      $('.section-list .teaser-title a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    );
    expect(
      $('nav.breadcrumb li')
        .map((_, li) => squash($(li).text()))
        .get(),
    ).toEqual(['Page d’accueil', 'Mot-clé : fictif']);
  });

  it('announce their feed', async () => {
    const $ = load(await readPage(dist, '/redacteurs/elise-marchetti/'));
    expect($('h1').text()).toBe(`Articles de ${FRONT_EDITOR}`);
    expect($('link[rel="alternate"][type="application/rss+xml"]').last().attr('href')).toBe(
      `${SITE}/redacteurs/elise-marchetti/rss.xml`,
    );
    expect($('.section-list > li')).toHaveLength(4);
  });

  it('are linked from the article page: each editor and each tag', async () => {
    const $ = load(await readPage(dist, SEED_URL));
    expect(squash($('.editors-line').text())).toBe('(Rédacteurs : Ying Xie, Yishuang Liu)');
    expect(
      $('.editors-line a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/redacteurs/ying-xie/', '/redacteurs/yishuang-liu/']);
    const featured = load(await readPage(dist, FEATURED_URL));
    expect(
      featured('nav.tags a')
        .map((_, a) => featured(a).attr('href'))
        .get(),
    ).toEqual(['/mots-cles/port-de-valmorin/', '/mots-cles/peche/']);
  });

  it('section pages carry CollectionPage JSON-LD too', async () => {
    const $ = load(await readPage(dist, '/international/'));
    expect(jsonLd($).map((d) => d['@type'])).toEqual(['CollectionPage', 'BreadcrumbList']);
  });
});

describe('teasers on section, tag and editor pages', () => {
  /** A local image's variants share the name and hash before the `_` Astro adds; a public one is as it is. */
  const imageOf = (src: string) => src.replace(/_[^_/]+\.\w+$/, '');

  it.each(['/international/', '/culture/', '/mots-cles/port-de-valmorin/', '/redacteurs/elise-marchetti/'])(
    '%s: a thumbnail of the article’s own image where it has one, a text-only teaser where not',
    async (path) => {
      const $ = load(await readPage(dist, path));
      const teasers = $('.section-list .teaser').get();
      expect(teasers.length).toBeGreaterThan(0);
      let thumbnails = 0;
      for (const teaser of teasers) {
        const href = $(teaser).find('.teaser-title a').attr('href')!;
        const own = load(await readPage(dist, href))('.article-image img').attr('src');
        const thumb = $(teaser).find('.teaser-image img');
        expect($(teaser).hasClass('has-image'), href).toBe(own !== undefined);
        if (own === undefined) {
          expect($(teaser).find('.teaser-image, img'), href).toHaveLength(0);
          continue;
        }
        thumbnails++;
        expect(thumb, href).toHaveLength(1);
        expect(imageOf(thumb.attr('src')!), href).toBe(imageOf(own));
        // Beside its headline's link, the picture adds nothing to read: empty alt, and it waits its turn.
        expect([thumb.attr('alt'), thumb.attr('loading')], href).toEqual(['', 'lazy']);
        if (thumb.parent().is('picture')) expect(thumb.attr('sizes'), href).toBe(SLOTS.thumb.sizes);
      }
      expect(thumbnails, 'teasers with a thumbnail').toBeGreaterThan(0);
    },
  );
});

describe('search fields', () => {
  it('every page’s masthead has a plain GET form to the search page, with a labelled field', async () => {
    for (const path of ['/', SEED_URL, '/international/', '/404.html']) {
      const $ = load(await readPage(dist, path));
      const form = $('header.masthead form[role="search"]');
      expect([form.attr('action'), form.attr('method')], path).toEqual(['/recherche/', 'get']);
      const input = form.find('input[name="q"]');
      expect($(`label[for="${input.attr('id')}"]`).text(), path).toBe('Rechercher dans le site');
    }
  });

  it('the 404 page offers a search field and the latest articles', async () => {
    const $ = load(await readPage(dist, '/404.html'));
    expect($('main form[role="search"]').attr('action')).toBe('/recherche/');
    expect($('main .teaser-list .teaser-title a').first().attr('href')).toBe(NEWEST_URL);
    expect($('main .teaser-list > li')).toHaveLength(5);
  });
});

describe('tables in bodies', () => {
  it('keep their Markdown column alignment as classes, without the obsolete align attribute', async () => {
    const $ = load(await readPage(dist, FEATURED_URL));
    expect($('.article-body [align]').length).toBe(0);
    expect(
      $('.article-body thead th')
        .map((_, th) => $(th).attr('class') ?? '')
        .get(),
    ).toEqual(['', 'align-right', 'align-center']);
    const css = await readFile(join(dist, $('link[rel="stylesheet"]').attr('href')!), 'utf8');
    expect(css).toMatch(/\.article-body \.align-right\{text-align:right/);
    expect(css).toMatch(/\.article-body table\{[^}]*display:block;overflow-x:auto/);
  });
});
