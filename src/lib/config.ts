/**
 * The site's settings: their types, defaults and validation. The newsroom's own
 * values live in `src/site.config.ts`; `resolveSiteConfig` merges them with the
 * defaults and with the environment it is given (it never reads `process.env`).
 */
import { dictionaryFor, uiLanguages } from '#src/i18n/index.ts';
import { isValidTimeZone, parseIsoWithOffset } from './dates.ts';

/** A service readers can share an article on, with plain links and no script. */
export type ShareTarget = 'x' | 'facebook' | 'linkedin' | 'whatsapp' | 'bluesky' | 'email';

export const shareTargets: readonly ShareTarget[] = ['x', 'facebook', 'linkedin', 'whatsapp', 'bluesky', 'email'];

/** What a newsroom writes in `src/site.config.ts`. Every field but `name` and `url` has a default. */
export interface SiteConfigInput {
  /** The publication's name, shown in the masthead and page titles. */
  name: string;
  /** Absolute URL the site is served from, without the base path (e.g. `https://news.example.org`). */
  url: string;
  /** Path the site lives under on that host (`/` or `/rotative/`). Default `/`. */
  basePath?: string;
  /** BCP 47 locale of the content and the UI (`fr-FR`, `fr-CA`, `en-GB`…). Default `fr-FR`. */
  locale?: string;
  /** IANA time zone every date is shown in. Default `Asia/Shanghai`. */
  timeZone?: string;
  /** Articles per section page. Default 20. */
  pageSize?: number;
  /** Articles per section block on the homepage. Default 4. */
  homeSectionSize?: number;
  /**
   * How recent an article marked `featured: true` must be to lead the homepage: it leads while it
   * is among the newest this many articles of the site. Default 10.
   */
  featuredWindow?: number;
  /** Secondary stories under the homepage's lead, preferably with images: 2 to 4. Default 3. */
  homeSecondaryCount?: number;
  /** Headlines in the homepage's "Dernières nouvelles" list, across sections. Default 10. */
  homeLatestSize?: number;
  /**
   * Hosts whose `https://` images articles may show as they are (never downloaded by the build), e.g.
   * `['photos.agence.example']`. Such an image needs its `width` and `height`. Default: none.
   */
  remoteImageHosts?: string[];
  /** Web address of each source (agency) by its name as written in `source`, for structured data. Default: none. */
  sourceUrls?: Record<string, string>;
  /** Most editors' picks shown under an article. Default 5. */
  picksSize?: number;
  /** Share links under each article, in this order. Default: X, Facebook, LinkedIn, WhatsApp, e-mail. */
  share?: ShareTarget[];
  /** Folder holding `articles/` and `sections.yaml`, relative to the project root. Default `content`. */
  contentDir?: string;
  /** One sentence about the publication, for the homepage, feeds and structured data. */
  description?: string;
  /** Publisher logo under `public/`, for structured data. Default `/logo.png`. */
  logo?: string;
  /** Image for social cards when an article has none, under `public/`. Default `/social-default.png`. */
  defaultImage?: string;
  /** Articles per RSS and JSON feed. Default 50. */
  feedSize?: number;
  /** Put each article's full (sanitised) body in the feeds, not only its standfirst. Default false. */
  feedFullText?: boolean;
  /** Publication name in the Google News sitemap. Default: `name`. */
  newsPublicationName?: string;
  /**
   * Address prefixes an `<iframe>` in an article may load, e.g.
   * `https://www.youtube-nocookie.com/embed/`; each must be https and end with `/`.
   * Default none: every iframe is removed, with a warning from the checker and the build.
   */
  embeds?: string[];
  /**
   * Fewest articles per search bundle: the index is split into bundles of at
   * least this many articles (a power of two of them), and a publish indexes
   * one bundle again. Default 1000.
   */
  searchBundleSize?: number;
}

/** Settings after defaults and the environment have been applied. */
export interface SiteConfig extends Required<SiteConfigInput> {
  /**
   * The build's clock: articles dated after it are embargoed and not built.
   * From `ROTATIVE_NOW` when set, else the moment the build started.
   */
  now: Date;
}

