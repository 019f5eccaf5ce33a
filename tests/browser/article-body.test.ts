/**
 * Article bodies in a real browser: a fixture site is built with three more
 * (fictional) articles, one made of every payload of the XSS corpus, one
 * with the furniture editors can write (local image, figure, footnotes, pull
 * quote, box, table) and one whose images come from an allowed remote host.
 * Headless Chromium checks that no payload runs, with and without the page's
 * Content-Security-Policy (the sanitiser must stop them on its own), and that
 * the furniture works as readers use it. The remote images are checked in the
 * built HTML only: a reader's browser fetching them is the third-party request
 * the newsroom allowed, and this machine has no host to serve them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { flatImage } from '../support/fixture-images.ts';
import { article, buildSite, OUTPUT, writeFixtureContent } from '../support/fixture-site.ts';
import { listFiles, load, squash } from '../support/html.ts';
import { bodyImageRefs, checkImageRef } from '#src/lib/image-refs.ts';
import { createBodyChecker } from '#src/markdown/check-body.ts';
import { payloads, threats } from '../markdown/xss-payloads.ts';

/**
 * Payloads that hide in an image (`javascript:`, `data:`, `<img src=x onerror>`)
 * never reach a build: the content check refuses them (tests/lib/image-refs.test.ts).
 * The others go into the hostile article, for the sanitiser to stop.
 */
const rules = { contentDir: '/c', publicDir: '/p', remoteHosts: [], exists: () => true };
const buildable = payloads.filter((payload) =>
  bodyImageRefs(payload.markdown, 1).every((ref) => checkImageRef(ref, '/c/a.md', rules).kind !== 'error'),
);

const HOSTILE_TITLE = '[Fictif] Dépêche piégée reçue de l’Agence Fictive';
const HOSTILE_URL = 'international/2021/06/20/depeche-piegee/';
const FURNITURE_URL = 'culture/2021/06/21/mobilier/';
const IMAGE = { width: 320, height: 200 };

/**
 * The allowed remote host (`ROTATIVE_REMOTE_IMAGE_HOSTS`) is under `.example`, a name reserved never to
 * resolve (RFC 6761): any attempt of the build to download its images would fail the build.
 */
const REMOTE_HOST = 'photos.agence.example';
const REMOTE_URL = 'economie/2021/06/22/criee/';
const REMOTE_LEAD = { src: `https://${REMOTE_HOST}/2021/06/criee.jpg`, width: 1600, height: 1067 };
const REMOTE_FIGURE = { src: `https://${REMOTE_HOST}/2021/06/etals.jpg`, width: 1200, height: 800 };
/** An article whose lead image is a PNG with a transparent background (a logo, a map, a chart). */
const TRANSPARENT_URL = 'economie/2021/06/23/embleme/';

const furniture = [
  'Le conseil municipal de Valmorin a voté le plan[^vote] ; "rien ne presse", a dit M. Oudin.',
  '',
  '## Où en est le pont ?',
  '',
  '![Des barques dans le port de Valmorin](../../../images/port.png "Le port de Valmorin au matin | Alix Ferrand")',
  '',
  ':::citation[Basile Oudin, porte-parole]',
  '"Nous avons besoin de temps."',
  ':::',
  '',
  ':::encadre[Repères]',
  '- 1998 : premier pont en bois.',
  '- 2021 : nouveau plan, 15 % du budget.',
  ':::',
  '',
  '| Ville | Habitants |',
  '|---|---|',
  '| Valmorin | 12 000 |',
  '',
  'Une seconde note[^source] pour finir.',
  '',
  '[^vote]: Vote fictif du 3 mai 2021.',
  '[^source]: Source fictive.',
].join('\n');

