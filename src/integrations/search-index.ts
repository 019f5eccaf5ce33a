/**
 * Builds the search index (`src/lib/search-bundles.ts`) while Astro writes the pages, and fails the build when it
 * cannot: a site whose search is silently empty must not be deployed. Pagefind runs in processes of its own
 * (`search-worker.ts`), at most two bundles at once; an unchanged bundle comes back from the build cache once its files
 * match their recorded digests, and the plan the pages published (`/pagefind/bundles.json`) must be the one indexed.
 */
import { copyFile, link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fork } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bodiesDir, bodyFile, readBodyRecords } from '#src/lib/article-bodies.ts';
import type { SiteConfig } from '#src/lib/config.ts';
import { DISK_TASKS, inParallel } from '#src/lib/in-parallel.ts';
import { createFormatters } from '#src/lib/format.ts';
import {
  bundleArticles,
  PLAN_PATH,
  recordShell,
  type RecordOptions,
  sectionNameOf,
  searchPlan,
  type SearchPlan,
} from '#src/lib/search-bundles.ts';
import { fileDigest, readRecord, writeRecord } from '#src/lib/verified-files.ts';
import type { SiteContent } from './site-content.ts';
import type { SearchWorkerJob, SearchWorkerReply } from './search-worker.ts';

const CACHE = 'search-index';

/** What was recorded when a bundle was written into the cache. */
interface BundleRecord {
  fingerprint: string;
  /** Pagefind's version: another one writes other files from the same records. */
  pagefind: string;
  /** Path in the bundle → SHA-256 of the file. */
  files: Record<string, string>;
}

/** The files under `dir`, relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Whether the cached bundle in `dir` is the one recorded for `fingerprint`, every file intact. */
async function intactBundle(dir: string, fingerprint: string, version: string): Promise<boolean> {
  const record = await readRecord<BundleRecord>(`${dir}.json`);
  if (record?.fingerprint !== fingerprint || record.pagefind !== version || typeof record.files !== 'object')
    return false;
  const files = await filesUnder(dir);
  if (files.join('\n') !== Object.keys(record.files).sort().join('\n')) return false;
  const digests = await inParallel(files, DISK_TASKS, (file) => fileDigest(join(dir, file)));
  return files.every((file, i) => digests[i] === record.files[file]);
}

/**
 * The one reply of a forked process. Node may report the process's exit before the last message it sent (the
 * build once failed so, with the index written), so no reply is an error only once its channel is closed too.
 */
export function replyOf<T>(child: EventEmitter & { readonly connected: boolean }, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let exit: string | undefined;
    const stopped = () => {
      if (exit !== undefined && !child.connected) reject(new Error(`${name} stopped (${exit}) without a reply`));
    };
    child.once('message', (reply: T) => resolve(reply));
    child.once('error', reject);
    child.once('exit', (code: number | null, signal: string | null) => {
      exit = code === null ? `signal ${signal}` : `exit ${code}`;
      stopped();
    });
    child.once('disconnect', stopped);
  });
}

