/**
 * The bridge from Astro's content store to `lib`'s plain data: the only module
 * that imports `astro:content`. The site index is built once per build and
 * shared by every page.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageMetadata } from 'astro/assets/utils';
import { getCollection, getEntry, render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { BODY_FILE } from '#src/lib/article-bodies.ts';
import { READING_MINUTES } from '#src/markdown/remark-reading-time.ts';
import { site, t } from '#src/site.ts';
import { absoluteUrl } from '#src/lib/urls.ts';
import {
  type ArticleRecord,
  buildSiteIndex,
  type ImageAsset,
  type Section,
  type ShownImage,
  type SiteIndex,
} from '#src/lib/articles.ts';
import { EXCERPT } from '#src/lib/description.ts';
import { pictureHtml, pictureOf, socialImageOf } from './pictures.ts';
import { ContentError, type ContentProblem } from '#src/lib/problems.ts';
import { type ArticleData, CURRENT_PROBLEMS, type ProblemData } from '#src/lib/schema.ts';
import { typesetArticle, typesetSection } from '#src/lib/typeset.ts';
import { idAndSlug } from '#src/lib/validate.ts';

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
  const records: ArticleRecord[] = entries.map((entry) => {
    const file = entry.filePath ?? entry.id;
    const excerpt = entry.rendered?.metadata?.[EXCERPT];
    const image = entry.data.image && shownImage(entry.data.image, file);
    return {
      id: entry.id,
      slug: idAndSlug(entry.id).slug,
      filePath: file,
      data: typesetArticle(entry.data, site.locale),
      readingMinutes: readingMinutesOf(entry.rendered?.metadata?.[READING_MINUTES], file),
      ...(entry.digest === undefined ? {} : { digest: String(entry.digest) }),
      ...(typeof excerpt === 'string' ? { excerpt } : {}),
      ...(image ? { image } : {}),
    };
  });
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

/**
 * The lead image as the loader stored it: a local file's `src` has become its
 * `ImageMetadata` (the content store resolves it); public and https images
 * carry their width and height.
 */
function shownImage(image: ArticleData['image'] & object, file: string): ShownImage {
  const { alt, credit } = image;
  const src: unknown = image.src;
  if (typeof src === 'object' && src !== null && 'width' in src && 'height' in src && 'format' in src) {
    const asset = src as ImageAsset;
    return { kind: 'local', asset, alt, credit, width: asset.width, height: asset.height };
  }
  if (typeof src !== 'string' || image.width === undefined || image.height === undefined) {
    throw new Error(`${file}: image: the content store holds no usable image (${JSON.stringify(src)}); build again`);
  }
  return { kind: 'url', src, alt, credit, width: image.width, height: image.height };
}

