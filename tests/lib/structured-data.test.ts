import { describe, expect, it } from 'vitest';
import {
  breadcrumbLd,
  collectionPageLd,
  jsonLdScript,
  newsArticleLd,
  organizationLd,
  webSiteLd,
} from '#src/lib/structured-data.ts';
import { index, record, sections } from './reach-fixtures.ts';

const publisher = {
  name: 'Rotative',
  url: 'https://news.example.org/',
  logo: 'https://news.example.org/logo.png',
  description: 'Tout.',
  locale: 'fr-FR',
};
const site = index([
  record('a', '2021-05-21T00:19:00Z', {
    editors: ['Ying Xie', 'Yishuang Liu'],
    source: 'Xinhua',
    tags: ['arctique'],
    summary: 'Résumé.',
  }),
]);
const article = site.articles[0]!;

describe('newsArticleLd', () => {
  const ld = newsArticleLd({
    article,
    section: sections[0]!,
    url: 'https://news.example.org/a/',
    iso: (d) => d.toISOString(),
    publisher,
    image: { url: 'https://news.example.org/i.jpg', width: 1200, height: 675 },
    sourceUrl: 'https://xinhua.example/',
    editorUrls: ['https://news.example.org/redacteurs/ying-xie/', 'https://news.example.org/redacteurs/yishuang-liu/'],
  });

  it('describes the article with the fields Google reads', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Titre a',
      datePublished: '2021-05-21T00:19:00.000Z',
      dateModified: '2021-05-21T00:19:00.000Z',
      author: { '@type': 'Organization', name: 'Xinhua', url: 'https://xinhua.example/' },
      editor: [
        { '@type': 'Person', name: 'Ying Xie', url: 'https://news.example.org/redacteurs/ying-xie/' },
        { '@type': 'Person', name: 'Yishuang Liu', url: 'https://news.example.org/redacteurs/yishuang-liu/' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Rotative',
        logo: { '@type': 'ImageObject', url: 'https://news.example.org/logo.png' },
      },
      articleSection: 'International',
      inLanguage: 'fr-FR',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/a/' },
      image: [{ '@type': 'ImageObject', url: 'https://news.example.org/i.jpg', width: '1200', height: '675' }],
      description: 'Résumé.',
      keywords: 'arctique',
    });
  });

  it('gives the source Organization no url when none is configured', () => {
    const { sourceUrl: _, ...input } = {
      article,
      section: sections[0]!,
      url: 'u',
      iso: String,
      publisher,
      image: { url: 'https://news.example.org/default.png', width: 1200, height: 630 },
      editorUrls: [],
      sourceUrl: undefined,
    };
    const bare = newsArticleLd(input);
    expect(bare.author).toEqual({ '@type': 'Organization', name: 'Xinhua' });
    expect(bare.editor).toEqual([
      { '@type': 'Person', name: 'Ying Xie' },
      { '@type': 'Person', name: 'Yishuang Liu' },
    ]);
  });
});

describe('collectionPageLd', () => {
  it('lists the page’s articles as an ItemList, numbered from the page’s first position', () => {
    const ld = collectionPageLd({
      name: 'International, page 2',
      description: 'Le monde.',
      url: 'https://x/international/2/',
      locale: 'fr-FR',
      siteUrl: 'https://x/',
      items: [
        { url: 'https://x/a/', name: 'A' },
        { url: 'https://x/b/', name: 'B' },
      ],
      firstPosition: 21,
    });
    expect(ld).toMatchObject({
      '@type': 'CollectionPage',
      isPartOf: { '@id': 'https://x/#website' },
      mainEntity: {
        '@type': 'ItemList',
        numberOfItems: 2,
        itemListElement: [
          { '@type': 'ListItem', position: 21, url: 'https://x/a/', name: 'A' },
          { '@type': 'ListItem', position: 22, url: 'https://x/b/', name: 'B' },
        ],
      },
    });
  });
});

describe('breadcrumbLd', () => {
  it('numbers the steps from 1', () => {
    expect(
      breadcrumbLd([
        { name: 'Accueil', url: 'https://x/' },
        { name: 'International', url: 'https://x/international/' },
      ]).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: 'https://x/' },
      { '@type': 'ListItem', position: 2, name: 'International', item: 'https://x/international/' },
    ]);
  });
});

describe('webSiteLd and organizationLd', () => {
  it('describe the site and its publisher, linked by @id', () => {
    const web = webSiteLd(publisher, 'https://news.example.org/recherche/?q={search_term_string}');
    const org = organizationLd(publisher);
    expect(web).toMatchObject({
      '@type': 'WebSite',
      name: 'Rotative',
      inLanguage: 'fr-FR',
      publisher: { '@id': org['@id' as keyof typeof org] },
    });
    expect(org).toMatchObject({ '@type': 'NewsMediaOrganization', url: 'https://news.example.org/' });
  });
});

describe('jsonLdScript', () => {
  it('cannot close its script element early', () => {
    const text = jsonLdScript({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
