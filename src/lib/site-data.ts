/**
 * The bridge from Astro's content store to `lib`'s plain data: the only module
 * that imports `astro:content`. The site index is built once per build and
 * shared by every page.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { getCollection, getEntry, render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { BODY_FILE } from './article-bodies.ts';
import { READING_MINUTES } from '../markdown/remark-reading-time.ts';
import { site } from '../site.ts';
import { type ArticleRecord, buildSiteIndex, type Section, type SiteIndex } from './articles.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { CURRENT_PROBLEMS, type ProblemData } from './schema.ts';
import { typesetArticle, typesetSection } from './typeset.ts';
import { idAndSlug } from './validate.ts';

let index: Promise<SiteIndex> | undefined;
/** While previewing: what the index was built from, to build it again once the content changed. */
let indexKey: string | undefined;

function readStore() {
  return Promise.all([getCollection('articles'), getCollection('sections'), getEntry('problems', CURRENT_PROBLEMS)]);
}

function loadIndex(store: Awaited<ReturnType<typeof readStore>>): SiteIndex {
  const [entries, sectionEntries, problems] = store;
  // Only while previewing (a build stops on them first): every page shows the errors in Astro's overlay.
  const errors = problems?.data.errors ?? [];
  if (errors.length > 0)
    throw new ContentError(errors.map(contentProblem), fileURLToPath(new URL('../../', import.meta.url)));
  const records: ArticleRecord[] = entries.map((entry) => ({
    id: entry.id,
    slug: idAndSlug(entry.id).slug,
    filePath: entry.filePath ?? entry.id,
    data: typesetArticle(entry.data, site.locale),
    readingMinutes: readingMinutesOf(entry.rendered?.metadata?.frontmatter, entry.filePath ?? entry.id),
    ...(entry.digest === undefined ? {} : { digest: String(entry.digest) }),
  }));
  const sections: Section[] = sectionEntries.map((entry) => ({
    slug: entry.id,
    ...typesetSection(entry.data, site.locale),
  }));
  return buildSiteIndex(records, sections, { now: site.now, timeZone: site.timeZone });
}

function contentProblem(data: ProblemData): ContentProblem {
  const problem: ContentProblem = { severity: data.severity, file: data.file, message: data.message };
  if (data.line !== undefined) problem.line = data.line;
  if (data.field !== undefined) problem.field = data.field;
  return problem;
}

/** The reading time `remark-reading-time` stored with the rendering. */
function readingMinutesOf(frontmatter: unknown, file: string): number {
  const minutes =
    typeof frontmatter === 'object' && frontmatter !== null
      ? (frontmatter as Record<string, unknown>)[READING_MINUTES]
      : undefined;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1) {
    throw new Error(`${file}: no reading time in the rendered body: is remark-reading-time in the Markdown pipeline?`);
  }
  return minutes;
}

/** What is published in this build, with every lookup the pages need. */
export async function getSiteIndex(): Promise<SiteIndex> {
  // In `astro dev` the content changes under the running server: each page asks the store, and the
  // index is built again when what it holds has changed (an entry's digest covers its whole file).
  if (import.meta.env.DEV) {
    const store = await readStore();
    const [entries, sections, problems] = store;
    const key = JSON.stringify([entries.map((e) => [e.id, e.digest]), sections, problems?.data]);
    if (key !== indexKey) {
      indexKey = key;
      // A promise, so that content errors reject it, for each page that asks.
      index = Promise.resolve(store).then(loadIndex);
    }
  }
  index ??= readStore().then(loadIndex);
  return index;
}

/**
 * The rendered body of an article, as an Astro `Content` component. The
 * store holds the body's file, not its HTML (`article-bodies.ts`);
 * `render` then does what it does with stored HTML, local images included.
 */
export async function renderArticle(id: string) {
  const entry = await getEntry('articles', id);
  if (!entry) throw new Error(`No article with id "${id}" in the content store`);
  const file = entry.rendered?.metadata?.[BODY_FILE];
  if (typeof file !== 'string')
    throw new Error(`${entry.filePath ?? id}: the content store names no rendered body file`);
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${entry.filePath ?? id}: its rendered body is missing from the build cache (${(error as Error).message}); build again`,
    );
  }
  return render({ ...entry, rendered: { ...entry.rendered, html } });
}

let container: Promise<AstroContainer> | undefined;

/**
 * The rendered, sanitised HTML of an article's body, for full-text feeds.
 * Rendered through the `Content` component, as on the article page, because
 * the stored HTML holds placeholders where the image service puts local images.
 */
export async function renderedBody(id: string): Promise<string> {
  const { Content } = await renderArticle(id);
  container ??= AstroContainer.create();
  return (await container).renderToString(Content);
}
