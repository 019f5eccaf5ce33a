/**
 * This build's resolved settings, and the wording helpers bound to them. The
 * one module that reads the environment and the clock: everything in `lib`
 * receives `site` (or parts of it) as arguments.
 */
import { useTranslations } from './i18n/index.ts';
import { resolveSiteConfig } from './lib/config.ts';
import { createFormatters } from './lib/format.ts';
import { withBase } from './lib/urls.ts';
import type { PipelineOptions } from './markdown/index.ts';
import siteConfig from './site.config.ts';

export const site = resolveSiteConfig(siteConfig, process.env, new Date());

/** The Markdown pipeline's settings: `astro.config.mjs` and the content loader's render workers share them. */
export const markdownPipeline: PipelineOptions = { siteUrl: site.url, locale: site.locale, embedPrefixes: site.embeds };

/** `t(key, vars)` in the site's language. */
export const t = useTranslations(site.locale);

/** Dates and names worded in the site's locale and time zone. */
export const format = createFormatters(site.locale, site.timeZone);

/** A site-relative path under the configured base path, for `href` and `src`. */
export const href = (path: string): string => withBase(site.basePath, path);
