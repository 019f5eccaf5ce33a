import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPageCache, recordPageCache } from '#src/integrations/page-cache.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A cache as Astro's incremental build leaves it: a manifest and a copy of each page. */
async function cache(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rotative-pages-'));
  dirs.push(dir);
  const paths: Record<string, { cacheKey: string; outputFile: string }> = {};
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(dirname(join(dir, 'dist', file)), { recursive: true });
    await writeFile(join(dir, 'dist', file), html);
    paths[`/${file}`] = { cacheKey: 'k', outputFile: file };
  }
  const manifest = { version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'h', paths } } };
  await writeFile(join(dir, 'incremental-build.json'), JSON.stringify(manifest));
  return dir;
}

const pages = { 'a/index.html': '<p>A</p>', 'b/index.html': '<p>B</p>' };
const past = Date.now() - 60_000;

async function recorded(dir: string): Promise<void> {
  for (const file of Object.keys(pages)) await utimes(join(dir, 'dist', file), past / 1000, past / 1000);
  await recordPageCache(dir, new Map(), Date.now());
}

describe('checkPageCache', () => {
  it('keeps every copy that matches the digests recorded after the last build', async () => {
    const dir = await cache(pages);
    await recorded(dir);
    const check = await checkPageCache(dir);
    expect(check).toMatchObject({ dropped: 0, manifestDropped: false });
    expect([...check.verified.keys()].sort()).toEqual(Object.keys(pages).sort());
  });

  it('deletes a truncated, altered or unrecorded copy, so Astro renders that page again', async () => {
    const dir = await cache(pages);
    await recorded(dir);
    await writeFile(join(dir, 'dist', 'a/index.html'), '<p>');
    expect(await checkPageCache(dir)).toMatchObject({ dropped: 1, manifestDropped: false });
    await expect(readFile(join(dir, 'dist', 'a/index.html'))).rejects.toThrow();
    await expect(readFile(join(dir, 'dist', 'b/index.html'), 'utf8')).resolves.toBe('<p>B</p>');
  });

  it('deletes the whole manifest when it is not the one recorded, or nothing was recorded', async () => {
    const dir = await cache(pages);
    expect(await checkPageCache(dir)).toMatchObject({ manifestDropped: true });
    const again = await cache(pages);
    await recorded(again);
    const manifest = join(again, 'incremental-build.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"k"', '"other"'));
    expect(await checkPageCache(again)).toMatchObject({ manifestDropped: true });
    await expect(readFile(manifest)).rejects.toThrow();
  });

  it('has nothing to check without a manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotative-pages-'));
    dirs.push(dir);
    expect(await checkPageCache(dir)).toEqual({ verified: new Map(), dropped: 0, manifestDropped: false });
  });
});

describe('recordPageCache', () => {
  it('reads again a copy written since the check, rather than trusting the digest it had', async () => {
    const dir = await cache(pages);
    await recorded(dir);
    const { verified } = await checkPageCache(dir);
    const started = Date.now() - 1000;
    await writeFile(join(dir, 'dist', 'a/index.html'), '<p>A, rendered again</p>');
    await recordPageCache(dir, verified, started);
    expect((await checkPageCache(dir)).dropped).toBe(0);
  });
});
