/**
 * Content-layer loaders for articles, sections and, in `astro dev`, the content's problems (shown in Astro's overlay).
 * Not Astro's `glob()`: it reads `date: 2021-05-21T08:19:00` (no offset) as UTC without a word and stops at the first
 * bad file. These read files as the editors' checker does (`src/lib/read-content.ts`), report every problem at once,
 * and stop the build before any page is written. See README, Choices worth knowing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import { imageMetadata } from 'astro/assets/utils';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import type { ArticleRecord, Section } from '#src/lib/articles.ts';
import { describe, EXCERPT, leadText } from '#src/lib/description.ts';
import { type ContentProblem, ContentError, formatProblem } from '#src/lib/problems.ts';
import { type BodyChecker, contentProblems, contentSummary, readContent, readSections } from '#src/lib/read-content.ts';
import { CURRENT_PROBLEMS } from '#src/lib/schema.ts';
import { createBodyChecker } from '#src/markdown/check-body.ts';
import type { PipelineOptions } from '#src/markdown/index.ts';
import { takeReadingMinutes } from '#src/markdown/remark-reading-time.ts';
import {
  BODY_FILE,
  type BodyRecord,
  bodiesDir,
  bodyFile,
  contentDigest,
  entryDigest,
  imageDigests,
  pipelineDigest,
  pruneBodies,
  readBodyRecords,
  writeBodies,
  writeBodyRecords,
} from '#src/lib/article-bodies.ts';
import { DISK_TASKS, inParallel } from '#src/lib/in-parallel.ts';
import { fileDigest, sha256 } from '#src/lib/verified-files.ts';
import { createRenderPool, type RenderedBody, type RenderPool, sharedMarkdownSettings } from './render-pool.ts';

interface ContentLoaderOptions {
  /** The content folder, relative to the project root or absolute. */
  contentDir: string;
  /** The site's time zone, which places articles at their dated URLs. */
  timeZone: string;
  /** The build's clock: embargoes, and `updated` after it is an error. */
  now: Date;
  /** The settings `markdown.processor` was built with, for the render workers and the body checks. */
  pipeline: PipelineOptions;
  /** How the summary line shows a scheduled article's date (`02.12.2026 14h00`). */
  dateTime: (date: Date) => string;
  /** Hosts `https://` images may come from. */
  remoteImageHosts: readonly string[];
}

/**
 * A string in an entry's data that Astro's content store resolves to the image's
 * metadata (`ImageMetadata`) when pages read the entry, relative to the entry's
 * file: what the `image()` schema helper writes (`IMAGE_IMPORT_PREFIX` in Astro).
 */
const ASTRO_IMAGE = '__ASTRO_IMAGE_';

type ArticleImage = NonNullable<ArticleRecord['data']['image']>;

/**
 * The lead image as the store keeps it: a local file (already checked by
 * `readContent`) for Astro's image pipeline; a file under `public/` with the
 * width and height read from it; an https image as written (with its size).
 */
async function storedImage(image: ArticleImage, publicDir: string): Promise<ArticleImage> {
  const { src } = image;
  if (src.startsWith('https://')) return image;
  if (src.startsWith('/')) {
    if (image.width !== undefined && image.height !== undefined) return image;
    const { width, height } = await imageMetadata(await readFile(join(publicDir, decodeURI(src))), src);
    return { ...image, width, height };
  }
  // As Astro's image() helper does: a bare file name is relative to the article.
  return { ...image, src: `${ASTRO_IMAGE}${src.startsWith('.') ? src : `./${src}`}` };
}

/** The data as the store keeps it once set: it takes the marker off an image path, and remembers the image. */
function withoutImageMarker(data: ArticleRecord['data']): ArticleRecord['data'] {
  const src = data.image?.src;
  if (!data.image || !src?.startsWith(ASTRO_IMAGE)) return data;
  return { ...data, image: { ...data.image, src: src.slice(ASTRO_IMAGE.length) } };
}

/** The three loaders, sharing what the articles loader finds when it reads the folder again in `astro dev`. */
export function contentLoaders(options: ContentLoaderOptions): {
  articles: Loader;
  sections: Loader;
  problems: Loader;
} {
  const shared: Shared = { errors: [] };
  return {
    articles: articlesLoader(options, shared),
    sections: {
      name: 'rotative-sections',
      async load({ store, config }) {
        shared.sections = store;
        // Problems in sections.yaml are reported by the articles loader, with all the others.
        const { sections } = await readSections(fileURLToPath(config.root), options.contentDir);
        shared.sectionsShown = sections;
        fillSections(store, sections);
      },
    },
    problems: {
      name: 'rotative-problems',
      load({ store }) {
        shared.problems = store;
        fillProblems(store, shared.errors);
        return Promise.resolve();
      },
    },
  };
}

