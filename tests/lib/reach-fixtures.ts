/** Small hand-made articles and sections for the feed, sitemap and structured-data unit tests. */
import { type ArticleRecord, buildSiteIndex, type Section } from '#src/lib/articles.ts';

export const sections: Section[] = [
  { slug: 'international', name: 'International', description: 'Le monde.', order: 10 },
  { slug: 'culture', name: 'Culture', description: 'Les arts.', order: 20 },
];

export function record(id: string, date: string, extra: Partial<ArticleRecord['data']> = {}): ArticleRecord {
  return {
    id,
    slug: id,
    filePath: `content/articles/${id}.md`,
    data: {
      title: `Titre ${id}`,
      date: new Date(date),
      section: 'international',
      source: 'Agence Fictive',
      editors: ['Alix Ferrand'],
      tags: [],
      featured: false,
      draft: false,
      related: [],
      ...extra,
    },
  };
}

export function index(records: ArticleRecord[], now = '2021-06-01T00:00:00Z') {
  return buildSiteIndex(records, sections, { now: new Date(now), timeZone: 'Asia/Shanghai' });
}
