/**
 * What gets published, in which order, and what each page links to. Pure
 * functions over plain data: the clock and the settings are arguments, and
 * every per-page answer comes from an index built once per build, so no page
 * compares every article with every other one.
 */
import type { ImageMetadata } from 'astro';
import { ContentError, type ContentProblem } from './problems.ts';
import type { ArticleData, SectionData } from './schema.ts';
import { slugify } from './slug.ts';
import { yearInZone } from './dates.ts';
import { articlePath } from './urls.ts';

/** A section of `content/sections.yaml`. */
export interface Section extends SectionData {
  slug: string;
}

/** An article as the content store holds it. */
export interface ArticleRecord {
  /** Path under `content/articles/` without `.md`: what `related` lists name. */
  id: string;
  /** Last segment of the URL, from the file name. */
  slug: string;
  /** Path of the source file from the project root. */
  filePath: string;
  data: ArticleData;
  /** Minutes to read the body, from the Markdown pipeline; absent where bodies are not rendered (editors' tools). */
  readingMinutes?: number;
  /** Digest of the source file and the Markdown pipeline, from the content store (for incremental builds). */
  digest?: string;
  /** The body's first sentence(s), near 160 characters (`src/lib/description.ts`); absent in editors' tools. */
  excerpt?: string;
  /** The lead image, resolved for the pages (absent in editors' tools, which check `data.image`). */
  image?: ShownImage;
}

/** A local image as Astro's image pipeline takes it. */
export type ImageAsset = ImageMetadata;

/** An article's lead image as pages show it: always with its width and height. */
export type ShownImage = {
  alt: string;
  credit?: string | undefined;
  width: number;
  height: number;
} & (
  | { kind: 'local'; asset: ImageAsset }
  /** A path under `public/` (not optimised) or an https URL from an allowed host. */
  | { kind: 'url'; src: string }
);

/** A published article with its place on the site. */
export interface Article extends ArticleRecord {
  /** Site-relative URL path, e.g. `/international/2021/05/21/lavrov-blinken/`. */
  path: string;
  /** `updated ?? date`: when readers last saw it change. */
  modified: Date;
  /** What the article is about in a sentence or two: its `summary`, else its excerpt, else its headline. */
  description: string;
}

/** The articles of one tag or one editor, newest first. */
export interface Listing {
  kind: 'tag' | 'editor';
  /** URL segment (`arctique`, `ying-xie`). */
  slug: string;
  /** As written in the newest article that uses it. */
  name: string;
  articles: Article[];
}

/** Drafts are never published; an article dated after `now` is embargoed until then. */
export function isPublished(data: Pick<ArticleData, 'draft' | 'date'>, now: Date): boolean {
  return !data.draft && data.date.getTime() <= now.getTime();
}