/** The reading time the loader stored with the rendering (see `remark-reading-time`). */
function readingMinutesOf(minutes: unknown, file: string): number {
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
 * `render` then does what it does with stored HTML. For the page, local
 * images become `<picture>`s first (`bodyPictures`); for feeds, `render`
 * makes each a single `<img>`, which every feed reader shows.
 */
export async function renderArticle(id: string, options: { forFeed?: boolean } = {}) {
  const entry = await getEntry('articles', id);
  if (!entry) throw new Error(`No article with id "${id}" in the content store`);
  const file = entry.rendered?.metadata?.[BODY_FILE];
  if (typeof file !== 'string')
    throw new Error(`${entry.filePath ?? id}: the content store names no rendered body file`);
  let html: string;
  try {
    // Read at once: a small file the loader just wrote, where the promise API's four round trips cost more.
    html = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${entry.filePath ?? id}: its rendered body is missing from the build cache (${(error as Error).message}); build again`,
    );
  }
  if (!options.forFeed) html = await bodyPictures(html, entry.filePath ?? id);
  return render({ ...entry, rendered: { ...entry.rendered, html } });
}

/** An `<img>` whose attributes Astro's Markdown pipeline left for its image service (`rehypeImages`). */
const PLACEHOLDER = /<img\b[^>]*?\s__ASTRO_IMAGE_="([^"]+)"[^>]*>/g;
/** An `<img>` of a file under `public/` (a root-relative path), served as it is. */
const PUBLIC_IMAGE = /<img\b[^>]*\ssrc="(\/(?!\/)[^"]+)"[^>]*>/g;

/**
 * Local body images as `<picture>` (AVIF, WebP, fallback, `srcset`/`sizes`
 * of the article column, lazy), through the same `pictureOf` as lead images;
 * images under `public/` get their width and height. The placeholders are
 * resolved as Astro's content runtime does: the image's import, keyed by its
 * path and the article file, in `astro:asset-imports`.
 */
async function bodyPictures(html: string, filePath: string): Promise<string> {
  const replacements = new Map<string, string>();
  if (html.includes('__ASTRO_IMAGE_')) {
    const { default: imports } = await import('astro:asset-imports');
    for (const [tag, encoded] of html.matchAll(PLACEHOLDER)) {
      const props = JSON.parse(
        encoded!
          .replace(/&(?:#x22|quot);/g, '"')
          .replace(/&(?:#x27|apos);/g, "'")
          .replace(/&(?:amp|#x26|#38);/g, '&'),
      ) as { src: string; alt?: string };
      const params = new URLSearchParams('astroContentImageFlag');
      params.set('importer', filePath);
      const asset = imports.get(`${props.src}?${params.toString()}`);
      if (!asset) throw new Error(`${filePath}: image ${props.src} was not imported by the content store; build again`);
      replacements.set(tag, pictureHtml(await pictureOf(asset, { alt: props.alt ?? '', slot: 'article' })));
    }
  }
  for (const [tag, src] of html.matchAll(PUBLIC_IMAGE)) {
    if (/\swidth=/.test(tag) || replacements.has(tag)) continue;
    const { width, height } = await publicImageSize(src!);
    replacements.set(tag, tag.replace(/^<img/, `<img width="${width}" height="${height}"`));
  }
  return replacements.size === 0 ? html : html.replace(/<img\b[^>]*>/g, (tag) => replacements.get(tag) ?? tag);
}

const publicSizes = new Map<string, Promise<{ width: number; height: number }>>();

/** Width and height of an image under `public/` (the build runs from the project's root). */
function publicImageSize(src: string): Promise<{ width: number; height: number }> {
  const path = decodeURI(src.replace(/^\/+/, ''));
  let size = publicSizes.get(path);
  size ??= readFile(resolve('public', path)).then((bytes) => imageMetadata(bytes, src));
  publicSizes.set(path, size);
  return size;
}

let defaultImage: Promise<{ url: string; alt: string; width: number; height: number }> | undefined;

/** The site's default social card (`defaultImage` under `public/`), with its size. */
export function defaultSocialImage() {
  defaultImage ??= readFile(resolve('public', site.defaultImage.replace(/^\/+/, ''))).then(async (bytes) => {
    const { width, height } = await imageMetadata(bytes, site.defaultImage);
    return {
      url: absoluteUrl(site.url, site.basePath, site.defaultImage),
      alt: t('defaultImageAlt', { site: site.name }),
      width,
      height,
    };
  });
  return defaultImage;
}

/** An article image as a social card (og:image, JSON-LD, feeds): absolute URL and size, 1200 px wide when it can be. */
export async function socialImage(
  image: ShownImage,
): Promise<{ url: string; alt: string; width: number; height: number }> {
  const { alt, width, height } = image;
  if (image.kind === 'url') {
    const url = image.src.startsWith('/') ? absoluteUrl(site.url, site.basePath, image.src) : image.src;
    return { url, alt, width, height };
  }
  const card = await socialImageOf(image.asset);
  return { url: new URL(card.src, site.url).href, alt, width: card.width, height: card.height };
}

let container: Promise<AstroContainer> | undefined;

/**
 * The rendered, sanitised HTML of an article's body, for full-text feeds.
 * Rendered through the `Content` component, as on the article page, because
 * the stored HTML holds placeholders where the image service puts local images.
 */
export async function renderedBody(id: string): Promise<string> {
  const { Content } = await renderArticle(id, { forFeed: true });
  container ??= AstroContainer.create();
  return (await container).renderToString(Content);
}
