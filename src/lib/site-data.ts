/**
 * The bridge from Astro's content store to `lib`'s plain data: the only module
 * that imports `astro:content`. The site index is built once per build and
 * shared by every page.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { site } from '../site.ts';
import { type ArticleRecord, buildSiteIndex, type Section, type SiteIndex } from './articles.ts';
import { idAndSlug } from './validate.ts';

let index: Promise<SiteIndex> | undefined;

async function loadIndex(): Promise<SiteIndex> {
  const [entries, sectionEntries] = await Promise.all([getCollection('articles'), getCollection('sections')]);
  const records: ArticleRecord[] = entries.map((entry) => ({
    id: entry.id,
    slug: idAndSlug(entry.id).slug,
    filePath: entry.filePath ?? entry.id,
    data: entry.data,
  }));
  const sections: Section[] = sectionEntries.map((entry) => ({ slug: entry.id, ...entry.data }));
  return buildSiteIndex(records, sections, { now: site.now, timeZone: site.timeZone });
}

/** What is published in this build, with every lookup the pages need. */
export function getSiteIndex(): Promise<SiteIndex> {
  index ??= loadIndex();
  return index;
}

/** The rendered body of an article, as an Astro `Content` component. */
export async function renderArticle(id: string) {
  const entry = await getEntry('articles', id);
  if (!entry) throw new Error(`No article with id "${id}" in the content store`);
  return render(entry);
}

/** The rendered, sanitised HTML of an article's body, for full-text feeds. */
export async function renderedBody(id: string): Promise<string> {
  const entry = await getEntry('articles', id);
  const html = entry?.rendered?.html;
  if (html === undefined) throw new Error(`No rendered body for article "${id}" in the content store`);
  return html;
}
