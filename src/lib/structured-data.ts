/**
 * schema.org JSON-LD for search engines, typed with schema-dts so the shapes
 * are checked at compile time: `NewsArticle` and `BreadcrumbList` on articles,
 * `WebSite` and `NewsMediaOrganization` on the homepage.
 *
 * @see https://developers.google.com/search/docs/appearance/structured-data/article
 */
import type {
  BreadcrumbList,
  CollectionPage,
  ImageObject,
  NewsArticle,
  NewsMediaOrganizationLeaf,
  SearchActionLeaf,
  WebSite,
  WithContext,
} from 'schema-dts';
import type { Article, Section } from './articles.ts';

export interface PublisherInfo {
  name: string;
  /** Absolute URL of the homepage. */
  url: string;
  /** Absolute URL of the logo. */
  logo: string;
  description: string;
  locale: string;
}

/** The publisher as embedded in other items (no @context). */
function publisher(info: PublisherInfo): NewsMediaOrganizationLeaf {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${info.url}#organization`,
    name: info.name,
    url: info.url,
    logo: { '@type': 'ImageObject', url: info.logo },
  };
}

/** An image with its size: Google asks for width and height, and at least 1200 px wide for large cards. */
export interface LdImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
}

export function imageObjectLd(image: LdImage): ImageObject {
  return { '@type': 'ImageObject', url: image.url, width: String(image.width), height: String(image.height) };
}

export interface ArticleLdInput {
  article: Article;
  section: Section;
  /** Absolute URL of the article page. */
  url: string;
  /** The article's image at 1200 px wide, else the site's default image. */
  image: LdImage;
  /** The source's own site (`sourceUrls`), when known. */
  sourceUrl?: string | undefined;
  /** Absolute URL of each editor's page, in the order of `editors`. */
  editorUrls: readonly string[];
  /** `<time datetime>`-style ISO string with the site zone's offset. */
  iso(date: Date): string;
  publisher: PublisherInfo;
}

export function newsArticleLd(input: ArticleLdInput): WithContext<NewsArticle> {
  const { article, section, url } = input;
  const { data } = article;
  const ld: WithContext<NewsArticle> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: input.iso(data.date),
    dateModified: input.iso(data.updated ?? data.date),
    // The wire agency wrote the copy; the newsroom's editors handled it.
    author: { '@type': 'Organization', name: data.source, ...(input.sourceUrl ? { url: input.sourceUrl } : {}) },
    editor: data.editors.map((name, i) => ({
      '@type': 'Person' as const,
      name,
      ...(input.editorUrls[i] ? { url: input.editorUrls[i] } : {}),
    })),
    publisher: publisher(input.publisher),
    articleSection: section.name,
    inLanguage: input.publisher.locale,
    isAccessibleForFree: true,
  };
  ld.description = article.description;
  if (data.tags.length > 0) ld.keywords = data.tags.join(', ');
  ld.image = [imageObjectLd(input.image)];
  return ld;
}

/**
 * A list page (section, tag, editor): a `CollectionPage` whose main entity is
 * the `ItemList` of the articles on it, in the order shown.
 */
export function collectionPageLd(page: {
  name: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  locale: string;
  /** Absolute URL of the homepage, whose WebSite this page is part of. */
  siteUrl: string;
  /** The articles listed, as absolute URLs and headlines. */
  items: readonly { url: string; name: string }[];
  /** Position of the first item in the whole list (21 on page 2 of 20). */
  firstPosition: number;
}): WithContext<CollectionPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: page.url,
    inLanguage: page.locale,
    isPartOf: { '@id': `${page.siteUrl}#website` },
    mainEntity: {
      '@type': 'ItemList',
      itemListOrder: 'https://schema.org/ItemListOrderDescending',
      numberOfItems: page.items.length,
      itemListElement: page.items.map((item, i) => ({
        '@type': 'ListItem',
        position: page.firstPosition + i,
        url: item.url,
        name: item.name,
      })),
    },
  };
}

/** The breadcrumb as on the page: home, then the section. */
export function breadcrumbLd(items: { name: string; url: string }[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** The homepage's `WebSite`, with the search page as its search action. */
export function webSiteLd(info: PublisherInfo, searchUrlTemplate: string): WithContext<WebSite> {
  // `query-input` is Google's extension to SearchAction, unknown to schema-dts.
  const searchAction: SearchActionLeaf & { 'query-input': string } = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: searchUrlTemplate },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${info.url}#website`,
    name: info.name,
    url: info.url,
    description: info.description,
    inLanguage: info.locale,
    publisher: { '@id': `${info.url}#organization` },
    potentialAction: searchAction,
  };
}

export function organizationLd(info: PublisherInfo): WithContext<NewsMediaOrganizationLeaf> {
  return { '@context': 'https://schema.org', ...publisher(info), description: info.description };
}

/** Serialises JSON-LD for a `<script type="application/ld+json">`, unable to close the element early. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
