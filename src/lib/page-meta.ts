/**
 * What article and home pages tell machines about themselves (Open Graph,
 * JSON-LD), assembled from the article, its section and the settings.
 */
import type { Article, Section } from './articles.ts';
import type { SiteConfig } from './config.ts';
import { isoInZone } from './dates.ts';
import {
  breadcrumbLd,
  collectionPageLd,
  type LdImage,
  newsArticleLd,
  organizationLd,
  type PublisherInfo,
  webSiteLd,
} from './structured-data.ts';
import { slugify } from './slug.ts';
import { absoluteUrl, listingPath, sectionPath } from './urls.ts';

type Settings = Pick<
  SiteConfig,
  'name' | 'url' | 'basePath' | 'locale' | 'timeZone' | 'logo' | 'description' | 'sourceUrls'
>;

function publisherInfo(site: Settings): PublisherInfo {
  const absolute = (path: string) => absoluteUrl(site.url, site.basePath, path);
  return {
    name: site.name,
    url: absolute('/'),
    logo: absolute(site.logo),
    description: site.description,
    locale: site.locale,
  };
}

/**
 * Open Graph and JSON-LD of an article page. `image` is its social card (the
 * article's image at 1200 px wide, else the site's default), `editorsPath` the
 * locale's segment of editors' pages.
 */
export function articlePageMeta(
  article: Article,
  section: Section,
  site: Settings,
  options: { home: string; image: LdImage; editorsPath: string },
) {
  const absolute = (path: string) => absoluteUrl(site.url, site.basePath, path);
  const iso = (date: Date) => isoInZone(date, site.timeZone);
  const { data } = article;
  return {
    article: {
      published: iso(data.date),
      modified: iso(data.updated ?? data.date),
      section: section.name,
      tags: data.tags,
    },
    jsonLd: [
      newsArticleLd({
        article,
        section,
        url: absolute(article.path),
        image: options.image,
        sourceUrl: site.sourceUrls[data.source],
        editorUrls: data.editors.map((name) => absolute(listingPath(options.editorsPath, slugify(name)))),
        iso,
        publisher: publisherInfo(site),
      }),
      // The same two steps as the visible breadcrumb.
      breadcrumbLd([
        { name: options.home, url: absolute('/') },
        { name: section.name, url: absolute(sectionPath(section.slug)) },
      ]),
    ],
  };
}

/** JSON-LD of a page listing articles (section, tag or editor), and its breadcrumb. */
export function listPageJsonLd(
  page: { name: string; description: string; path: string; articles: readonly Article[]; firstPosition: number },
  crumbs: readonly { name: string; path: string }[],
  site: Settings,
): object[] {
  const absolute = (path: string) => absoluteUrl(site.url, site.basePath, path);
  return [
    collectionPageLd({
      name: page.name,
      description: page.description,
      url: absolute(page.path),
      locale: site.locale,
      siteUrl: absolute('/'),
      items: page.articles.map((a) => ({ url: absolute(a.path), name: a.data.title })),
      firstPosition: page.firstPosition,
    }),
    breadcrumbLd(crumbs.map((crumb) => ({ name: crumb.name, url: absolute(crumb.path) }))),
  ];
}

export function homePageJsonLd(site: Settings): object[] {
  const info = publisherInfo(site);
  return [
    webSiteLd(info, `${absoluteUrl(site.url, site.basePath, '/recherche/')}?q={search_term_string}`),
    organizationLd(info),
  ];
}
