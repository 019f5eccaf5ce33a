import { describe, expect, it } from 'vitest';
import {
  type ArticleRecord,
  buildSiteIndex,
  crossFileProblems,
  editorsPicks,
  frontPage,
  publishedArticles,
  type Section,
  sectionNeighbours,
} from '#src/lib/articles.ts';
import { ContentError } from '#src/lib/problems.ts';

const sections: Section[] = [
  { slug: 'economie', name: 'Économie', description: 'x', order: 20 },
  { slug: 'international', name: 'International', description: 'x', order: 10 },
];

let n = 0;
type RecordFields = Omit<Partial<ArticleRecord['data']>, 'date'> & { id?: string; date: string };

function record(fields: RecordFields): ArticleRecord {
  const id = fields.id ?? `a${++n}`;
  const { id: _, date, updated, ...rest } = fields;
  return {
    id,
    slug: id.split('/').pop()!,
    filePath: `content/articles/${id}.md`,
    data: {
      title: id,
      source: 'Agence Fictive',
      editors: ['Alix'],
      section: 'international',
      tags: [],
      featured: false,
      draft: false,
      related: [],
      ...rest,
      date: new Date(date),
      ...(updated ? { updated } : {}),
    },
  };
}

const now = new Date('2021-06-01T00:00:00Z');

describe('publishedArticles', () => {
  const all = [
    record({ id: 'old', date: '2021-01-01T00:00:00Z' }),
    record({ id: 'draft', date: '2021-02-01T00:00:00Z', draft: true }),
    record({ id: 'embargoed', date: '2021-06-01T00:00:01Z' }),
    record({ id: 'on-the-dot', date: '2021-06-01T00:00:00Z' }),
    record({ id: 'b-tie', date: '2021-03-01T00:00:00Z' }),
    record({ id: 'a-tie', date: '2021-03-01T00:00:00Z' }),
  ];

  it('leaves out drafts and embargoed articles, and sorts newest first with a stable tie-break', () => {
    expect(publishedArticles(all, now).map((a) => a.id)).toEqual(['on-the-dot', 'a-tie', 'b-tie', 'old']);
  });

  it('publishes an embargoed article once the clock passes its date', () => {
    expect(publishedArticles(all, new Date('2021-06-02T00:00:00Z')).map((a) => a.id)).toContain('embargoed');
  });

  it('does not depend on input order', () => {
    expect(publishedArticles([...all].reverse(), now)).toEqual(publishedArticles(all, now));
  });
});

describe('buildSiteIndex', () => {
  const all = [
    record({ id: 'i1', date: '2021-05-01T00:00:00Z', updated: new Date('2021-05-20T00:00:00Z') }),
    record({ id: 'i2', date: '2021-05-02T00:00:00Z' }),
    record({ id: 'e1', date: '2021-05-03T00:00:00Z', section: 'economie' }),
    record({ id: 'late', date: '2021-05-25T00:00:00Z', draft: true }),
  ];
  const index = buildSiteIndex(all, sections, { now, timeZone: 'Asia/Shanghai' });

  it('orders sections by their order field', () => {
    expect(index.sections.map((s) => s.slug)).toEqual(['international', 'economie']);
  });

  it('takes "last updated" from the newest updated ?? date of published articles, not the clock', () => {
    expect(index.updated?.toISOString()).toBe('2021-05-20T00:00:00.000Z');
    expect(index.sectionUpdated.get('economie')?.toISOString()).toBe('2021-05-03T00:00:00.000Z');
  });

  it('spans the archive’s years in the site’s zone, from the oldest publication to the newest change', () => {
    const span = buildSiteIndex(
      [
        record({ id: 'y1', date: '2019-12-31T17:00:00Z' }), // 1 January 2020 in Beijing
        record({ id: 'y2', date: '2021-03-01T00:00:00Z', updated: new Date('2021-05-31T23:00:00Z') }),
      ],
      sections,
      { now, timeZone: 'Asia/Shanghai' },
    );
    expect(span.years).toEqual({ first: '2020', last: '2021' });
    expect(buildSiteIndex([], sections, { now, timeZone: 'UTC' }).years).toBeUndefined();
  });

  it('gives every article its dated path', () => {
    expect(index.byId.get('i1')?.path).toBe('/international/2021/05/01/i1/');
  });

  it('gives an empty list to a section with nothing published', () => {
    const empty = buildSiteIndex([], sections, { now, timeZone: 'UTC' });
    expect(empty.bySection.get('economie')).toEqual([]);
    expect(empty.updated).toBeUndefined();
  });

  it('refuses two published articles at one URL, naming both files', () => {
    const twins = [
      record({ id: '2021/x', date: '2021-05-01T01:00:00Z' }),
      record({ id: '2022/x', date: '2021-05-01T02:00:00Z' }),
    ];
    expect(() => buildSiteIndex(twins, sections, { now, timeZone: 'UTC' })).toThrow(ContentError);
    expect(() => buildSiteIndex(twins, sections, { now, timeZone: 'UTC' })).toThrow(
      /2022\/x\.md: same URL \/international\/2021\/05\/01\/x\/ as content\/articles\/2021\/x\.md/,
    );
  });
});

