/**
 * Builds the Pagefind search index of a built site: one bundle per section
 * (`pagefind/<section>/`, the sections the search page lists, see
 * `src/lib/search-bundles.ts`), and fails when indexing fails or finds
 * nothing: a site whose search is silently empty must not be deployed.
 *
 * `npm run build` calls it after `astro build` has exited, not from an Astro
 * integration, so Pagefind never holds its memory while Astro holds its own;
 * and one section at a time holds an eighth of the archive, not all of it.
 *
 * With a cache folder, a section whose indexed text is unchanged since the
 * last build (same article pages, same indexed region, title and language,
 * same Pagefind) gets its previous bundle back instead of being indexed again:
 * publishing one article re-indexes its own section only. On one machine the
 * result is the same bytes as indexing afresh; Pagefind numbers pages in the
 * order the file system lists them, so another file system may give other
 * bytes for the same index.
 *
 * Pages opt in with `data-pagefind-body` (article pages only), so navigation,
 * share links and footers never reach the index. The language (and French
 * stemming) comes from each page's `<html lang>`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closingTag } from '../lib/html-element.ts';
import { DISK_TASKS, inParallel } from '../lib/in-parallel.ts';
import { sectionsOfSearchPage } from '../lib/search-bundles.ts';

const runner = fileURLToPath(new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));
const pagefindPackage = fileURLToPath(new URL('../../node_modules/pagefind/package.json', import.meta.url));
/** The built search page, which lists the bundles to build. */
const SEARCH_PAGE = join('recherche', 'index.html');
const FINGERPRINT = 'rotative-fingerprint.txt';

export interface IndexResult {
  /** Pages in the index, by Pagefind's own count. */
  pages: number;
  sections: number;
  /** Sections whose bundle came back from the cache. */
  reused: number;
}

/** Indexes the site built in `dir` into `dir/pagefind/<section>/`; throws with Pagefind's own output. */
export async function indexSite(dir: string, options: { cacheDir?: string | undefined } = {}): Promise<IndexResult> {
  const pagePath = join(dir, SEARCH_PAGE);
  if (!existsSync(pagePath)) throw new Error(`No search page at ${pagePath}: nothing says which sections to index`);
  const sections = sectionsOfSearchPage(await readFile(pagePath, 'utf8'));
  if (sections.length === 0)
    throw new Error(`The search page lists no section to index under ${dir}: search would find nothing`);
  const { version } = JSON.parse(await readFile(pagefindPackage, 'utf8')) as { version: string };

  // Two at a time on two cores: each run is mostly one thread, and holds one section.
  const results = await inParallel(sections, Math.min(2, availableParallelism()), (section) =>
    indexSection(dir, section, version, options.cacheDir),
  );
  return {
    pages: results.reduce((sum, r) => sum + r.pages, 0),
    sections: sections.length,
    reused: results.filter((r) => r.reused).length,
  };
}

async function indexSection(
  dir: string,
  section: string,
  version: string,
  cacheDir: string | undefined,
): Promise<{ pages: number; reused: boolean }> {
  const output = join(dir, 'pagefind', section);
  const fingerprint = await sectionFingerprint(dir, section, version);
  const cached = cacheDir === undefined ? undefined : join(cacheDir, 'search-index', section);
  if (cached && (await readFile(join(cached, FINGERPRINT), 'utf8').catch(() => '')) === fingerprint) {
    await mirror(cached, output, (name) => name !== FINGERPRINT);
    return { pages: await pageCount(output, section), reused: true };
  }

  const args = [runner, '--site', dir, '--glob', `${section}/**/*.html`, '--output-subdir', join('pagefind', section)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`Pagefind could not index section "${section}" of ${dir} (exit ${code}):\n${log}`);
  const pages = await pageCount(output, section, log);

  if (cached) {
    await rm(cached, { recursive: true, force: true });
    await mirror(output, cached);
    await writeFile(join(cached, FINGERPRINT), fingerprint);
  }
  return { pages, reused: false };
}

/** Pagefind's own count of the pages it put in a bundle; zero is an error. */
async function pageCount(output: string, section: string, log = ''): Promise<number> {
  let entry: { languages: Record<string, { page_count: number }> };
  try {
    entry = JSON.parse(await readFile(join(output, 'pagefind-entry.json'), 'utf8')) as typeof entry;
  } catch {
    throw new Error(`Pagefind wrote no index for section "${section}" under ${output}:\n${log}`);
  }
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  if (pages === 0)
    throw new Error(
      `Pagefind indexed no page of section "${section}" under ${output}: search would find nothing there`,
    );
  return pages;
}

/**
 * What a section's bundle is made from: for each page of the section that has
 * an indexed region, its path, `<html lang>`, `<title>` and the region itself
 * (from `data-pagefind-body` to the end of that element). The rest of a page
 * (the site-wide stamp, picks, neighbours) never reaches the index.
 */
async function sectionFingerprint(dir: string, section: string, version: string): Promise<string> {
  const root = join(dir, section);
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256').update(`pagefind ${version}\n`);
  let indexed = 0;
  const pages = await inParallel(files, DISK_TASKS, (file) => readFile(file, 'utf8'));
  for (const [i, file] of files.entries()) {
    const html = pages[i]!;
    const region = indexedRegion(html);
    if (region === undefined) continue;
    indexed++;
    const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? '';
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    hash.update(`${relative(dir, file)}\0${lang}\0${title}\0${region.length}\0`).update(region);
  }
  // Without any marked page, Pagefind would index every page of the section whole.
  if (indexed === 0)
    throw new Error(
      `Section "${section}" has no page marked data-pagefind-body under ${root}, but the search page lists it`,
    );
  return hash.digest('hex');
}

/** The element that carries `data-pagefind-body`, up to its closing tag; the whole rest of the page when that cannot be told. */
export function indexedRegion(html: string): string | undefined {
  const at = html.indexOf(' data-pagefind-body');
  if (at === -1) return undefined;
  const start = html.lastIndexOf('<', at);
  return html.slice(start, closingTag(html, start)?.[0]);
}

/**
 * Puts the files of `from` at the same places under `to`, as hard links: a
 * bundle is about 1,300 small files, and linking them takes a few hundredths
 * of a second where copying takes more than one. Nothing ever writes into a
 * bundle once Pagefind has written it (a new index is written afresh, and old
 * ones are only deleted), so sharing the files is safe. Copies where links
 * cannot be made (another file system, or one without hard links).
 */
async function mirror(from: string, to: string, keep: (name: string) => boolean = () => true): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const within = (entry: { parentPath: string; name: string }) => join(relative(from, entry.parentPath), entry.name);
  await mkdir(to, { recursive: true });
  for (const entry of entries) if (entry.isDirectory()) await mkdir(join(to, within(entry)), { recursive: true });
  const files = entries.filter((entry) => entry.isFile() && keep(entry.name)).map(within);
  await inParallel(files, DISK_TASKS, async (file) => {
    try {
      await link(join(from, file), join(to, file));
    } catch (error) {
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await copyFile(join(from, file), join(to, file));
    }
  });
}
