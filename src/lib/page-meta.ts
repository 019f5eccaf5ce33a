/**
 * What article and home pages tell machines about themselves (Open Graph,
 * JSON-LD), assembled from the article, its section and the settings.
 */
import type { Article, Section } from './articles.ts';
import type { SiteConfig } from './config.ts';
import { isoInZone } from './dates.ts';
import { breadcrumbLd, newsArticleLd, organizationLd, type PublisherInfo, webSiteLd } from './structured-data.ts';
import { absoluteUrl, sectionPath } from './urls.ts';

type Settings = Pick<SiteConfig, 'name' | 'url' | 'basePath' | 'locale' | 'timeZone' | 'logo' | 'description'>;

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

/** An article image's absolute URL: https URLs as they are, paths under the base path. */
export function imageUrl(src: string, site: Pick<SiteConfig, 'url' | 'basePath'>): string {
  return /^https?:\/\//.test(src) ? src : absoluteUrl(site.url, site.basePath, src);
}

export function articlePageMeta(article: Article, section: Section, site: Settings, labels: { home: string }) {
  const absolute = (path: string) => absoluteUrl(site.url, site.basePath, path);
  const iso = (date: Date) => isoInZone(date, site.timeZone);
  const { data } = article;
  const image = data.image ? { url: imageUrl(data.image.src, site), alt: data.image.alt } : undefined;
  return {
    image,
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
        image: image?.url,
        iso,
        publisher: publisherInfo(site),
      }),
      // The same two steps as the visible breadcrumb.
      breadcrumbLd([
        { name: labels.home, url: absolute('/') },
        { name: section.name, url: absolute(sectionPath(section.slug)) },
      ]),
    ],
  };
}

export function homePageJsonLd(site: Settings): object[] {
  const info = publisherInfo(site);
  return [
    webSiteLd(info, `${absoluteUrl(site.url, site.basePath, '/recherche/')}?q={search_term_string}`),
    organizationLd(info),
  ];
}
