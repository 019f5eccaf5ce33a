/**
 * The search index's plan: a few Pagefind bundles (`/pagefind/<name>/`), merged in the browser, so that a publish
 * indexes one bundle again, not the archive. Articles are spread by a hash of their id, not by section: Pagefind ranks
 * with each bundle's own word statistics, and a hashed share has nearly the archive's where a section does not.
 * Records come from data (`recordShell`), never from built pages, so a template change never touches the index.
 * See README, Search.
 */
import type { Article, SiteIndex } from './articles.ts';
import { sha256 } from './verified-files.ts';

/** Where the plan is published, before the base path. */
export const PLAN_PATH = '/pagefind/bundles.json';

/** One bundle of the index. */
export interface SearchBundle {
  /** Folder name under `/pagefind/`. */
  name: string;
  /** Site path of the bundle (before the base path). */
  path: string;
  /** Digest of the records it is made of. */
  fingerprint: string;
  /** Articles in it. */
  pages: number;
}

/** The bundles of a build, as `/pagefind/bundles.json` holds them. */
export interface SearchPlan {
  bundles: SearchBundle[];
}

/** How many bundles `articles` articles make: a power of two, each with at least `size` articles. */
export function bundleCount(articles: number, size: number): number {
  let count = 1;
  while (articles >= count * 2 * size) count *= 2;
  return count;
}

/** The bundle (0 to `count` − 1) an article belongs to, from its id alone. */
export function bundleOf(id: string, count: number): number {
  return Number.parseInt(sha256(id).slice(0, 8), 16) % count;
}

/** Marks where the rendered body goes in a record. */
export const BODY_SLOT = '<!--rotative:body-->';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** What a record shows besides the article's own text: the site's language and wording. */
export interface RecordOptions {
  /** The page language, which sets Pagefind's stemming. */
  locale: string;
  /** How teasers show a date (`21.05.2021 08h19`), as search results show it. */
  dateTime: (date: Date) => string;
}

/**
 * An article's search record without its body: the page language (Pagefind's
 * stemming), the headline as `<h1>` (Pagefind's result title, weighted as a
 * heading) with the section's name and the date as metadata (the results'
 * meta line), and the standfirst.
 */
export function recordShell(article: Pick<Article, 'data'>, section: string, options: RecordOptions): string {
  const { title, summary, date } = article.data;
  return [
    `<!doctype html><html lang="${escapeHtml(options.locale)}"><head><title>${escapeHtml(title)}</title></head><body>`,
    `<h1 data-pagefind-meta="section[data-section], date[data-date]" data-section="${escapeHtml(section)}"`,
    ` data-date="${escapeHtml(options.dateTime(date))}">${escapeHtml(title)}</h1>`,
    summary === undefined ? '' : `<p>${escapeHtml(summary)}</p>`,
    BODY_SLOT,
    '</body></html>',
  ].join('');
}

/** The name of an article's section, as its record shows it. */
export function sectionNameOf(article: Pick<Article, 'data' | 'filePath'>, index: Pick<SiteIndex, 'sectionsBySlug'>) {
  const section = index.sectionsBySlug.get(article.data.section);
  if (!section) throw new Error(`${article.filePath}: no section "${article.data.section}" for the search index`);
  return section.name;
}

/** The record Pagefind indexes: the shell with the article's rendered body. */
export function searchRecord(shell: string, body: string): string {
  return shell.replace(BODY_SLOT, () => body);
}

/** The articles of each bundle, sorted by path (the order Pagefind numbers them in). */
export function bundleArticles(index: Pick<SiteIndex, 'articles'>, size: number): Map<string, Article[]> {
  const count = bundleCount(index.articles.length, size);
  const bundles = new Map<string, Article[]>();
  const sorted = [...index.articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const article of sorted) {
    const name = `${bundleOf(article.id, count) + 1}-of-${count}`;
    const list = bundles.get(name);
    if (list) list.push(article);
    else bundles.set(name, [article]);
  }
  return new Map([...bundles].sort(([a], [b]) => Number.parseInt(a) - Number.parseInt(b)));
}

/** The plan of the index for the articles of `index`. */
export function searchPlan(
  index: Pick<SiteIndex, 'articles' | 'sectionsBySlug'>,
  options: RecordOptions & { size: number },
): SearchPlan {
  const bundles: SearchBundle[] = [];
  for (const [name, articles] of bundleArticles(index, options.size)) {
    const records = articles.map((a) => {
      if (a.digest === undefined) throw new Error(`${a.filePath}: no content digest for the search index`);
      return `${a.path}\0${a.digest}\0${recordShell(a, sectionNameOf(a, index), options)}`;
    });
    bundles.push({ name, path: bundlePath(name), fingerprint: sha256(records.join('\0')), pages: articles.length });
  }
  return { bundles };
}

function bundlePath(name: string): string {
  return `/pagefind/${name}/`;
}

/** The site paths of the plan's bundles, without reading their records: what the search page merges. */
export function bundlePaths(index: Pick<SiteIndex, 'articles'>, size: number): string[] {
  return [...bundleArticles(index, size).keys()].map(bundlePath);
}