/** Indexes a bundle in a process of its own (`search-worker.ts`); gives Pagefind's count of pages. */
async function runWorker(job: SearchWorkerJob): Promise<number> {
  // The Node running this build, never the machine's default one.
  const child = fork(fileURLToPath(new URL('./search-worker.ts', import.meta.url)), {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const reply = replyOf<SearchWorkerReply>(child, 'the search indexer');
  child.send(job);
  const answer = await reply;
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer.pages;
}

export interface PreparedIndex {
  plan: SearchPlan;
  /** Bundles taken back from the cache. */
  reused: number;
  /** Seconds it took, while Astro wrote the pages. */
  seconds: number;
}

/** Makes every bundle of the plan in the cache: taken back when intact and unchanged, indexed otherwise. */
export async function prepareSearchIndex(
  content: Pick<SiteContent, 'index'>,
  options: RecordOptions & { root: string; cacheDir: string; size: number },
): Promise<PreparedIndex> {
  const started = performance.now();
  const index = await content.index();
  const plan = searchPlan(index, options);
  if (plan.bundles.length === 0) throw new Error('Nothing is published: the search index would be empty');
  const pagefindPackage = join(options.root, 'node_modules', 'pagefind', 'package.json');
  const { version } = JSON.parse(await readFile(pagefindPackage, 'utf8')) as { version: string };
  const articles = bundleArticles(index, options.size);
  const root = join(options.cacheDir, CACHE);
  const bodies = bodiesDir(options.cacheDir);
  const bodyRecords = await readBodyRecords(bodies);
  await mkdir(root, { recursive: true });

  const reused = await inParallel(plan.bundles, Math.min(2, availableParallelism()), async (bundle) => {
    const dir = join(root, bundle.name);
    if (await intactBundle(dir, bundle.fingerprint, version)) return true;
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.json`, { force: true });
    const list = articles.get(bundle.name) ?? [];
    const records = list.map((article) => {
      const file = bodyFile(bodies, article.id, article.digest!);
      return {
        url: article.path,
        shell: recordShell(article, sectionNameOf(article, index), options),
        bodyFile: file,
        // A body without a record fails the check, as a damaged one does.
        bodyDigest: bodyRecords.get(basename(file))?.html ?? '',
        source: article.filePath,
      };
    });
    const building = `${dir}.building`;
    await rm(building, { recursive: true, force: true });
    const pages = await runWorker({ outputPath: building, records });
    if (pages !== list.length)
      throw new Error(`Pagefind indexed ${pages} of the ${list.length} articles of search bundle ${bundle.name}`);
    const files = await filesUnder(building);
    const digests = await inParallel(files, DISK_TASKS, (file) => fileDigest(join(building, file)));
    await rename(building, dir);
    await writeRecord(`${dir}.json`, {
      fingerprint: bundle.fingerprint,
      pagefind: version,
      files: Object.fromEntries(files.map((file, i) => [file, digests[i]!])),
    } satisfies BundleRecord);
    return false;
  });

  // Bundles of earlier plans go.
  const keep = new Set(plan.bundles.flatMap((b) => [b.name, `${b.name}.json`]));
  for (const name of await readdir(root))
    if (!keep.has(name)) await rm(join(root, name), { recursive: true, force: true });
  return { plan, reused: reused.filter(Boolean).length, seconds: (performance.now() - started) / 1000 };
}

/**
 * Puts the files of `from` at the same places under `to`, as hard links (a
 * bundle is hundreds of small files; nothing writes into one once written),
 * or as copies where links cannot be made.
 */
async function mirror(from: string, to: string): Promise<void> {
  const files = await filesUnder(from);
  for (const dir of new Set(files.map((f) => join(to, f, '..')))) await mkdir(dir, { recursive: true });
  await inParallel(files, DISK_TASKS, async (file) => {
    try {
      await link(join(from, file), join(to, file));
    } catch (error) {
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await copyFile(join(from, file), join(to, file));
    }
  });
}

/** Checks that the pages published the plan that was indexed, and links its bundles into `outDir`. */
export async function publishSearchIndex(prepared: PreparedIndex, cacheDir: string, outDir: string): Promise<void> {
  const published = await readRecord<SearchPlan>(join(outDir, PLAN_PATH));
  if (JSON.stringify(published) !== JSON.stringify(prepared.plan))
    throw new Error(
      `The search plan the pages published (${PLAN_PATH}) is not the one indexed: the pages and the search index were built from different content`,
    );
  for (const bundle of prepared.plan.bundles)
    await mirror(join(cacheDir, CACHE, bundle.name), join(outDir, 'pagefind', bundle.name));
}

export default function searchIndex(site: SiteConfig, content: SiteContent): AstroIntegration {
  let preparing: Promise<PreparedIndex> | undefined;
  return {
    name: 'rotative-search-index',
    hooks: {
      'astro:build:start': () => {
        preparing = prepareSearchIndex(content, {
          ...content.paths(),
          locale: site.locale,
          dateTime: createFormatters(site.locale, site.timeZone).dateTime,
          size: site.searchBundleSize,
        });
        // Reported when the pages are done.
        preparing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!preparing) throw new Error('The search index was never started');
        const prepared = await preparing;
        await publishSearchIndex(prepared, content.paths().cacheDir, fileURLToPath(dir));
        const pages = prepared.plan.bundles.reduce((sum, b) => sum + b.pages, 0);
        logger.info(
          `Search index: ${pages} pages in ${prepared.plan.bundles.length} bundle(s) (${prepared.reused} unchanged, from the cache), ${prepared.seconds.toFixed(1)} s while the pages were written`,
        );
      },
    },
  };
}
