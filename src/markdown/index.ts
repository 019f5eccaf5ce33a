/**
 * The article Markdown pipeline: the options of Astro's `unified()` processor (remark and rehype plugins in order,
 * remark-rehype's options). Tests build the processor from the same function, so they check what the site renders.
 * Astro adds remark-parse and remark-gfm before these remark plugins, its image collector and remark-rehype after them,
 * and after the rehype plugins its image service, its heading collector (which keeps ids set here), rehype-raw and
 * rehype-stringify.
 */
import type { RehypePlugins, RemarkPlugins } from 'astro';
import remarkDirective from 'remark-directive';
import { dictionaryFor, fill } from '#src/i18n/index.ts';
import rehypeEmbedAllowlist from './rehype-embed-allowlist.ts';
import rehypeExternalLinks from 'rehype-external-links';
import { externalLinksOptions } from './external-links.ts';
import rehypeFragmentLinks from './rehype-fragment-links.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeImageAttributes from './rehype-image-attributes.ts';
import rehypeSanitizeArticle from './rehype-sanitize-article.ts';
import rehypeTableAlign from './rehype-table-align.ts';
import rehypeTypography from './rehype-typography.ts';
import remarkArticleDirectives from './remark-article-directives.ts';
import remarkFigures from './remark-figures.ts';
import remarkGfmFast from './remark-gfm-fast.ts';
import remarkReadingTime from './remark-reading-time.ts';

export interface PipelineOptions {
  /** The site's origin, to tell internal links from external ones. */
  siteUrl: string;
  /** The site's locale: typography rules and the few words the pipeline writes (footnotes, credits). */
  locale: string;
  /** URL prefixes an iframe may load (none by default). */
  embedPrefixes?: readonly string[];
  /** Reading speed for the reading time. Default 230 words a minute. */
  wordsPerMinute?: number;
}

/** The sanitiser's prefix for ids from article bodies; in-page links are pointed at it. */
export const ID_PREFIX = 'user-content-';

/**
 * Ids the page templates use (layout, share links, editors' picks): a body
 * heading never takes one.
 */
export const PAGE_IDS = [
  'main',
  'share-heading',
  'picks-heading',
  'lead-heading',
  'tags-heading',
  'latest-heading',
  'secondary-heading',
  'latest-404-heading',
  'masthead-search',
  'search-page-q',
  'search-results',
] as const;

export function remarkPlugins(options: PipelineOptions): RemarkPlugins {
  const creditLabel = dictionaryFor(options.locale).imageCredit;
  return [
    // First, right after the remark-gfm Astro adds: the same GFM, parsed faster.
    remarkGfmFast,
    remarkDirective,
    [remarkArticleDirectives, { creditLabel }],
    [remarkFigures, { creditLabel }],
    [remarkReadingTime, { wordsPerMinute: options.wordsPerMinute ?? 230 }],
  ];
}

export function rehypePlugins(options: PipelineOptions): RehypePlugins {
  const embedPrefixes = options.embedPrefixes ?? [];
  return [
    // Raw HTML becomes elements and is sanitised before anything else looks at it.
    [rehypeSanitizeArticle, { embedPrefixes }],
    [rehypeEmbedAllowlist, { embedPrefixes }],
    [rehypeFragmentLinks, { prefix: ID_PREFIX }],
    rehypeTableAlign,
    [rehypeTypography, { locale: options.locale }],
    [rehypeHeadingIds, { reserved: PAGE_IDS }],
    rehypeImageAttributes,
    [rehypeExternalLinks, externalLinksOptions(options.siteUrl)],
  ];
}

/**
 * remark-rehype's options: footnotes in the site's language, and no id prefix
 * of its own (the sanitiser adds one, and `rehype-fragment-links` points the
 * footnote links at it; two would give `user-content-user-content-fn-1`).
 */
export function remarkRehypeOptions(options: PipelineOptions) {
  const strings = dictionaryFor(options.locale);
  return {
    clobberPrefix: '',
    footnoteLabel: strings.footnotesLabel,
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      fill(strings.footnoteBackLabel, {
        n: `${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
      }),
  };
}

/** Everything `unified()` from `@astrojs/markdown-remark` takes, as `astro.config.mjs` passes it. */
export function markdownProcessorOptions(options: PipelineOptions) {
  return {
    remarkPlugins: remarkPlugins(options),
    rehypePlugins: rehypePlugins(options),
    remarkRehype: remarkRehypeOptions(options),
    // SmartyPants makes English quotes whatever the language; typography is rehype-typography's job.
    smartypants: false,
    gfm: true,
  };
}
