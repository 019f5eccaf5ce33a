/**
 * The article Markdown pipeline: the remark and rehype plugins Astro's
 * `unified()` processor runs, in order. Tests build the same list, so what
 * they check is what the site renders.
 */
import type { RehypePlugins, RemarkPlugins } from 'astro';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeEmbedAllowlist from './rehype-embed-allowlist.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

export interface PipelineOptions {
  /** The site's origin, to tell internal links from external ones. */
  siteUrl: string;
  /** URL prefixes an iframe may load (none by default). */
  embedPrefixes?: readonly string[];
}

export function remarkPlugins(_options: PipelineOptions): RemarkPlugins {
  return [];
}

export function rehypePlugins(options: PipelineOptions): RehypePlugins {
  const embedPrefixes = options.embedPrefixes ?? [];
  return [
    // Raw HTML must become elements before it is sanitised; Astro's own rehype-raw runs last.
    rehypeRaw,
    [rehypeSanitize, articleSanitizeSchema({ embedPrefixes })],
    [rehypeEmbedAllowlist, { embedPrefixes }],
    [rehypeExternalLinks, { siteUrl: options.siteUrl }],
  ];
}
