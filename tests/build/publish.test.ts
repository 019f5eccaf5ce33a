/**
 * Publishing with the cache CI keeps: Astro copies the pages whose cache key
 * (src/lib/cache-keys.ts) and code are unchanged from the previous build
 * (experimental.incrementalBuild). A new article changes only the pages that
 * show it (its section's, its tag's and its editor's lists among them);
 * older articles' pages stay byte for byte as they were, a photo replaced
 * under the same name reaches every page that shows it, and the whole output
 * is the cold build's, byte for byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { redrawnFixtureImages } from '../support/fixture-images.ts';
import {
  article,
  buildSite,
  FEATURED_URL,
  FRONT_COUNT,
  GENERATED_COUNT,
  OUTPUT,
  writeFixtureContent,
} from '../support/fixture-site.ts';
import { bundleOf } from '#src/lib/search-bundles.ts';
import { differingFiles, listFiles, load, squash } from '../support/html.ts';

const contentDir = join(OUTPUT, 'publish', 'content');
const EDITED = join(contentDir, 'articles', '2021', 'fictif-00004.md');
const EDITED_TITLE = 'Titre corrigé du théâtre des Saules (n° 4)';
const NEW_TITLE = '[Fictif] Dernière minute à Valmorin : le marché flottant rouvre';
const NEW_PATH = '/economie/2021/06/29/derniere-minute/';
/** The new article's tag and editor: each has a page, which must be rendered again, unlike unrelated ones. */
const NEW_TAG_PAGE = '/mots-cles/valmorin/';
const NEW_EDITOR_PAGE = '/redacteurs/dario-pellegrin/';
/** The edited article's page, and the two front stories whose photos are replaced (`redrawnFixtureImages`). */
const EDITED_PATH = '/international/2021/05/12/fictif-00004/';
const REGATES_PATH = '/culture/2021/06/26/regates/';
/** Replaced photos show under these names in `/_astro/` (the lead's in `images/`, the body's beside its article). */
/** Articles whose pages show something new. */
const CHANGED_ARTICLES = [NEW_PATH, EDITED_PATH, FEATURED_URL, REGATES_PATH];
const REPLACED_IMAGE = /\/_astro\/(?:port|phare)\./;

/** The pages Astro rendered in a build, as opposed to those it copied from its cache ("(restored)"). */
function renderedPages(output: string): Set<string> {
  const rendered = new Set<string>();
  for (const [, path, restored] of output.matchAll(/├─ (\S+?\.html)( \(restored\)| \(cached\))?/g))
    if (!restored) rendered.add(path!);
  return rendered;
}

let before: Map<string, Buffer>;
let published: { dist: string; output: string };
let cold: string;

beforeAll(async () => {
  await writeFixtureContent(contentDir);
  const first = await buildSite('publish', contentDir);
  if (first.code !== 0) throw new Error(`first build failed:\n${first.output}`);
  before = new Map();
  for (const file of await listFiles(first.dist)) before.set(file, await readFile(join(first.dist, file)));

  await writeFile(
    join(contentDir, 'articles', '2021', 'derniere-minute.md'),
    article({
      title: NEW_TITLE,
      date: '2021-06-29T09:00:00+08:00',
      section: 'economie',
      editors: 'editors: [Dario Pellegrin]',
      extra: 'tags: [valmorin]',
    }),
  );
  const edited = await readFile(EDITED, 'utf8');
  await writeFile(EDITED, edited.replace(/^title: .*$/m, `title: '[Fictif] ${EDITED_TITLE}'`));
  // Photos replaced under the same names: no Markdown file changes.
  for (const [path, bytes] of Object.entries(await redrawnFixtureImages()))
    await writeFile(join(contentDir, path), bytes);

  const second = await buildSite('publish', contentDir, {}, { keepCache: true });
  if (second.code !== 0) throw new Error(`publish build failed:\n${second.output}`);
  published = second;
  // The same content, with a cache of its own: a cold build.
  const reference = await buildSite('publish-cold', contentDir);
  if (reference.code !== 0) throw new Error(`cold build failed:\n${reference.output}`);
  cold = reference.dist;
}, 600_000);

