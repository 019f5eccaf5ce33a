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

/** `src/site.config.ts` resolved against an environment and a clock: the build's own below, a command's in `src/cli`. */
export function resolveSettings(env: Readonly<Record<string, string | undefined>>, now: Date) {
  const site = resolveSiteConfig(siteConfig, env, now);
  return {
    site,
    /** The Markdown pipeline's settings: `astro.config.mjs`, the content loader's render workers and the checker share them. */
    markdownPipeline: { siteUrl: site.url, locale: site.locale, embedPrefixes: site.embeds } satisfies PipelineOptions,
    /** `t(key, vars)` in the site's language. */
    t: useTranslations(site.locale),
    /** Dates and names worded in the site's locale and time zone. */
    format: createFormatters(site.locale, site.timeZone),
    /** A site-relative path under the configured base path, for `href` and `src`. */
    href: (path: string): string => withBase(site.basePath, path),
  };
}

export type Settings = ReturnType<typeof resolveSettings>;

export const { site, markdownPipeline, t, format, href } = resolveSettings(process.env, new Date());
