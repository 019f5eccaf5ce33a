/**
 * Content-layer loaders for articles and sections.
 *
 * Why not Astro's `glob()` loader: it parses frontmatter with js-yaml, which
 * turns `date: 2021-05-21T08:19:00` (no offset) into a UTC date without a
 * word, and it stops at the first bad file. These loaders read files with the
 * same parser and validator as the editors' checker (`src/lib/read-content.ts`),
 * report every problem at once, and fail the build before any page is written.
 * Bodies are still rendered by Astro's configured Markdown processor, and an
 * unchanged file (same digest) keeps its rendering from the content-layer cache.
 * The HTML of each body goes to a file in the build cache, not into the store
 * (see `src/lib/article-bodies.ts`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ArticleRecord } from '../lib/articles.ts';
import { ContentError, formatProblem } from '../lib/problems.ts';
import { contentProblems, readContent, readSections } from '../lib/read-content.ts';
import type { PipelineOptions } from '../markdown/index.ts';
import { BODY_FILE, bodiesDir, bodyFile, hasBody, pruneBodies, writeBodies } from '../lib/article-bodies.ts';
import { createRenderPool, type RenderedBody, type RenderPool } from './render-pool.ts';

interface ContentLoaderOptions {
  /** The content folder, relative to the project root or absolute. */
  contentDir: string;
  /** The site's time zone, which places articles at their dated URLs. */
  timeZone: string;
  /** The settings `markdown.processor` was built with, for the render workers. */
  pipeline: PipelineOptions;
}

export function articlesLoader({ contentDir, timeZone, pipeline }: ContentLoaderOptions): Loader {
  return {
    name: 'rotative-articles',
    async load(context) {
      const { store, config, logger } = context;
      const root = fileURLToPath(config.root);
      const snapshot = await readContent(root, contentDir);
      const problems = contentProblems(snapshot, timeZone);
      if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
      for (const warning of problems) logger.warn(formatProblem(warning));

      const seen = new Set<string>();
      const bodies = bodiesDir(fileURLToPath(config.cacheDir));
      const bodyFiles = new Set<string>();
      // Hashed once: each body's digest then only grows by a few characters.
      const pipelineDigest = context.generateDigest(await pipelineSource(root));
      const jobs: {
        article: (typeof snapshot.articles)[number];
        record: ArticleRecord;
        digest: string;
        file: string;
      }[] = [];
      for (const article of snapshot.articles) {
        const record = article.record;
        if (!record) continue;
        seen.add(record.id);
        const digest = context.generateDigest(article.text + pipelineDigest);
        const file = bodyFile(bodies, record.id, digest);
        bodyFiles.add(file);
        const cached = store.get(record.id);
        if (cached?.digest === digest && hasBody(cached.rendered?.metadata, file)) continue;
        jobs.push({ article, record, digest, file });
      }

      const render = await bodyRenderer(context, { pipeline, jobs: jobs.length });
      const written: { file: string; html: string }[] = [];
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
            throw new Error(`${article.file}: the Markdown body could not be rendered: ${(error as Error).message}`, {
              cause: error,
            });
          }
          // The store wants a path relative to the project, even for a content folder outside it.
          const filePath = relative(root, resolve(root, article.file)).replace(/\\/g, '/');
          // As Astro's glob() loader does: local images in the body go through Astro's image service.
          const assetImports = rendered.metadata?.imagePaths ?? [];
          // No `body`, and the HTML in a file: the store is bundled into the build, where the
          // raw Markdown and the rendering would make it six times the size (build time and memory).
          written.push({ file, html: rendered.html });
          const metadata = { ...rendered.metadata, [BODY_FILE]: file };
          store.set({
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
      await writeBodies(bodies, written);
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      await pruneBodies(bodies, bodyFiles);
    },
  };
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

/** The settings Astro's content layer passes to `createRenderer`, as plain data. */
function sharedMarkdownSettings(config: AstroConfig) {
  const { domains, remotePatterns } = config.image;
  return {
    image: { domains, remotePatterns },
    syntaxHighlight: config.markdown.syntaxHighlight,
    gfm: config.markdown.gfm,
    smartypants: config.markdown.smartypants,
  };
}

/**
 * The Markdown pipeline's own code, part of each body's digest: Astro's cache
 * notices a change of settings but not of a plugin, and a plugin changed
 * without re-rendering would leave old HTML in the next build.
 */
async function pipelineSource(root: string): Promise<string> {
  const markdown = (await readdir(join(root, 'src', 'markdown'))).filter((name) => name.endsWith('.ts')).sort();
  const files = [...markdown.map((name) => join('src', 'markdown', name)), join('src', 'lib', 'slug.ts')];
  const sources = await Promise.all(files.map((file) => readFile(join(root, file), 'utf8')));
  return sources.join('\0');
}

export function sectionsLoader({ contentDir }: Pick<ContentLoaderOptions, 'contentDir'>): Loader {
  return {
    name: 'rotative-sections',
    async load({ store, config }) {
      // Problems in sections.yaml are reported by the articles loader, with all the others.
      const { sections } = await readSections(fileURLToPath(config.root), contentDir);
      store.clear();
      for (const { slug, ...data } of sections) store.set({ id: slug, data });
    },
  };
}