let browser: Browser;
let page: Page;
let site: StaticSite;
let dist: string;
const dialogs: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  // Copy whose text the sanitiser would hide is refused by the checker and the build
  // (tests/markdown/check-body.test.ts); some payloads only hide text once others came
  // before them (an unclosed <svg>). The page is made of every payload the gate lets through
  // after those already in it.
  const check = createBodyChecker({ siteUrl: 'https://rotative.example.org', locale: 'fr-FR' });
  const hostileBody = (markdown: string[]) =>
    `Cette dépêche fictive contient des pièges connus.\n\n${markdown.join('\n\n')}\n\nFin de la dépêche.`;
  const accepted: string[] = [];
  for (const payload of buildable) {
    const found = await check(hostileBody([...accepted, payload.markdown]), { file: 'payload.md', bodyLine: 1 });
    if (!found.some((problem) => problem.severity === 'error')) accepted.push(payload.markdown);
  }
  expect(accepted.length).toBeGreaterThan(buildable.length - 10);
  const name = 'markdown-bodies';
  const contentDir = join(OUTPUT, name, 'content');
  await writeFixtureContent(contentDir, {
    'articles/2021/06/depeche-piegee.md': article({
      title: HOSTILE_TITLE,
      date: '2021-06-20T10:00:00+08:00',
      body: hostileBody(accepted),
    }),
    // In a section of its own among these, so that the pages Chromium visits never show its images.
    'articles/2021/06/criee.md': article({
      title: '[Fictif] La criée de Valmorin se modernise',
      date: '2021-06-22T06:30:00+08:00',
      section: 'economie',
      extra: [
        'image:',
        `  src: ${REMOTE_LEAD.src}`,
        '  alt: La halle de la criée au lever du jour',
        '  credit: Agence Fictive',
        `  width: ${REMOTE_LEAD.width}`,
        `  height: ${REMOTE_LEAD.height}`,
      ].join('\n'),
      body: [
        'La criée de Valmorin vend désormais ses lots sur écran.',
        '',
        `::figure[Les étals avant la vente]{src="${REMOTE_FIGURE.src}" alt="Des caisses de poissons sur la glace" width=${REMOTE_FIGURE.width} height=${REMOTE_FIGURE.height}}`,
      ].join('\n'),
    }),
    'articles/2021/06/embleme.md': article({
      title: '[Fictif] La criée de Valmorin change d’emblème',
      date: '2021-06-23T06:30:00+08:00',
      section: 'economie',
      extra: ['image:', '  src: ../../../images/embleme.png', '  alt: Le nouvel emblème, un poisson bleu'].join('\n'),
      body: 'Le nouvel emblème de la criée sera peint sur la halle.',
    }),
    'articles/2021/06/mobilier.md': article({
      title: '[Fictif] Le mobilier d’un article',
      date: '2021-06-21T10:00:00+08:00',
      section: 'culture',
      body: furniture,
    }),
  });
  await mkdir(join(contentDir, 'images'), { recursive: true });
  await writeFile(join(contentDir, 'images', 'port.png'), await flatImage('png', IMAGE.width, IMAGE.height));
  // A blue disc on a transparent square.
  await writeFile(
    join(contentDir, 'images', 'embleme.png'),
    await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><circle cx="300" cy="200" r="150" fill="#1f4e79"/></svg>',
      ),
    )
      .png()
      .toBuffer(),
  );
  // Full-text feeds on, so the feed tests below see these bodies as feed readers get them.
  const result = await buildSite(name, contentDir, {
    ROTATIVE_FEED_FULL_TEXT: 'true',
    ROTATIVE_REMOTE_IMAGE_HOSTS: REMOTE_HOST,
  });
  if (result.code !== 0) throw new Error(`The fixture build failed (exit ${result.code}):\n${result.output}`);
  dist = result.dist;

  site = await serveStatic(result.dist);
  browser = await launchBrowser();
  // @sparticuz/chromium runs single-process: one page, reused.
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Does to every element of the body what a reader might: points at it,
 * focuses it, clicks it (links that would leave the site excepted), so any
 * surviving handler or `javascript:` link would fire; then tabs through the page.
 */