/** Newest first; ties broken by id so the order never depends on file-system order. */
export function compareNewestFirst(a: ArticleRecord, b: ArticleRecord): number {
  return b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The one decision of what is published at `now`, newest first. */
export function publishedArticles<T extends ArticleRecord>(all: readonly T[], now: Date): T[] {
  return all.filter((a) => isPublished(a.data, now)).sort(compareNewestFirst);
}

/** The latest `updated ?? date` among `articles`; `undefined` for none. */
export function latestModification(articles: readonly Pick<Article, 'modified'>[]): Date | undefined {
  let latest: Date | undefined;
  for (const a of articles) if (!latest || a.modified.getTime() > latest.getTime()) latest = a.modified;
  return latest;
}

/** Sections in display order (`order`, then slug). */
export function orderSections<T extends Pick<Section, 'order' | 'slug'>>(sections: readonly T[]): T[] {
  return [...sections].sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Problems that only show across files: two articles at one URL, and `related` ids naming no article. */
export function crossFileProblems(records: readonly ArticleRecord[], timeZone: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Set(records.map((r) => r.id));
  const byPath = new Map<string, ArticleRecord>();
  for (const record of [...records].sort((a, b) => (a.filePath < b.filePath ? -1 : 1))) {
    const path = articlePath(record.data.section, record.data.date, record.slug, timeZone);
    const first = byPath.get(path);
    if (first) {
      problems.push({
        severity: 'error',
        file: record.filePath,
        message: `same URL ${path} as ${first.filePath}: rename one file or change its date or section`,
      });
    } else {
      byPath.set(path, record);
    }
    for (const id of record.data.related) {
      if (!ids.has(id)) {
        problems.push({
          severity: 'error',
          file: record.filePath,
          field: 'related',
          message: `no article has the id "${id}" (an id is the file path under content/articles/ without .md)`,
        });
      }
    }
  }
  return problems;
}

/** Everything the pages ask about the published site, computed once. */
export interface SiteIndex {
  /** Published articles, newest first. */
  articles: Article[];
  /** Sections in display order. */
  sections: Section[];
  sectionsBySlug: Map<string, Section>;
  /** Published articles by id. */
  byId: Map<string, Article>;
  /** Published articles of each section, newest first (every section has an entry). */
  bySection: Map<string, Article[]>;
  /** Each article's position in its section's list. */
  positionInSection: Map<string, number>;
  /** The site's "last updated": the newest `updated ?? date` of all published articles. */
  updated: Date | undefined;
  /** Each section's own "last updated" (its feed's date). */
  sectionUpdated: Map<string, Date | undefined>;
  /** Every tag of a published article, by slug, in slug order. */
  tags: Map<string, Listing>;
  /** Every editor of a published article, by slug, in slug order. */
  editors: Map<string, Listing>;
  /**
   * The years the archive spans, from the oldest publication to the newest
   * change, for the footer's copyright line: it changes when the archive
   * enters a new year, not with each article.
   */
  years: YearSpan | undefined;
}

/** A span of calendar years in the site's zone, e.g. 2020 to 2026. */
export interface YearSpan {
  first: string;
  last: string;
}

/** Builds the index of what is published at `now`; throws a `ContentError` on colliding URLs. */
export function buildSiteIndex(
  records: readonly ArticleRecord[],
  sectionList: readonly Section[],
  options: { now: Date; timeZone: string },
): SiteIndex {
  const sections = orderSections(sectionList);
  const sectionsBySlug = new Map(sections.map((s) => [s.slug, s]));
  const published = publishedArticles(records, options.now);

  const collisions = crossFileProblems(published, options.timeZone).filter((p) => p.field !== 'related');
  if (collisions.length > 0) throw new ContentError(collisions);

  const articles: Article[] = published.map((record) => ({
    ...record,
    path: articlePath(record.data.section, record.data.date, record.slug, options.timeZone),
    modified: record.data.updated ?? record.data.date,
    description: record.data.summary ?? (record.excerpt || record.data.title),
  }));
  const bySection = new Map<string, Article[]>(sections.map((s) => [s.slug, []]));
  const positionInSection = new Map<string, number>();
  for (const article of articles) {
    const list = bySection.get(article.data.section);
    if (!list) throw new Error(`${article.filePath}: section "${article.data.section}" is not in the sections list`);
    positionInSection.set(article.id, list.length);
    list.push(article);
  }
  const sectionUpdated = new Map<string, Date | undefined>();
  for (const [slug, list] of bySection) sectionUpdated.set(slug, latestModification(list));
  const updated = latestModification(articles);
  // Newest first: the last article is the oldest publication.
  const oldest = articles.at(-1)?.data.date;

  return {
    articles,
    sections,
    sectionsBySlug,
    byId: new Map(articles.map((a) => [a.id, a])),
    bySection,
    positionInSection,
    updated,
    sectionUpdated,
    tags: listings('tag', articles, (a) => a.data.tags),
    editors: listings('editor', articles, (a) => a.data.editors),
    years:
      updated && oldest
        ? { first: yearInZone(oldest, options.timeZone), last: yearInZone(updated, options.timeZone) }
        : undefined,
  };
}

/** Groups articles (newest first) by the slug of each name `namesOf` gives; names without a slug are left out. */
function listings(kind: Listing['kind'], articles: readonly Article[], namesOf: (a: Article) => readonly string[]) {
  const bySlug = new Map<string, Listing>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article)) {
      const slug = slugify(name);
      if (slug === '' || seen.has(slug)) continue;
      seen.add(slug);
      const listing = bySlug.get(slug);
      if (listing) listing.articles.push(article);
      else bySlug.set(slug, { kind, slug, name: name.trim(), articles: [article] });
    }
  }
  return new Map([...bySlug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * "Conseils de la rédaction": the editors' `related` picks that are published,
 * in their order; without any, the `count` articles published just before it
 * in its section, nearest first. Those never change once published, so a new
 * article leaves older pages as they were. An article with fewer than `count`
 * older ones (the first of a section) is topped up with the nearest newer ones.
 */
export function editorsPicks(article: ArticleRecord, index: SiteIndex, count: number): Article[] {
  const picks = relatedPicks(article, index);
  if (picks.length > 0) return picks;
  const section = index.bySection.get(article.data.section) ?? [];
  const position = index.positionInSection.get(article.id);
  // Only published articles have pages, and picks.
  if (position === undefined) return [];
  // The section's list is newest first: older articles follow the article, newer ones precede it.
  const older = section.slice(position + 1, position + 1 + count);
  const newer = section.slice(Math.max(0, position - (count - older.length)), position).reverse();
  return [...older, ...newer];
}

function relatedPicks(article: ArticleRecord, index: SiteIndex): Article[] {
  return article.data.related
    .map((id) => index.byId.get(id))
    .filter((a): a is Article => a !== undefined && a.id !== article.id);
}

/** The older (`previous`) and newer (`next`) neighbours of an article in its section. */
export function sectionNeighbours(article: ArticleRecord, index: SiteIndex): { previous?: Article; next?: Article } {
  const list = index.bySection.get(article.data.section) ?? [];
  const position = index.positionInSection.get(article.id);
  if (position === undefined) return {};
  const neighbours: { previous?: Article; next?: Article } = {};
  const older = list[position + 1];
  const newer = list[position - 1];
  if (older) neighbours.previous = older;
  if (newer) neighbours.next = newer;
  return neighbours;
}

/** How the homepage is composed (`src/site.config.ts`). */
export interface FrontPageSettings {
  /** A `featured: true` article leads while among the newest this many. */
  featuredWindow: number;
  /** Stories under the lead, those with an image first. */
  homeSecondaryCount: number;
  /** Headlines in "Dernières nouvelles". */
  homeLatestSize: number;
  /** Articles per section block. */
  homeSectionSize: number;
}

export interface FrontPage {
  /** The newest featured article among the newest `featuredWindow`, else the newest article. */
  lead: Article | undefined;
  /** The next stories, newest first: those with an image among the newest `featuredWindow` first. */
  secondary: Article[];
  /** The newest articles across sections, lead and secondary stories included. */
  latest: Article[];
  /** Each section with articles, in order, with its newest not already shown above. */
  blocks: { section: Section; articles: Article[] }[];
}

/** The homepage, like a newspaper's front page. */
export function frontPage(index: SiteIndex, settings: FrontPageSettings): FrontPage {
  const recent = index.articles.slice(0, settings.featuredWindow);
  const lead = recent.find((a) => a.data.featured) ?? index.articles[0];
  const others = recent.filter((a) => a !== lead);
  const pool = [...others.filter((a) => a.image), ...others.filter((a) => !a.image)];
  // The window may be smaller than the count: newer articles beyond it fill in.
  for (const a of index.articles.slice(recent.length)) {
    if (pool.length >= settings.homeSecondaryCount) break;
    if (a !== lead) pool.push(a);
  }
  const secondary = pool.slice(0, settings.homeSecondaryCount).sort(compareNewestFirst);
  const shown = new Set([lead, ...secondary]);
  const blocks = index.sections.flatMap((section) => {
    const articles = (index.bySection.get(section.slug) ?? [])
      .filter((a) => !shown.has(a))
      .slice(0, settings.homeSectionSize);
    return articles.length > 0 ? [{ section, articles }] : [];
  });
  return { lead, secondary, latest: index.articles.slice(0, settings.homeLatestSize), blocks };
}
