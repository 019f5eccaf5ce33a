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
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ContentError, formatProblem } from '../lib/problems.ts';
import { contentProblems, readContent, readSections } from '../lib/read-content.ts';

interface ContentLoaderOptions {
  /** The content folder, relative to the project root or absolute. */
  contentDir: string;
  /** The site's time zone, which places articles at their dated URLs. */
  timeZone: string;
}

export function articlesLoader({ contentDir, timeZone }: ContentLoaderOptions): Loader {
  return {
    name: 'rotative-articles',
    async load({ store, config, renderMarkdown, generateDigest, logger }) {
      const root = fileURLToPath(config.root);
      const snapshot = await readContent(root, contentDir);
      const problems = contentProblems(snapshot, timeZone);
      if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
      for (const warning of problems) logger.warn(formatProblem(warning));

      const seen = new Set<string>();
      // Hashed once: each body's digest then only grows by a few characters.
      const pipeline = generateDigest(await pipelineSource(root));
      for (const article of snapshot.articles) {
        const record = article.record;
        if (!record) continue;
        seen.add(record.id);
        const digest = generateDigest(article.text + pipeline);
        const cached = store.get(record.id);
        if (cached?.digest === digest && cached.rendered) continue;
        let rendered;
        try {
          rendered = await renderMarkdown(article.body, { fileURL: new URL(article.file, config.root) });
        } catch (error) {
          throw new Error(`${article.file}: the Markdown body could not be rendered: ${(error as Error).message}`, {
            cause: error,
          });
        }
        // The store wants a path relative to the project, even for a content folder outside it.
        const filePath = relative(root, resolve(root, article.file)).replace(/\\/g, '/');
        // As Astro's glob() loader does: local images in the body go through Astro's image service.
        const assetImports = rendered.metadata?.imagePaths ?? [];
        store.set({ id: record.id, data: record.data, body: article.body, filePath, digest, rendered, assetImports });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
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