async function provoke(): Promise<void> {
  await page.locator('.article-body *').evaluateAll((elements) => {
    for (const element of elements) {
      for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin'])
        element.dispatchEvent(new Event(type, { bubbles: true }));
      if (element instanceof HTMLElement) element.focus();
      const href = element.getAttribute('href');
      if (href === null || !/^(https?|mailto|tel):/i.test(href.trim())) (element as HTMLElement).click?.();
    }
  });
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  // Until the page has drawn a frame and run the tasks queued before it: a javascript: link's navigation, a
  // handler's timer. The control test (payloads without the sanitiser) shows what runs is then seen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Serves `path` with its Content-Security-Policy <meta> removed (and `inject` put at the start of the body), until `unroute`. */
async function withoutCsp(path: string, inject = ''): Promise<void> {
  await page.route(`**/${path}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '')
      .replace('<div class="article-body">', `<div class="article-body">${inject}`);
    await route.fulfill({ response, body });
  });
}

async function expectNothingRan(): Promise<void> {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(await page.title()).toBe(`${HOSTILE_TITLE} – Rotative`);
  expect(new URL(page.url()).pathname).toBe(`/${HOSTILE_URL}`);
  const origin = new URL(site.url).origin;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
}

describe('an article made of XSS payloads', () => {
  it('would be caught: unsanitised payloads put into the page do run here', async () => {
    // Controls for the harness: an error handler, a hover handler and a javascript: link.
    await withoutCsp(
      HOSTILE_URL,
      '<p><img src="x" onerror="alert(1)"><span onmouseover="window.pwned=1">a</span><a href="javascript:document.title=2">b</a></p>',
    );
    await page.goto(new URL(HOSTILE_URL, site.url).href);
    await provoke();
    expect(dialogs).toEqual(['alert: 1']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBe(1);
    expect(await page.title()).toBe('2');
    await page.unroute(`**/${HOSTILE_URL}`);
    dialogs.length = 0;
  });

  it('runs nothing, as built (Content-Security-Policy included)', async () => {
    requests.length = 0;
    await page.goto(new URL(HOSTILE_URL, site.url).href);
    expect(await page.locator('.article-body p').first().innerText()).toBe(
      'Cette dépêche fictive contient des pièges connus.',
    );
    // Nothing before it swallowed the end of the copy: the gate saw to that.
    expect(await page.locator('.article-body').innerText()).toContain('Fin de la dépêche.');
    await provoke();
    await expectNothingRan();
  });

  it('runs nothing with the Content-Security-Policy taken out: the sanitiser alone stops every payload', async () => {
    await withoutCsp(HOSTILE_URL);
    requests.length = 0;
    await page.goto(new URL(HOSTILE_URL, site.url).href);
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(0);
    await provoke();
    await expectNothingRan();
    const urls = await page
      .locator('.article-body [href], .article-body [src]')
      .evaluateAll((elements) =>
        elements.flatMap((e) => [e.getAttribute('href'), e.getAttribute('src')]).filter((v): v is string => v !== null),
      );
    for (const url of urls)
      expect(url.replace(/[\u0000-\u0020]/g, ''), url).not.toMatch(/^(javascript|vbscript|data):/i);
    expect(
      await page
        .locator(
          '.article-body script, .article-body iframe, .article-body object, .article-body embed, .article-body svg, .article-body math, .article-body form',
        )
        .count(),
    ).toBe(0);
    await page.unroute(`**/${HOSTILE_URL}`);
  });
});

describe('an article with figures, footnotes, a pull quote, a box and a table', () => {
  beforeAll(async () => {
    await page.goto(new URL(FURNITURE_URL, site.url).href);
  });

  it('shows the local image through Astro’s image service, sized, lazy and captioned with its credit', async () => {
    const img = page.locator('.article-body figure.figure img');
    expect(await img.getAttribute('width')).toBe(String(IMAGE.width));
    expect(await img.getAttribute('height')).toBe(String(IMAGE.height));
    expect(await img.getAttribute('loading')).toBe('lazy');
    expect(await img.getAttribute('decoding')).toBe('async');
    expect(await img.getAttribute('alt')).toBe('Des barques dans le port de Valmorin');
    // A <picture>: AVIF and WebP sources, and the PNG itself for browsers without either.
    expect(await img.getAttribute('src')).toMatch(/^\/_astro\/port\.[^/]+\.png$/);
    const sources = page.locator('.article-body figure.figure picture source');
    expect(await sources.evaluateAll((all) => all.map((s) => s.getAttribute('type')))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    await img.scrollIntoViewIfNeeded();
    // Loaded, from the AVIF source (its natural width is scaled by srcset's density, so only > 0 is told).
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await img.evaluate((e) => (e as HTMLImageElement).currentSrc)).toMatch(/\.avif$/);
    expect(await img.getAttribute('srcset')).toMatch(new RegExp(` ${IMAGE.width}w$`));
    expect(squash(await page.locator('.article-body figure.figure figcaption').innerText())).toBe(
      'Le port de Valmorin au matin Photo : Alix Ferrand',
    );
  });

  it('links each footnote call to its note and back', async () => {
    const calls = page.locator('.article-body sup a[data-footnote-ref]');
    expect(await calls.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      await calls.nth(i).click();
      const note = page.locator(':target');
      expect(await note.getAttribute('id')).toBe((await calls.nth(i).getAttribute('href'))!.slice(1));
      expect(await note.evaluate((e) => e.tagName)).toBe('LI');
      await note.locator('a[data-footnote-backref]').click();
      expect(await page.locator(':target').getAttribute('id')).toBe(await calls.nth(i).getAttribute('id'));
    }
    expect(await page.locator('.article-body section.footnotes h2').innerText()).toBe('Notes');
  });

  it('renders the pull quote, the box, the table and the heading as semantic HTML with French typography', async () => {
    expect(await page.locator('.article-body h2#ou-en-est-le-pont').innerText()).toBe('Où en est le pont\u202f?');
    expect(await page.locator('.article-body figure.pullquote blockquote').innerText()).toBe(
      '«\u202fNous avons besoin de temps.\u202f»',
    );
    expect(await page.locator('.article-body figure.pullquote figcaption').innerText()).toBe(
      'Basile Oudin, porte-parole',
    );
    expect(await page.locator('.article-body aside.aside .aside-title').innerText()).toBe('Repères');
    expect(await page.locator('.article-body table th').allInnerTexts()).toEqual(['Ville', 'Habitants']);
    expect(await page.locator('.article-body p').first().innerText()).toMatch(
      /^Le conseil municipal de Valmorin a voté le plan1?\u202f; «\u202frien ne presse\u202f», a dit M\.\u00a0Oudin\.$/,
    );
    expect(await page.locator('.article-header .reading-time').innerText()).toBe('Lecture\u00a0: 1\u00a0min');
  });

  it('passes axe-core’s WCAG 2.2 A and AA rules', async () => {
    // axe-core is injected as an inline script, which the page's own policy rightly refuses.
    await withoutCsp(FURNITURE_URL);
    await page.goto(new URL(FURNITURE_URL, site.url).href);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.unroute(`**/${FURNITURE_URL}`);
  });
});

describe('the same bodies in the full-text feeds (feedFullText)', () => {
  const parser = new Parser<Record<string, never>, { link: string; 'content:encoded': string }>({
    customFields: { item: ['content:encoded'] },
  });
  const get = async (path: string) => {
    const response = await fetch(new URL(path, site.url));
    expect(response.status, path).toBe(200);
    return response;
  };

  it('carry the local image as the page shows it, at an absolute URL that serves it', async () => {
    const feed = await parser.parseString(await (await get('rss.xml')).text());
    const body = feed.items.find((item) => item.link.endsWith(`/${FURNITURE_URL}`))?.['content:encoded'];
    expect(body).toBeDefined();
    expect(body).not.toContain('__ASTRO_IMAGE_');
    const src = /<img [^>]*src="([^"]+)"/.exec(body!)?.[1];
    expect(src).toMatch(/^https:\/\/rotative\.example\.org\/_astro\/port\.[^/]+\.webp$/);
    const image = await get(new URL(src!).pathname.slice(1));
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(body).toContain('Le port de Valmorin au matin');

    const json = (await (await get('feed.json')).json()) as { items: { url: string; content_html?: string }[] };
    const item = json.items.find((i) => i.url.endsWith(`/${FURNITURE_URL}`));
    expect(item?.content_html).toContain(`src="${src}"`);
  });

  it('carry the hostile dispatch sanitised, as the page does', async () => {
    const feed = await parser.parseString(await (await get('rss.xml')).text());
    const body = feed.items.find((item) => item.link.endsWith(`/${HOSTILE_URL}`))?.['content:encoded'];
    expect(body).toContain('Cette dépêche fictive contient des pièges connus.');
    // Parsed as a feed reader parses it: `onerror=` inside a title attribute's text is only text.
    expect(threats(body ?? '')).toEqual([]);
    expect(body).toContain('Fin de la dépêche.');
  });
});

describe('a lead image with a transparent background', () => {
  it('makes a social card (JPEG, without transparency) on white, not on black', async () => {
    const $ = load(await readFile(join(dist, TRANSPARENT_URL, 'index.html'), 'utf8'));
    const card = new URL($('meta[property="og:image"]').attr('content')!).pathname;
    expect(card).toMatch(/\.jpg$/);
    const { data, info } = await sharp(join(dist, card)).raw().toBuffer({ resolveWithObject: true });
    // A corner, outside the disc: transparent in the source.
    expect([...data.subarray(0, info.channels)].slice(0, 3)).toEqual([255, 255, 255]);
    // The disc itself keeps its colour.
    const centre = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
    expect(
      [...data.subarray(centre, centre + 3)].every((value, i) => Math.abs(value - [0x1f, 0x4e, 0x79][i]!) < 8),
    ).toBe(true);
  });
});

describe('an article whose images come from an allowed remote host (remoteImageHosts)', () => {
  let $: ReturnType<typeof load>;
  beforeAll(async () => {
    $ = load(await readFile(join(dist, REMOTE_URL, 'index.html'), 'utf8'));
  });

  it('was built without downloading them: shown from their host, nothing made from them', async () => {
    // Any download would have failed the build (the host resolves nowhere); nor is any file derived from them.
    const files = await listFiles(dist);
    expect(files.filter((file) => /criee|etals/.test(file))).toEqual([`${REMOTE_URL}index.html`]);
  });

  it('shows the lead image as an <img> from its host, with the size the article gives, loaded first', () => {
    const img = $('.article-image img');
    expect(img.length).toBe(1);
    expect($('.article-image picture').length).toBe(0);
    expect(img.attr()).toMatchObject({
      src: REMOTE_LEAD.src,
      width: String(REMOTE_LEAD.width),
      height: String(REMOTE_LEAD.height),
      alt: 'La halle de la criée au lever du jour',
      loading: 'eager',
      fetchpriority: 'high',
    });
    expect(squash($('.article-image figcaption').text())).toBe('Photo : Agence Fictive');
  });

  it('shows the body’s figure from its host, sized and lazy', () => {
    const img = $('.article-body figure img');
    expect(img.length).toBe(1);
    expect(img.attr()).toMatchObject({
      src: REMOTE_FIGURE.src,
      width: String(REMOTE_FIGURE.width),
      height: String(REMOTE_FIGURE.height),
      alt: 'Des caisses de poissons sur la glace',
      loading: 'lazy',
    });
  });

  it('lets the page load images from that host, and from no other', () => {
    const csp = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
    const imgSrc = csp
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('img-src '));
    expect(imgSrc).toBe(`img-src 'self' https://${REMOTE_HOST}`);
  });

  it('gives the remote image and its size to social cards and to the NewsArticle', () => {
    expect($('meta[property="og:image"]').attr('content')).toBe(REMOTE_LEAD.src);
    expect($('meta[property="og:image:width"]').attr('content')).toBe(String(REMOTE_LEAD.width));
    expect($('meta[property="og:image:height"]').attr('content')).toBe(String(REMOTE_LEAD.height));
    expect($('meta[name="twitter:image"]').attr('content')).toBe(REMOTE_LEAD.src);
    const ld = $('script[type="application/ld+json"]')
      .map((_, script) => JSON.parse($(script).text()) as Record<string, unknown>)
      .get() as Record<string, unknown>[];
    expect(ld.find((data) => data['@type'] === 'NewsArticle')?.['image']).toEqual([
      {
        '@type': 'ImageObject',
        url: REMOTE_LEAD.src,
        width: String(REMOTE_LEAD.width),
        height: String(REMOTE_LEAD.height),
      },
    ]);
  });

  it('is the thumbnail of its teaser on its section page, sized', async () => {
    const section = load(await readFile(join(dist, 'economie', 'index.html'), 'utf8'));
    const teaser = section(`.teaser:has(a[href="/${REMOTE_URL}"])`);
    expect(teaser.find('.teaser-image img').attr()).toMatchObject({
      src: REMOTE_LEAD.src,
      width: String(REMOTE_LEAD.width),
      height: String(REMOTE_LEAD.height),
      alt: '',
      loading: 'lazy',
    });
  });
});