/** What the articles loader shares with the other two. */
interface Shared {
  sections?: DataStore;
  problems?: DataStore;
  /** The errors of the last reading, shown by pages while previewing (always none in a build, which stops). */
  errors: ContentProblem[];
  /** The sections last written to the sections store while previewing. */
  sectionsShown?: Section[];
}

function fillSections(store: DataStore, sections: readonly Section[]): void {
  store.clear();
  for (const { slug, ...data } of sections) store.set({ id: slug, data });
}

function fillProblems(store: DataStore, errors: readonly ContentProblem[]): void {
  // One entry, even with no error: an empty collection makes Astro warn at every page.
  store.set({ id: CURRENT_PROBLEMS, data: { errors: errors.map((problem) => ({ ...problem })) } });
}

/** Files being saved arrive as several events (a temporary file, a rename): one reading after they settle. */
const SETTLE_MS = 50;

function articlesLoader(options: ContentLoaderOptions, shared: Shared): Loader {
  const { contentDir, pipeline } = options;
  return {
    name: 'rotative-articles',
    async load(context) {
      const { watcher, config } = context;
      const root = fileURLToPath(config.root);
      const checkBody = watcher ? rememberingChecker(createBodyChecker(pipeline)) : createBodyChecker(pipeline);
      const dev: DevState = {
        checkBody,
        reported: new Set(),
        keep: new Set(),
        staleSince: new Map(),
        checked: new Map(),
      };
      await syncArticles(context, options, shared, dev);
      if (!watcher) return;

      // As Astro's glob() loader: the folder is watched by Vite's watcher, and a change syncs again.
      const folder = resolve(root, contentDir);
      watcher.add(folder);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let running: Promise<void> = Promise.resolve();
      let again = false;
      const sync = () => {
        timer = undefined;
        if (again) return;
        again = true;
        running = running.then(async () => {
          again = false;
          try {
            await syncArticles(context, options, shared, dev);
          } catch (error) {
            context.logger.error((error as Error).message);
          }
        });
      };
      const onEvent = (path: string) => {
        if (path !== folder && !path.startsWith(folder + sep)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(sync, SETTLE_MS);
      };
      for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onEvent);
    },
  };
}

/** What one articles loader keeps from one reading of the folder to the next. */
interface DevState {
  checkBody: BodyChecker;
  /** Problems already logged: each is logged once while previewing. */
  reported: Set<string>;
  /** The body files the store names now. */
  keep: Set<string>;
  /** Body files no longer named, since when. */
  staleSince: Map<string, number>;
  /** Body files this process checked or wrote, with their digest: read once, not at every save. */
  checked: Map<string, string>;
}

/**
 * Checks each body once per text in `astro dev`: a save reads the whole
 * folder again, and the bodies that need the Markdown parser cost a few
 * milliseconds each.
 */
function rememberingChecker(check: BodyChecker): BodyChecker {
  const known = new Map<string, { key: string; problems: Promise<ContentProblem[]> }>();
  return (body, where) => {
    const key = `${where.bodyLine}\0${String(where.draft)}\0${body}`;
    const seen = known.get(where.file);
    if (seen?.key === key) return seen.problems;
    const problems = Promise.resolve(check(body, where));
    known.set(where.file, { key, problems });
    return problems;
  };
}

/**
 * Reads and checks the content folder, then renders the bodies whose digest
 * changed and fills the store. In a build, an error stops everything; while
 * previewing, errors are shown (terminal and overlay) and the rest goes on.
 */
