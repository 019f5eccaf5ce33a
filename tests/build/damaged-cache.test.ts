/**
 * The build cache is verified, never trusted: rendered bodies, the page
 * copies of Astro's incremental build, the search bundles, and the records
 * that describe them, truncated, corrupted or deleted, cost a rebuild of what
 * they held. Each build after the damage exits 0 and gives the output of the
 * build before it, byte for byte; so does the build after that.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBodyRecords, verifiedBody } from '#src/lib/article-bodies.ts';
import { buildSite, OUTPUT, SEED_URL, writeFixtureContent } from '../support/fixture-site.ts';
import { listFiles } from '../support/html.ts';

const NAME = 'damaged-cache';
const contentDir = join(OUTPUT, NAME, 'content');
const cache = join(OUTPUT, NAME, 'cache');
const bodies = join(cache, 'article-bodies');

let reference: Map<string, Buffer>;

/** A build with the damaged cache: exit 0, and the reference output byte for byte. */
async function rebuildsIdentically(): Promise<string> {
  const result = await buildSite(NAME, contentDir, {}, { keepCache: true });
  expect(result.code, result.output).toBe(0);
  const files = await listFiles(result.dist);
  expect(files).toEqual([...reference.keys()]);
  const different: string[] = [];
  for (const file of files)
    if (!(await readFile(join(result.dist, file))).equals(reference.get(file)!)) different.push(file);
  expect(different).toEqual([]);
  return result.output;
}

const damage = {
  /** The first half of the file. */
  truncate: async (file: string) => writeFile(file, (await readFile(file)).subarray(0, (await stat(file)).size >> 1)),
  /** As long as before, with garbage in the middle. */
  corrupt: async (file: string) => {
    const bytes = await readFile(file);
    bytes.fill(0x78, bytes.length >> 2, (bytes.length >> 2) + Math.max(1, bytes.length >> 2));
    await writeFile(file, bytes);
  },
  delete: (file: string) => rm(file),
};

/** The seed article's rendered body, whose page copy is damaged too: its page is rendered again from it. */
async function seedBody(): Promise<string> {
  for (const name of (await readdir(bodies)).filter((n) => n.endsWith('.html')))
    if ((await readFile(join(bodies, name), 'utf8')).includes('Reykjavik')) return join(bodies, name);
  throw new Error('no rendered body holds the seed article');
}

async function searchBundles(): Promise<string[]> {
  return (await readdir(join(cache, 'search-index'))).filter((n) => !n.endsWith('.json')).sort();
}

beforeAll(async () => {
  await writeFixtureContent(contentDir);
  const first = await buildSite(NAME, contentDir);
  if (first.code !== 0) throw new Error(first.output);
  reference = new Map();
  // Bytes, not paths: the output shares its search files with the cache as hard links.
  for (const file of await listFiles(first.dist)) reference.set(file, await readFile(join(first.dist, file)));
}, 300_000);

const kinds = Object.keys(damage) as (keyof typeof damage)[];

/** The files a build keeps: the seed's body and page copy, the first bundle's entry and first fragment. */
async function cachedFiles(): Promise<string[]> {
  const [bundle] = await searchBundles();
  const fragments = join(cache, 'search-index', bundle!, 'fragment');
  return [
    await seedBody(),
    join(cache, 'dist', SEED_URL, 'index.html'),
    join(cache, 'search-index', bundle!, 'pagefind-entry.json'),
    join(fragments, (await readdir(fragments)).sort()[0]!),
  ];
}

// Each round damages every kind of file, each in another way, so that three builds try every way on every kind.
describe.each(kinds.map((_, round) => [round + 1, round] as const))(
  'a build cache damaged, round %i of 3',
  (_, round) => {
    it('is rebuilt where damaged: a body, a page copy, search files', async () => {
      const files = await cachedFiles();
      for (const [i, file] of files.entries()) await damage[kinds[(i + round) % kinds.length]!](file);

      const output = await rebuildsIdentically();
      expect(output).toMatch(/page\(s\) kept from the previous build were damaged or missing: rendered again/);
      expect(output).toMatch(/Search index: \d+ pages in 2 bundle\(s\) \(1 unchanged, from the cache\)/);
      // The body was rendered again and recorded, whole.
      expect(await verifiedBody(files[0]!, await readBodyRecords(bodies))).toMatch(/<\/p>\s*$/);
    });
  },
);

describe('a build cache after the damage', () => {
  it('gives the same output again: what was rebuilt was kept whole', async () => {
    const output = await rebuildsIdentically();
    expect(output).not.toMatch(/damaged or missing/);
  });
});

describe('a build cache whose records are damaged', () => {
  it('is rebuilt from what it can still trust, or from nothing', async () => {
    await writeFile(join(bodies, 'bodies.json'), '{"garbage": ');
    await damage.truncate(join(cache, 'page-digests.json'));
    await damage.corrupt(join(cache, 'incremental-build.json'));
    await rm(join(cache, 'search-index', `${(await searchBundles())[1]!}.json`));
    await damage.truncate(join(cache, 'data-store.json'));
    await rebuildsIdentically();
    await rebuildsIdentically();
  });
});
