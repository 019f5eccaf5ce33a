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
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { crossFileProblems } from '../lib/articles.ts';
import { ContentError, formatProblem } from '../lib/problems.ts';
import { readContent, readSections } from '../lib/read-content.ts';

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
      const records = snapshot.articles.flatMap((a) => (a.record ? [a.record] : []));
      const problems = [
        ...snapshot.problems,
        ...crossFileProblems(
          records.filter((r) => !r.data.draft),
          timeZone,
        ),
      ];
      if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
      for (const warning of problems) logger.warn(formatProblem(warning));

      const seen = new Set<string>();
      for (const article of snapshot.articles) {
        const record = article.record;
        if (!record) continue;
        seen.add(record.id);
        const digest = generateDigest(article.text);
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
        store.set({ id: record.id, data: record.data, body: article.body, filePath, digest, rendered });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
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
