/**
 * Builds the Pagefind search index after `astro build`, and fails the build if
 * indexing fails or finds nothing: a site whose search is silently empty must
 * not be deployed. (`astro-pagefind` only logs such errors.)
 *
 * Pages opt in with `data-pagefind-body` (article pages only), so navigation,
 * share links and footers never reach the index. The language (and French
 * stemming) comes from each page's `<html lang>`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Indexes the HTML under `dir` into `dir/pagefind/`; throws with Pagefind's own messages. */
export async function indexSite(dir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const outputPath = join(dir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // addDirectory counts the files it read; the entry file counts the pages actually indexed.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (pages === 0) throw new Error(`Pagefind indexed no page under ${dir}: search would find nothing`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'rotative-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await indexSite(fileURLToPath(dir));
        logger.info(`Search index: ${pages} pages`);
      },
    },
  };
}