/** Environment variables Rotative reads (all optional). */
export interface SiteEnv {
  /** Overrides `url`, e.g. in CI. */
  SITE_URL?: string | undefined;
  /** Overrides `basePath`, e.g. `/rotative/` on GitHub Pages. */
  BASE_PATH?: string | undefined;
  /** Overrides `locale`. */
  ROTATIVE_LOCALE?: string | undefined;
  /** Overrides `timeZone`. */
  ROTATIVE_TIME_ZONE?: string | undefined;
  /** Overrides `contentDir`, e.g. to build a preview or a test corpus. */
  ROTATIVE_CONTENT_DIR?: string | undefined;
  /** The build clock, ISO 8601 with offset, for previews of embargoed copy and for tests. */
  ROTATIVE_NOW?: string | undefined;
  /** Overrides `feedFullText`: `true` or `false`. */
  ROTATIVE_FEED_FULL_TEXT?: string | undefined;
  /** Overrides `searchBundleSize` (tests split a small site into several bundles). */
  ROTATIVE_SEARCH_BUNDLE_SIZE?: string | undefined;
  /** Overrides `remoteImageHosts`: host names separated by commas, e.g. `photos.agence.example,cdn.example.org`. */
  ROTATIVE_REMOTE_IMAGE_HOSTS?: string | undefined;
}

export const configDefaults = {
  basePath: '/',
  locale: 'fr-FR',
  timeZone: 'Asia/Shanghai',
  pageSize: 20,
  homeSectionSize: 4,
  featuredWindow: 10,
  homeSecondaryCount: 3,
  homeLatestSize: 10,
  remoteImageHosts: [],
  sourceUrls: {},
  picksSize: 5,
  share: ['x', 'facebook', 'linkedin', 'whatsapp', 'email'],
  contentDir: 'content',
  description: 'Toute l’actualité, en continu.',
  logo: '/logo.png',
  defaultImage: '/social-default.png',
  feedSize: 50,
  feedFullText: false,
  embeds: [],
  searchBundleSize: 1000,
} satisfies Omit<Required<SiteConfigInput>, 'name' | 'url' | 'newsPublicationName'>;

/** Identity helper that gives `src/site.config.ts` type checking and completion. */
export function defineSiteConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

/** `rotative`, `/rotative`, `/rotative/` → `/rotative/`; empty or `/` → `/`. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function positiveInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Site config: ${field}: expected a whole number of 1 or more, got ${value}`);
  }
  return value;
}

function secondaryCount(value: number): number {
  if (!Number.isInteger(value) || value < 2 || value > 4) {
    throw new Error(`Site config: homeSecondaryCount: expected 2, 3 or 4, got ${value}`);
  }
  return value;
}

/** Host names only (`photos.example.org`), lower-cased: a scheme or a path here is a mistake worth stopping for. */
function remoteImageHosts(hosts: readonly string[], from: string): string[] {
  return hosts.map((host) => {
    const trimmed = host.trim().toLowerCase();
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(trimmed)) {
      throw new Error(`${from}: expected a host name such as photos.example.org (no https://, no path), got "${host}"`);
    }
    return trimmed;
  });
}

function sourceUrls(urls: Readonly<Record<string, string>>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [source, url] of Object.entries(urls)) {
    if (!/^https?:\/\//.test(url) || !URL.canParse(url)) {
      throw new Error(
        `Site config: sourceUrls: ${source}: expected an absolute URL such as https://example.org/, got "${url}"`,
      );
    }
    checked[source] = url;
  }
  return checked;
}