async function syncArticles(
  context: LoaderContext,
  options: ContentLoaderOptions,
  shared: Shared,
  dev: DevState,
): Promise<void> {
  const { store, config, logger, watcher } = context;
  const { contentDir, timeZone, pipeline, now } = options;
  const root = fileURLToPath(config.root);
  const bodies = bodiesDir(fileURLToPath(config.cacheDir));
  const publicDir = fileURLToPath(config.publicDir);
  // The stored renderings are checked while the files are read.
  const [snapshot, intact] = await Promise.all([
    readContent(root, contentDir, { now, checkBody: dev.checkBody, remoteImageHosts: options.remoteImageHosts }),
    intactRenderings(store, bodies, dev.checked),
  ]);
  const problems = contentProblems(snapshot, timeZone);
  const errors = problems.filter((p) => p.severity === 'error');
  // Warnings are logged; errors too while previewing (a build throws them all at once below).
  // While previewing, each problem is logged once, not again at every save.
  const lines = problems.map(formatProblem);
  for (const [i, problem] of problems.entries()) {
    if (dev.reported.has(lines[i]!)) continue;
    if (problem.severity === 'warning') logger.warn(lines[i]!);
    else if (watcher) logger.error(lines[i]!);
  }
  if (watcher && errors.length === 0 && shared.errors.length > 0) logger.info('Content errors fixed.');
  dev.reported.clear();
  for (const line of lines) dev.reported.add(line);
  logger.info(contentSummary(snapshot, problems, { now, dateTime: options.dateTime }));
  if (!watcher && errors.length > 0) throw new ContentError(problems, root);

  const seen = new Set<string>();
  const bodyFiles = new Set<string>();
  const renderedBy = await pipelineDigest(root, [pipeline, sharedMarkdownSettings(config)]);
  const kept = new Map<string, BodyRecord>();
  const jobs: {
    article: (typeof snapshot.articles)[number];
    record: ArticleRecord;
    digest: string;
    file: string;
  }[] = [];
  const images = new Map<string, Promise<string>>();
  for (const article of snapshot.articles) {
    const record = article.record;
    if (!record) continue;
    seen.add(record.id);
    const digest = contentDigest(article.text, renderedBy, await imageDigests(article.images, images));
    const file = bodyFile(bodies, record.id, digest);
    bodyFiles.add(file);
    // The data as the store holds it: a lead image resolved for the pages.
    const data = record.data.image
      ? { ...record.data, image: await storedImage(record.data.image, publicDir) }
      : record.data;
    // An intact rendering of the same text, images, pipeline and data is used again; any other article is rendered.
    const cached = store.get(record.id);
    const rendering = intact.get(record.id);
    if (
      cached?.digest === digest &&
      rendering?.file === file &&
      JSON.stringify(cached.data) === JSON.stringify(withoutImageMarker(data))
    ) {
      kept.set(basename(file), rendering.record);
      continue;
    }
    jobs.push({ article, record: { ...record, data }, digest, file });
  }

  const render = await bodyRenderer(context, { pipeline, jobs: jobs.length });
  const written: { file: string; html: string }[] = [];
  const entries: Parameters<typeof store.set>[0][] = [];
  const failed: ContentProblem[] = [];
  try {
    // All bodies are queued at once; the store is filled in file order, as a one-by-one loop would.
    const rendering = jobs.map(({ article }) => {
      const result = render.render(article.body, new URL(article.file, config.root));
      result.catch(() => {}); // Reported below, in file order.
      return result;
    });
    for (const [i, { article, record, digest, file }] of jobs.entries()) {
      let rendered;
      try {
        rendered = await rendering[i]!;
      } catch (error) {
        // Checked bodies render; should one not, it is named with its line in the file.
        failed.push(renderProblem(article, error));
        continue;
      }
      // The store wants a path relative to the project, even for a content folder outside it.
      const filePath = relative(root, resolve(root, article.file)).replace(/\\/g, '/');
      // As Astro's glob() loader does: local images in the body go through Astro's image service.
      const assetImports = rendered.metadata?.imagePaths ?? [];
      // No `body`, and the HTML in a file: the store is bundled into the build, where the
      // raw Markdown and the rendering would make it six times the size (build time and memory).
      written.push({ file, html: rendered.html });
      const metadata = {
        ...takeReadingMinutes(rendered.metadata),
        [BODY_FILE]: file,
        [EXCERPT]: describe(leadText(rendered.html)),
      };
      entries.push({
        id: record.id,
        data: record.data,
        filePath,
        digest,
        rendered: { html: '', metadata },
        assetImports,
      });
    }
  } finally {
    await render.close();
  }
  if (!watcher && failed.length > 0) throw new ContentError(failed, root);
  for (const problem of failed) logger.error(formatProblem(problem));
  // The files first: a page may read an entry as soon as it is in the store (at once, in astro dev).
  await writeBodies(bodies, written);
  for (const [i, entry] of entries.entries()) {
    // The store skips an entry whose digest it already holds: a damaged one must go first.
    store.delete(entry.id);
    store.set(entry);
    // Recorded from what the store holds, as the next build will read it.
    const file = written[i]!;
    const html = sha256(file.html);
    kept.set(basename(file.file), { html, entry: entryDigest(store.get(entry.id)!) });
    dev.checked.set(file.file, html);
  }
  await writeBodyRecords(bodies, kept);
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  if (!watcher) {
    await pruneBodies(bodies, bodyFiles);
    return;
  }
  // While previewing, pages read the store Astro saved to disk, half a second behind this one:
  // a body file stays a few seconds after its entry changed, then goes (at the next change or later).
  dev.keep = bodyFiles;
  await pruneBodies(bodies, await withRecentlyStale(bodies, dev.keep, dev.staleSince));
  setTimeout(() => {
    void withRecentlyStale(bodies, dev.keep, dev.staleSince).then((keep) => pruneBodies(bodies, keep));
  }, STALE_GRACE_MS + 100).unref();
  // Only what changed is written: each write of the store reloads the browser.
  const latest = [...errors, ...failed];
  if (JSON.stringify(latest) !== JSON.stringify(shared.errors)) {
    shared.errors = latest;
    if (shared.problems) fillProblems(shared.problems, shared.errors);
  }
  if (shared.sections && JSON.stringify(snapshot.sections) !== JSON.stringify(shared.sectionsShown ?? [])) {
    shared.sectionsShown = snapshot.sections;
    fillSections(shared.sections, snapshot.sections);
  }
}

