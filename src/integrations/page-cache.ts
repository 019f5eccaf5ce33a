/**
 * Checks the pages Astro's incremental build would copy instead of rendering. Astro keeps the copies (`cacheDir/dist/`)
 * and a manifest of keys without any digest, so a damaged copy would be published as it is: this records each copy's
 * digest after the build (`page-digests.json`, with the manifest's own) and, before the next, deletes every copy that
 * no longer matches (Astro renders that page again), or the manifest when it is not the one recorded (every page).
 */
import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DISK_TASKS, inParallel } from '#src/lib/in-parallel.ts';
import { fileDigest, readRecord, writeRecord } from '#src/lib/verified-files.ts';

/** Astro's names, from `astro/dist/core/build/incremental.js`. */
const MANIFEST = 'incremental-build.json';
const COPIES = 'dist';
const RECORD = 'page-digests.json';

interface Manifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
}

interface PageRecord {
  /** SHA-256 of the manifest as Astro wrote it. */
  manifest: string;
  /** Output file (relative to the copies' folder) → SHA-256 of its copy. */
  pages: Record<string, string>;
}

/** Every output file the manifest lists. */
function outputFiles(manifest: Manifest | undefined): string[] {
  const files: string[] = [];
  for (const route of Object.values(manifest?.routes ?? {}))
    for (const entry of Object.values(route.paths ?? {}))
      if (typeof entry.outputFile === 'string') files.push(entry.outputFile);
  return files;
}

/** What a check of the cache found: the copies it kept, with their digests, and how many it dropped. */
export interface PageCacheCheck {
  verified: Map<string, string>;
  dropped: number;
  /** The whole manifest was dropped (missing record, or not the one recorded). */
  manifestDropped: boolean;
}

/** Deletes the copies (or the whole manifest) that are not what the last build recorded. */
export async function checkPageCache(cacheDir: string): Promise<PageCacheCheck> {
  const manifestFile = join(cacheDir, MANIFEST);
  const verified = new Map<string, string>();
  if (!existsSync(manifestFile)) return { verified, dropped: 0, manifestDropped: false };
  const record = await readRecord<PageRecord>(join(cacheDir, RECORD));
  if (!record || typeof record.pages !== 'object' || record.manifest !== (await fileDigest(manifestFile))) {
    await rm(manifestFile, { force: true });
    return { verified, dropped: 0, manifestDropped: true };
  }
  const files = outputFiles(await readRecord<Manifest>(manifestFile));
  const results = await inParallel(files, DISK_TASKS, async (file) => {
    const copy = join(cacheDir, COPIES, file);
    const digest = await fileDigest(copy);
    if (digest !== undefined && digest === record.pages[file]) {
      verified.set(file, digest);
      return true;
    }
    await rm(copy, { force: true });
    return false;
  });
  return { verified, dropped: results.filter((ok) => !ok).length, manifestDropped: false };
}

/**
 * Records the digests of the copies the manifest now lists: those checked
 * before the build and not written since keep their digest, the others are read.
 */
export async function recordPageCache(cacheDir: string, verified: ReadonlyMap<string, string>, since: number) {
  const manifestFile = join(cacheDir, MANIFEST);
  const manifest = await fileDigest(manifestFile);
  if (manifest === undefined) return;
  const files = outputFiles(await readRecord<Manifest>(manifestFile));
  const digests = await inParallel(files, DISK_TASKS, async (file) => {
    const copy = join(cacheDir, COPIES, file);
    const known = verified.get(file);
    const written = (await stat(copy).catch(() => undefined))?.mtimeMs ?? Infinity;
    return known !== undefined && written < since ? known : fileDigest(copy);
  });
  const pages: Record<string, string> = {};
  for (const [i, file] of files.entries()) if (digests[i] !== undefined) pages[file] = digests[i];
  await writeRecord(join(cacheDir, RECORD), { manifest, pages } satisfies PageRecord);
}

export default function pageCache(): AstroIntegration {
  let cacheDir = '';
  let checking: Promise<PageCacheCheck> | undefined;
  let verified = new Map<string, string>();
  let started = 0;
  let building = false;
  return {
    name: 'rotative-page-cache',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        // Started while Astro syncs content (reading files more than computing), and awaited before any page.
        if (building) {
          started = Date.now();
          checking = checkPageCache(cacheDir);
          checking.catch(() => {});
        }
      },
      'astro:build:start': async ({ logger }) => {
        started ||= Date.now();
        const check = await (checking ?? checkPageCache(cacheDir));
        verified = check.verified;
        if (check.manifestDropped)
          logger.warn('The incremental build manifest is not the one recorded: every page is rendered again.');
        else if (check.dropped > 0)
          logger.warn(`${check.dropped} page(s) kept from the previous build were damaged or missing: rendered again.`);
      },
      'astro:build:done': async () => {
        await recordPageCache(cacheDir, verified, started);
      },
    },
  };
}