describe('editorsPicks', () => {
  const list = Array.from({ length: 8 }, (_, i) => record({ id: `s${i}`, date: `2021-05-0${i + 1}T00:00:00Z` }));
  const picked = record({ id: 'picked', date: '2021-04-01T00:00:00Z', related: ['s2', 'hidden', 'missing', 's5'] });
  const hidden = record({ id: 'hidden', date: '2021-04-02T00:00:00Z', draft: true });
  const index = buildSiteIndex([...list, picked, hidden], sections, { now, timeZone: 'UTC' });

  it('uses the editors’ related picks in their order, skipping unpublished ones', () => {
    expect(editorsPicks(picked, index, 5).map((a) => a.id)).toEqual(['s2', 's5']);
  });

  it('falls back to the articles published just before it in its section, nearest first, at most `count`', () => {
    expect(editorsPicks(list[7]!, index, 5).map((a) => a.id)).toEqual(['s6', 's5', 's4', 's3', 's2']);
    expect(editorsPicks(list[5]!, index, 3).map((a) => a.id)).toEqual(['s4', 's3', 's2']);
  });

  it('tops up the first articles of a section with the nearest newer ones', () => {
    // `picked` (1 April) is the section's oldest.
    expect(editorsPicks(list[1]!, index, 3).map((a) => a.id)).toEqual(['s0', 'picked', 's2']);
    expect(editorsPicks(list[0]!, index, 3).map((a) => a.id)).toEqual(['picked', 's1', 's2']);
  });

  it('gives an article the same picks after a newer one is published in its section', () => {
    const later = record({ id: 'later', date: '2021-05-20T00:00:00Z' });
    const grown = buildSiteIndex([...list, picked, hidden, later], sections, { now, timeZone: 'UTC' });
    for (const article of list.slice(3))
      expect(editorsPicks(article, grown, 3).map((a) => a.id)).toEqual(
        editorsPicks(article, index, 3).map((a) => a.id),
      );
  });

  it('gives unpublished articles no picks', () => {
    expect(editorsPicks(hidden, index, 3)).toEqual([]);
  });
});

describe('sectionNeighbours', () => {
  const list = [
    record({ id: 'n1', date: '2021-05-01T00:00:00Z' }),
    record({ id: 'n2', date: '2021-05-02T00:00:00Z' }),
    record({ id: 'n3', date: '2021-05-03T00:00:00Z' }),
    record({ id: 'x', date: '2021-05-02T12:00:00Z', section: 'economie' }),
  ];
  const index = buildSiteIndex(list, sections, { now, timeZone: 'UTC' });

  it('links the older article as previous and the newer as next, within the section', () => {
    const { previous, next } = sectionNeighbours(list[1]!, index);
    expect(previous?.id).toBe('n1');
    expect(next?.id).toBe('n3');
  });

  it('has no previous for the oldest and no next for the newest', () => {
    expect(sectionNeighbours(list[0]!, index).previous).toBeUndefined();
    expect(sectionNeighbours(list[2]!, index).next).toBeUndefined();
  });
});