describe('publishing into a built archive', () => {
  it('gives the cold build’s output, byte for byte', async () => {
    expect(await listFiles(published.dist)).toEqual(await listFiles(cold));
    expect(await differingFiles(published.dist, cold)).toEqual([]);
  });

  it('leaves older articles’ pages byte for byte as they were, except those that show what changed', async () => {
    const changed: string[] = [];
    for (const [file, bytes] of before) {
      if (!/^[a-z]+\/\d{4}\/\d{2}\/\d{2}\//.test(file)) continue;
      if (!bytes.equals(await readFile(join(published.dist, file)))) changed.push(file);
    }
    const unexplained: string[] = [];
    for (const file of changed) {
      const html = await readFile(join(published.dist, file), 'utf8');
      const $ = load(html);
      // The section's previous newest now links the new article as its next one.
      if ($('.neighbours a[rel="next"]').attr('href') === NEW_PATH) continue;
      if (html.includes(EDITED_TITLE.replace('’', '&#39;'))) continue;
      // A front story whose photo was replaced.
      if (
        $('.article img, .article source')
          .toArray()
          .some((e) => REPLACED_IMAGE.test($(e).attr('srcset') ?? $(e).attr('src') ?? ''))
      )
        continue;
      unexplained.push(file);
    }
    expect(unexplained).toEqual([]);
    // The edited article, its two neighbours, the few that pick it and the two stories with new photos: not the section.
    expect(changed).toEqual(
      expect.arrayContaining([`${FEATURED_URL.slice(1)}index.html`, `${REGATES_PATH.slice(1)}index.html`]),
    );
    expect(changed.length).toBeGreaterThan(4);
    expect(changed.length).toBeLessThan(14);
  });

  it('renders again only the article pages that show something that changed, and copies the others', async () => {
    const rendered = [...renderedPages(published.output)].filter((p) => /^\/[a-z]+\/\d{4}\//.test(p));
    const restored = published.output.match(/\(restored\)/g)?.length ?? 0;
    expect(restored).toBeGreaterThan(35);
    expect(rendered).toContain(`${NEW_PATH}index.html`);
    // Each one is new, edited or has a new photo, or links one that is, as a pick or a neighbour.
    for (const file of rendered) {
      const path = file.slice(0, -'index.html'.length);
      const $ = load(await readFile(join(published.dist, file), 'utf8'));
      const linked = $('.picks a, .neighbours a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(
        [path, ...linked].some((p) => CHANGED_ARTICLES.includes(p)),
        file,
      ).toBe(true);
    }
    expect(rendered.length).toBeLessThan(20);
  });

  it('renders again the new article’s tag and editor pages, and no list page that shows nothing that changed', async () => {
    const rendered = renderedPages(published.output);
    expect(rendered).toContain(`${NEW_TAG_PAGE}index.html`);
    expect(rendered).toContain(`${NEW_EDITOR_PAGE}index.html`);
    // Every section, tag or editor page rendered again lists an article that is new, edited, or shows a new photo.
    const lists = [...rendered].filter((p) =>
      /^\/(?:international|economie|culture|mots-cles\/[^/]+|redacteurs\/[^/]+)\/(?:\d+\/)?index\.html$/.test(p),
    );
    expect(lists.length).toBeGreaterThan(4);
    for (const list of lists) {
      const $ = load(await readFile(join(published.dist, list), 'utf8'));
      const shown = $('.section-list .teaser-title a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(
        shown.some((path) => CHANGED_ARTICLES.includes(path)),
        list,
      ).toBe(true);
    }
    // Tags and editors of unchanged articles only are copied as they were.
    for (const page of ['/mots-cles/castelbrume/', '/mots-cles/fictif/', '/redacteurs/yishuang-liu/'])
      expect(rendered.has(`${page}index.html`), page).toBe(false);
  });

  it('shows the new article first on its tag’s and its editor’s pages, with their stamp', async () => {
    for (const page of [NEW_TAG_PAGE, NEW_EDITOR_PAGE]) {
      const $ = load(await readFile(join(published.dist, page, 'index.html'), 'utf8'));
      expect($('.section-list .teaser-title a').first().attr('href'), page).toBe(NEW_PATH);
      expect($('.site-updated time').attr('datetime'), page).toBe('2021-06-29T09:00:00+08:00');
    }
  });

  it('shows a photo replaced under the same name, in the lead and in the body, on every page that shows it', async () => {
    const images = (html: string) => {
      const $ = load(html);
      return $('img, source')
        .toArray()
        .flatMap((e) => ($(e).attr('srcset') ?? $(e).attr('src') ?? '').split(/[\s,]+/))
        .filter((url) => REPLACED_IMAGE.test(url));
    };
    // The featured story shows both: the lead (port) and the body's image (phare).
    const featured = images(before.get(`${FEATURED_URL.slice(1)}index.html`)!.toString('utf8'));
    for (const name of ['port', 'phare'])
      expect(
        featured.some((url) => url.includes(`/${name}.`)),
        name,
      ).toBe(true);
    for (const path of [FEATURED_URL, REGATES_PATH, '/']) {
      const file = `${path.slice(1)}index.html`;
      const old = images(before.get(file)!.toString('utf8'));
      const now = images(await readFile(join(published.dist, file), 'utf8'));
      expect(old.length, path).toBeGreaterThan(0);
      // Other bytes, other hashed names: none of the old files is still shown.
      expect(
        now.filter((url) => old.includes(url)),
        path,
      ).toEqual([]);
    }
  });

  it('indexes for search only the bundle that holds what changed, and takes the other from the cache', () => {
    // The new article, the edited one and the two with new photos hash into the same of the fixture's two bundles.
    for (const id of ['2021/fictif-00004', '2021/06/grand-port', '2021/06/regates'])
      expect(bundleOf(id, 2), id).toBe(bundleOf('2021/derniere-minute', 2));
    const pages = GENERATED_COUNT + FRONT_COUNT + 2;
    expect(published.output).toContain(`Search index: ${pages} pages in 2 bundle(s) (1 unchanged, from the cache)`);
  });

  it('shows on an older page its own last update, not the new article’s time', async () => {
    const old = [...before.keys()].find((f) => f.startsWith('economie/2021/05/'))!;
    const $ = load(await readFile(join(published.dist, old), 'utf8'));
    const own = $('.updated-line time').attr('datetime') ?? $('.source-line time').attr('datetime');
    expect($('.site-updated time').attr('datetime')).toBe(own);
    expect(squash($('.site-updated').text())).toMatch(/^Dernière mise à jour à \d{2}h\d{2} le \d{2}\/05$/);
  });

  it('shows the new article’s time on the homepage and its section’s first page', async () => {
    for (const file of ['index.html', 'economie/index.html']) {
      const $ = load(await readFile(join(published.dist, file), 'utf8'));
      expect($('.site-updated time').attr('datetime'), file).toBe('2021-06-29T09:00:00+08:00');
    }
  });
});
