import { describe, expect, it } from 'vitest';
import { breadcrumbLd, jsonLdScript, newsArticleLd, organizationLd, webSiteLd } from '#src/lib/structured-data.ts';
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
    image: 'https://news.example.org/i.jpg',
  });

  it('describes the article with the fields Google reads', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Titre a',
      datePublished: '2021-05-21T00:19:00.000Z',
      dateModified: '2021-05-21T00:19:00.000Z',
      author: { '@type': 'Organization', name: 'Xinhua' },
      editor: [
        { '@type': 'Person', name: 'Ying Xie' },
        { '@type': 'Person', name: 'Yishuang Liu' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Rotative',
        logo: { '@type': 'ImageObject', url: 'https://news.example.org/logo.png' },
      },
      articleSection: 'International',
      inLanguage: 'fr-FR',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/a/' },
      image: ['https://news.example.org/i.jpg'],
      description: 'Résumé.',
      keywords: 'arctique',
    });
  });

  it('leaves out the image when there is none', () => {
    expect(newsArticleLd({ article, section: sections[0]!, url: 'u', iso: String, publisher })).not.toHaveProperty(
      'image',
    );
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