/** How long a body file outlives the entry that named it, while previewing. */
const STALE_GRACE_MS = 3000;

/**
 * `keep`, and the files of `dir` that have not been kept for long: each is
 * noted when first found outside `keep`, and let go once `STALE_GRACE_MS` have passed.
 */
async function withRecentlyStale(dir: string, keep: ReadonlySet<string>, staleSince: Map<string, number>) {
  const now = Date.now();
  const kept = new Set(keep);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = join(dir, name);
    if (keep.has(file)) {
      staleSince.delete(file);
      continue;
    }
    const since = staleSince.get(file) ?? now;
    staleSince.set(file, since);
    if (now - since < STALE_GRACE_MS) kept.add(file);
    else staleSince.delete(file);
  }
  return kept;
}

/** A body the Markdown processor refused, at the line of the file where its problem is. */
function renderProblem(article: { file: string; bodyLine: number }, error: unknown): ContentProblem {
  const { reason, message, line } = error as { reason?: string; message?: string; line?: number };
  const problem: ContentProblem = {
    severity: 'error',
    file: article.file,
    message: `the Markdown body could not be rendered: ${(reason ?? message ?? String(error)).split('\n')[0]}`,
  };
  if (typeof line === 'number') problem.line = article.bodyLine + line - 1;
  return problem;
}

/**
 * The store's entries whose rendering is intact: the entry and its body file
 * are the ones recorded when they were written (`src/lib/article-bodies.ts`).
 */
async function intactRenderings(
  store: LoaderContext['store'],
  bodies: string,
  checked: Map<string, string>,
): Promise<Map<string, { file: string; record: BodyRecord }>> {
  const records = await readBodyRecords(bodies);
  const intact = new Map<string, { file: string; record: BodyRecord }>();
  await inParallel([...store.values()], DISK_TASKS, async (entry) => {
    const file = entry.rendered?.metadata?.[BODY_FILE];
    const record = typeof file === 'string' ? records.get(basename(file)) : undefined;
    if (typeof file !== 'string' || !record || entryDigest(entry) !== record.entry) return;
    const digest = checked.get(file) ?? (await fileDigest(file));
    if (digest === undefined) return;
    checked.set(file, digest);
    if (digest === record.html) intact.set(entry.id, { file, record });
  });
  return intact;
}

/** Fewer bodies than this render in the build's thread: starting workers would cost more. */
const POOL_THRESHOLD = 8;

/**
 * The render pool, or `renderMarkdown` itself when workers cannot give the
 * same result: another processor than `unified()`, or syntax highlighting
 * (whose settings hold functions no worker can receive). The pool's first
 * body is rendered both ways and compared, so a pipeline that differs from
 * `markdown.processor` falls back instead of publishing other HTML.
 */
async function bodyRenderer(
  context: Pick<LoaderContext, 'config' | 'renderMarkdown' | 'logger'>,
  { pipeline, jobs }: { pipeline: PipelineOptions; jobs: number },
): Promise<RenderPool> {
  const { config, logger } = context;
  // One body at a time, as before the pool: thousands of syntax trees at once would not fit in memory.
  let previous: Promise<unknown> = Promise.resolve();
  const direct: RenderPool = {
    render(body, fileURL) {
      const rendered = previous.then(() => context.renderMarkdown(body, { fileURL }) as Promise<RenderedBody>);
      previous = rendered.catch(() => {});
      return rendered;
    },
    close: async () => {},
  };
  if (jobs < POOL_THRESHOLD || !isUnifiedProcessor(config.markdown.processor) || config.markdown.syntaxHighlight)
    return direct;
  const pool = createRenderPool({ pipeline, shared: sharedMarkdownSettings(config) });
  let agree = false;
  const probe =
    '# Titre\n\nUn *essai* « typographique » : 15 % de [lien](https://example.org) et ![image](./photo.jpg)[^1].\n\n[^1]: Note.\n';
  const fileURL = new URL('probe.md', config.root);
  try {
    const [expected, actual] = await Promise.all([direct.render(probe, fileURL), pool.render(probe, fileURL)]);
    agree = JSON.stringify(expected) === JSON.stringify(actual);
  } catch (error) {
    logger.warn(`Markdown render workers failed to start (${(error as Error).message}); rendering in one thread.`);
  }
  if (agree) return pool;
  await pool.close();
  logger.warn('Markdown render workers do not render as markdown.processor does; rendering in one thread.');
  return direct;
}