describe('frontPage', () => {
  const settings = { featuredWindow: 3, homeSecondaryCount: 2, homeLatestSize: 3, homeSectionSize: 2 };
  const image = { kind: 'url' as const, src: '/i.jpg', alt: 'x', width: 10, height: 10 };
  const withImage = (r: ArticleRecord) => ({ ...r, image });
  const list = [
    record({ id: 'f1', date: '2021-05-01T00:00:00Z' }),
    withImage(record({ id: 'f2', date: '2021-05-02T00:00:00Z', section: 'economie' })),
    record({ id: 'f3', date: '2021-05-03T00:00:00Z' }),
    record({ id: 'f4', date: '2021-05-04T00:00:00Z', section: 'economie' }),
    withImage(record({ id: 'f5', date: '2021-05-05T00:00:00Z' })),
  ];
  const build = (records: ArticleRecord[]) => buildSiteIndex(records, sections, { now, timeZone: 'UTC' });

  it('leads with the newest article, then the next stories, and leaves them out of the blocks', () => {
    const page = frontPage(build(list), settings);
    expect(page.lead?.id).toBe('f5');
    // The newest three are f5 (the lead), f4 and f3: neither has an image, so both are taken.
    expect(page.secondary.map((a) => a.id)).toEqual(['f4', 'f3']);
    expect(page.latest.map((a) => a.id)).toEqual(['f5', 'f4', 'f3']);
    expect(page.blocks.map((b) => [b.section.slug, b.articles.map((a) => a.id)])).toEqual([
      ['international', ['f1']],
      ['economie', ['f2']],
    ]);
  });

  it('takes stories with an image first among the newest featuredWindow', () => {
    const page = frontPage(build(list), { ...settings, featuredWindow: 5 });
    expect(page.secondary.map((a) => a.id)).toEqual(['f4', 'f2']);
  });

  it('leads with a featured article while it is among the newest featuredWindow, and not after', () => {
    const featured = [...list, record({ id: 'f0', date: '2021-05-03T12:00:00Z', featured: true })];
    expect(frontPage(build(featured), settings).lead?.id).toBe('f0');
    const later = [
      ...featured,
      record({ id: 'f6', date: '2021-05-06T00:00:00Z' }),
      record({ id: 'f7', date: '2021-05-07T00:00:00Z' }),
    ];
    expect(frontPage(build(later), settings).lead?.id).toBe('f7');
  });

  it('leaves out sections with nothing left to show', () => {
    expect(frontPage(build(list.slice(3)), settings).blocks).toEqual([]);
  });
});

describe('tags and editors', () => {
  const index = buildSiteIndex(
    [
      record({ id: 't1', date: '2021-05-01T00:00:00Z', tags: ['Arctique', 'pêche'], editors: ['Élise Marchetti'] }),
      record({ id: 't2', date: '2021-05-02T00:00:00Z', tags: ['arctique'], editors: ['Elise Marchetti', 'Bo'] }),
    ],
    sections,
    { now, timeZone: 'UTC' },
  );

  it('group articles by the slug of each tag, newest first, named as the newest article writes it', () => {
    expect([...index.tags.keys()]).toEqual(['arctique', 'peche']);
    expect(index.tags.get('arctique')).toMatchObject({ kind: 'tag', name: 'arctique' });
    expect(index.tags.get('arctique')!.articles.map((a) => a.id)).toEqual(['t2', 't1']);
  });

  it('group articles by editor the same way', () => {
    expect([...index.editors.keys()]).toEqual(['bo', 'elise-marchetti']);
    expect(index.editors.get('elise-marchetti')!.articles.map((a) => a.id)).toEqual(['t2', 't1']);
  });
});

describe('descriptions', () => {
  it('are the summary, else the body’s excerpt, else the headline', () => {
    const described = buildSiteIndex(
      [
        record({ id: 'd1', date: '2021-05-01T00:00:00Z', summary: 'Chapeau.' }),
        { ...record({ id: 'd2', date: '2021-05-01T00:00:00Z' }), excerpt: 'Première phrase.' },
        record({ id: 'd3', date: '2021-05-01T00:00:00Z' }),
      ],
      sections,
      { now, timeZone: 'UTC' },
    );
    expect(described.articles.map((a) => a.description)).toEqual(['Chapeau.', 'Première phrase.', 'd3']);
  });
});

describe('crossFileProblems', () => {
  it('names related ids that match no article', () => {
    const problems = crossFileProblems([record({ id: 'r', date: '2021-05-01T00:00:00Z', related: ['nope'] })], 'UTC');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/articles/r.md',
        field: 'related',
        message: expect.stringContaining('"nope"'),
      }),
    ]);
  });
});
