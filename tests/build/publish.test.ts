/**
 * Publishing with the cache CI keeps: Astro copies unchanged pages from the
 * previous build (experimental.incrementalBuild, keys in src/lib/cache-keys.ts)
 * and site-stamp brings their "last updated" stamp up to date. The result must
 * be the cold build's, byte for byte: a new article, and an edited headline
 * that other pages show as a neighbour or pick, reach every page that shows them.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildSite, OUTPUT, writeFixtureContent } from '../support/fixture-site.ts';
import { listFiles } from '../support/html.ts';

const contentDir = join(OUTPUT, 'publish', 'content');
const EDITED = join(contentDir, 'articles', '2021', 'fictif-00003.md');
const NEW_TITLE = '[Fictif] Dernière minute à Valmorin : le marché flottant rouvre';

let published: { dist: string; output: string };
let publishStarted: number;
let cold: string;

beforeAll(async () => {
  await writeFixtureContent(contentDir);
  const first = await buildSite('publish', contentDir);
  if (first.code !== 0) throw new Error(`first build failed:\n${first.output}`);

  await writeFile(
    join(contentDir, 'articles', '2021', 'derniere-minute.md'),
    article({ title: NEW_TITLE, date: '2021-06-29T09:00:00+08:00', section: 'economie' }),
  );
  const edited = (await readFile(EDITED, 'utf8')).replace(
    /^title: .*$/m,
    "title: '[Fictif] Titre corrigé du théâtre des Saules (n° 3)'",
  );
  await writeFile(EDITED, edited);

  publishStarted = Date.now();
  const second = await buildSite('publish', contentDir);
  if (second.code !== 0) throw new Error(`publish build failed:\n${second.output}`);
  published = second;
  // The same content, with a cache of its own: a cold build.
  const reference = await buildSite('publish-cold', contentDir);
  if (reference.code !== 0) throw new Error(`cold build failed:\n${reference.output}`);
  cold = reference.dist;
}, 600_000);

describe('publishing into a built archive', () => {
  it('copies most pages from the previous build instead of rendering them', () => {
    const kept = published.output.match(/\((?:restored|cached)\)/g)?.length ?? 0;
    expect(kept).toBeGreaterThan(10);
    expect(published.output).toMatch(/"Last updated" stamp and section picks brought up to date in \d+ page/);
  });

  it('indexes the changed section for search again, and takes the two others’ bundles from the cache', () => {
    // The new article and the edited headline are both in economie.
    expect(published.output).toMatch(
      /Search index: \d+ pages in 3 section bundles \(2 unchanged, from the cache\), [\d.]+ s/,
    );
  });

  it('gives the cold build’s output, byte for byte', async () => {
    const files = await listFiles(cold);
    expect(await listFiles(published.dist)).toEqual(files);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(published.dist, file)), readFile(join(cold, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });

  it('keeps the section’s pages whose picks are its newest articles, instead of rendering them again', async () => {
    // The new article changed economie's newest: every page showing them needed new picks.
    const marked: string[] = [];
    for (const file of await listFiles(cold)) {
      if (!file.startsWith('economie/2021/')) continue;
      if ((await readFile(join(cold, file), 'utf8')).includes('data-section-newest="economie"')) marked.push(file);
    }
    expect(marked.length).toBeGreaterThan(5);
    // Astro's incremental cache holds its own copy of each page, written only when the page is rendered.
    const renderedNow: string[] = [];
    for (const file of marked) {
      if ((await stat(join(OUTPUT, 'publish', 'cache', 'dist', file))).mtimeMs < publishStarted) continue;
      // The edited article's page and those showing its headline as a neighbour changed anyway.
      if (!(await readFile(join(cold, file), 'utf8')).includes('Titre corrigé du théâtre des Saules'))
        renderedNow.push(file);
    }
    // Else only the article that has just left the newest, whose page shows them from now on.
    expect(renderedNow.length).toBe(1);
  });

  it('shows the new article’s time as the site’s last update on kept pages too', async () => {
    const seed = await readFile(
      join(
        published.dist,
        'international',
        '2021',
        '05',
        '21',
        'la-russie-et-les-etats-unis-recherchent-la-cooperation-dans',
        'index.html',
      ),
      'utf8',
    );
    expect(seed).toMatch(/<p class="site-updated"><time datetime="2021-06-29T09:00:00\+08:00"/);
  });
});

describe('rendered bodies kept in the build cache', () => {
  const cache = join(OUTPUT, 'publish', 'cache');

  it('are files, one per article, and not in the content store Astro bundles', async () => {
    const store = await readFile(join(cache, 'data-store.json'), 'utf8');
    expect(store).toContain('bodyFile');
    expect(store).not.toContain('<p>');
    const articles = (await readdir(join(contentDir, 'articles'), { recursive: true })).filter((name) =>
      name.endsWith('.md'),
    );
    expect((await readdir(join(cache, 'article-bodies'))).length).toBe(articles.length);
  });

  it('are rendered again when their file went missing, and the site is the same', async () => {
    const bodies = join(cache, 'article-bodies');
    const [lost] = await readdir(bodies);
    await rm(join(bodies, lost!));
    const again = await buildSite('publish', contentDir);
    expect(again.code, again.output).toBe(0);
    expect(await readdir(bodies)).toContain(lost);
    const files = await listFiles(cold);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(again.dist, file)), readFile(join(cold, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  }, 300_000);
});