/** `true` / `false` from an environment variable; anything else is a mistake worth stopping for. */
function booleanSetting(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name}: expected true or false, got "${value}"`);
}

/** A list of names separated by commas from an environment variable (`a.example, b.example`); empty items dropped. */
function listSetting(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A whole number from an environment variable. */
function integerSetting(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  throw new Error(`${name}: expected a whole number, got "${value}"`);
}

/** Applies defaults and environment overrides, and rejects settings that cannot work. */
export function resolveSiteConfig(input: SiteConfigInput, env: SiteEnv, startedAt: Date): SiteConfig {
  const pick = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

  const url = pick(env.SITE_URL) ?? input.url;
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    throw new Error(`Site config: url: expected an absolute URL such as https://news.example.org, got "${url}"`);
  }
  if (parsedUrl.pathname !== '/' && parsedUrl.pathname !== '') {
    throw new Error(
      `Site config: url: put the path "${parsedUrl.pathname}" in basePath (or BASE_PATH), not in the URL`,
    );
  }

  const locale = pick(env.ROTATIVE_LOCALE) ?? input.locale ?? configDefaults.locale;
  try {
    dictionaryFor(locale);
  } catch {
    throw new Error(
      `Site config: locale: expected a locale in ${uiLanguages.join(' or ')} such as fr-FR or en-GB, got "${locale}"`,
    );
  }

  const timeZone = pick(env.ROTATIVE_TIME_ZONE) ?? input.timeZone ?? configDefaults.timeZone;
  if (!isValidTimeZone(timeZone)) {
    throw new Error(`Site config: timeZone: expected an IANA time zone such as Asia/Shanghai, got "${timeZone}"`);
  }

  let now = startedAt;
  const rawNow = pick(env.ROTATIVE_NOW);
  if (rawNow) {
    const parsed = parseIsoWithOffset(rawNow);
    if (!parsed) {
      throw new Error(
        `ROTATIVE_NOW: expected an ISO 8601 date-time with offset such as 2021-05-21T09:05:00+08:00, got "${rawNow}"`,
      );
    }
    now = parsed;
  }

  const embeds = input.embeds ?? [...configDefaults.embeds];
  for (const prefix of embeds) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(prefix);
    } catch {
      parsed = undefined;
    }
    // A prefix that stops inside a host name (`https://www.youtube.com`) would also allow `https://www.youtube.com.evil.example/`.
    if (!parsed || parsed.protocol !== 'https:' || !prefix.endsWith('/') || parsed.href !== prefix) {
      throw new Error(
        `Site config: embeds: expected https address prefixes ending with /, such as https://www.youtube-nocookie.com/embed/, got "${prefix}"`,
      );
    }
  }

  const share = input.share ?? [...configDefaults.share];
  for (const target of share) {
    if (!shareTargets.includes(target)) {
      throw new Error(
        `Site config: share: unknown target "${String(target)}", expected some of ${shareTargets.join(', ')}`,
      );
    }
  }

  const hostsFromEnv = listSetting(pick(env.ROTATIVE_REMOTE_IMAGE_HOSTS));

  return {
    name: input.name,
    url: parsedUrl.origin,
    basePath: normaliseBasePath(pick(env.BASE_PATH) ?? input.basePath ?? configDefaults.basePath),
    locale,
    timeZone,
    pageSize: positiveInteger(input.pageSize ?? configDefaults.pageSize, 'pageSize'),
    homeSectionSize: positiveInteger(input.homeSectionSize ?? configDefaults.homeSectionSize, 'homeSectionSize'),
    featuredWindow: positiveInteger(input.featuredWindow ?? configDefaults.featuredWindow, 'featuredWindow'),
    homeSecondaryCount: secondaryCount(input.homeSecondaryCount ?? configDefaults.homeSecondaryCount),
    homeLatestSize: positiveInteger(input.homeLatestSize ?? configDefaults.homeLatestSize, 'homeLatestSize'),
    remoteImageHosts: hostsFromEnv
      ? remoteImageHosts(hostsFromEnv, 'ROTATIVE_REMOTE_IMAGE_HOSTS')
      : remoteImageHosts(input.remoteImageHosts ?? configDefaults.remoteImageHosts, 'Site config: remoteImageHosts'),
    sourceUrls: sourceUrls(input.sourceUrls ?? configDefaults.sourceUrls),
    picksSize: positiveInteger(input.picksSize ?? configDefaults.picksSize, 'picksSize'),
    share,
    contentDir: pick(env.ROTATIVE_CONTENT_DIR) ?? input.contentDir ?? configDefaults.contentDir,
    description: input.description ?? configDefaults.description,
    logo: input.logo ?? configDefaults.logo,
    defaultImage: input.defaultImage ?? configDefaults.defaultImage,
    feedSize: positiveInteger(input.feedSize ?? configDefaults.feedSize, 'feedSize'),
    feedFullText:
      booleanSetting(pick(env.ROTATIVE_FEED_FULL_TEXT), 'ROTATIVE_FEED_FULL_TEXT') ??
      input.feedFullText ??
      configDefaults.feedFullText,
    newsPublicationName: input.newsPublicationName ?? input.name,
    embeds,
    searchBundleSize: positiveInteger(
      integerSetting(pick(env.ROTATIVE_SEARCH_BUNDLE_SIZE), 'ROTATIVE_SEARCH_BUNDLE_SIZE') ??
        input.searchBundleSize ??
        configDefaults.searchBundleSize,
      'searchBundleSize',
    ),
    now,
  };
}
