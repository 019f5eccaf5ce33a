/**
 * Publishing with the cache CI keeps: Astro copies the pages whose cache key
 * (src/lib/cache-keys.ts) and code are unchanged from the previous build
 * (experimental.incrementalBuild). A new article changes only the pages that
 * show it; older articles' pages stay byte for byte as they were, and the
 * whole output is the cold build's, byte for byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildSite, OUTPUT, writeFixtureContent } from '../support/fixture-site.ts';
import { bundleOf } from '#src/lib/search-bundles.ts';
import { differingFiles, listFiles, load, squash } from '../support/html.ts';

const contentDir = join(OUTPUT, 'publish', 'content');
const EDITED = join(contentDir, 'articles', '2021', 'fictif-00004.md');
const EDITED_TITLE = 'Titre corrigé du théâtre des Saules (n° 4)';
const NEW_TITLE = '[Fictif] Dernière minute à Valmorin : le marché flottant rouvre';
const NEW_PATH = '/economie/2021/06/29/derniere-minute/';

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
    article({ title: NEW_TITLE, date: '2021-06-29T09:00:00+08:00', section: 'economie' }),
  );
  const edited = await readFile(EDITED, 'utf8');
  await writeFile(EDITED, edited.replace(/^title: .*$/m, `title: '[Fictif] ${EDITED_TITLE}'`));

  const second = await buildSite('publish', contentDir);
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
    const showsEdit = async (file: string) =>
      (await readFile(join(published.dist, file), 'utf8')).includes(EDITED_TITLE.replace('’', '&#39;'));
    const unexplained: string[] = [];
    for (const file of changed) {
      const $ = load(await readFile(join(published.dist, file), 'utf8'));
      // The section's previous newest now links the new article as its next one.
      if ($('.neighbours a[rel="next"]').attr('href') === NEW_PATH) continue;
      if (!(await showsEdit(file))) unexplained.push(file);
    }
    expect(unexplained).toEqual([]);
    // The edited article, its two neighbours and the few that pick it: not the section.
    expect(changed.length).toBeGreaterThan(2);
    expect(changed.length).toBeLessThan(12);
  });

  it('renders again only the pages that changed, and copies the others', () => {
    const rendered = [...renderedPages(published.output)].filter((p) => /^\/[a-z]+\/\d{4}\//.test(p));
    const restored = published.output.match(/\(restored\)/g)?.length ?? 0;
    expect(restored).toBeGreaterThan(35);
    expect(rendered).toContain(`${NEW_PATH}index.html`);
    expect(rendered.length).toBeLessThan(13);
  });

  it('indexes for search only the bundle that holds what changed, and takes the other from the cache', () => {
    // The new article and the edited one hash into the same of the fixture's two bundles.
    expect(bundleOf('2021/derniere-minute', 2)).toBe(bundleOf('2021/fictif-00004', 2));
    expect(published.output).toMatch(/Search index: 50 pages in 2 bundle\(s\) \(1 unchanged, from the cache\)/);
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
