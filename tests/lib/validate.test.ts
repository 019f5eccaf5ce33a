import { describe, expect, it } from 'vitest';
import { formatProblem } from '#src/lib/problems.ts';
import { makeArticleSchema } from '#src/lib/schema.ts';
import { didYouMean, idAndSlug, validateArticle, validateSections } from '#src/lib/validate.ts';

const schema = makeArticleSchema(['international', 'economie', 'culture']);
const file = 'content/articles/2021/05/x.md';

const valid = {
  title: 'Un titre',
  date: '2021-05-21T08:19:00+08:00',
  section: 'international',
  source: 'Xinhua',
  editors: '[Ying Xie, Yishuang Liu]',
};

/** An article file with the valid fields, some replaced or removed (value `undefined`). */
function articleText(overrides: Record<string, string | undefined> = {}, body = 'Corps.\n'): string {
  const fields = { ...valid, ...overrides };
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

function messages(text: string): string[] {
  return validateArticle(text, file, '2021/05/x.md', schema).problems.map(formatProblem);
}

describe('validateArticle', () => {
  it('accepts the model article’s frontmatter and fills defaults', () => {
    const result = validateArticle(articleText({ updated: '2021-05-21T09:05:00+08:00' }), file, '2021/05/x.md', schema);
    expect(result.problems).toEqual([]);
    expect(result.record).toMatchObject({ id: '2021/05/x', slug: 'x', filePath: file });
    expect(result.record?.data).toMatchObject({
      draft: false,
      tags: [],
      related: [],
      editors: ['Ying Xie', 'Yishuang Liu'],
    });
    expect(result.record?.data.date.toISOString()).toBe('2021-05-21T00:19:00.000Z');
    expect(result.body).toBe('\nCorps.\n');
  });

  it.each<[string, Record<string, string | undefined>, RegExp]>([
    [
      'a date without offset',
      { date: '2021-05-21T08:19:00' },
      /x\.md:3: date: expected an ISO 8601 date with offset.*got "2021-05-21T08:19:00"/,
    ],
    [
      'a French-style date',
      { date: '21.05.2021 08h19' },
      /x\.md:3: date: expected an ISO 8601 date with offset.*got "21\.05\.2021 08h19"/,
    ],
    [
      'a missing date',
      { date: undefined },
      /x\.md: date: required field is missing: expected an ISO 8601 date with offset/,
    ],
    ['a missing title', { title: undefined }, /x\.md: title: required field is missing: expected a headline/],
    ['an empty title', { title: "''" }, /x\.md:2: title: expected a headline, got an empty text/],
    [
      'an unknown section',
      { section: 'sports' },
      /x\.md:4: section: unknown section "sports", expected one of: culture, economie, international/,
    ],
    ['a missing source', { source: undefined }, /x\.md: source: required field is missing/],
    ['no editors', { editors: '[]' }, /x\.md:6: editors: expected at least one editor name/],
    [
      'editors as one text',
      { editors: 'Ying Xie' },
      /x\.md:6: editors: expected a list of editor names, got "Ying Xie"/,
    ],
    [
      'updated before date',
      { updated: '2021-05-21T08:00:00+08:00' },
      /x\.md:7: updated: expected a date not earlier than date/,
    ],
    ['draft as text', { draft: 'maybe' }, /x\.md:7: draft: expected true or false, got "maybe"/],
    ['an image without alt', { image: '{ src: /images/a.jpg }' }, /x\.md:7: image\.alt: required field is missing/],
  ])('names the file, line and field for %s', (_, overrides, expected) => {
    expect(messages(articleText(overrides)).join('\n')).toMatch(expected);
  });

  it('reports several problems of one file at once', () => {
    expect(messages(articleText({ date: 'hier', section: 'sports', source: undefined }))).toHaveLength(3);
  });

  it('reports broken YAML with its line', () => {
    const result = messages('---\ntitle: "unclosed\ndate: 2021-05-21T08:19:00+08:00\n---\n');
    expect(result[0]).toMatch(/^content\/articles\/2021\/05\/x\.md:\d+: invalid YAML at column \d+/);
  });

  it('refuses a file without frontmatter', () => {
    expect(messages('Juste du texte.\n')).toEqual([
      `${file}:1: expected a frontmatter block between --- lines at the top of the file`,
    ]);
  });
});

describe('idAndSlug', () => {
  it('keeps the path as id and makes an ASCII slug of the file name', () => {
    expect(idAndSlug('2021/05/Coopération Arctique.md')).toEqual({
      id: '2021/05/Coopération Arctique',
      slug: 'cooperation-arctique',
    });
  });
});

describe('validateSections', () => {
  it('reads sections keyed by slug', () => {
    const { sections, problems } = validateSections(
      'international:\n  name: International\n  description: Le monde.\n  order: 10\n',
      'content/sections.yaml',
    );
    expect(problems).toEqual([]);
    expect(sections).toEqual([{ slug: 'international', name: 'International', description: 'Le monde.', order: 10 }]);
  });

  it('names the section and field of a problem', () => {
    const { problems } = validateSections(
      'international:\n  name: International\n  order: dix\n',
      'content/sections.yaml',
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/sections.yaml:1: international.description: required field is missing: expected a one-sentence description',
      'content/sections.yaml:1: international.order: expected a number, got "dix"',
    ]);
  });

  it('refuses a slug that is not lower-case ASCII', () => {
    const { problems } = validateSections(
      'Économie:\n  name: Économie\n  description: x\n  order: 1\n',
      'content/sections.yaml',
    );
    expect(formatProblem(problems[0]!)).toMatch(/Économie: expected a lower-case ASCII slug/);
  });
});

describe('validateArticle warnings', () => {
  it.each<[string, string, string[]]>([
    [
      'a near miss of a known key',
      articleText({ editor: '[Ying Xie]' }),
      [`${file}:7: warning: editor: unknown field, ignored: did you mean editors?`],
    ],
    [
      'a plural for a singular',
      articleText({ sections: 'international' }),
      [`${file}:7: warning: sections: unknown field, ignored: did you mean section?`],
    ],
    [
      'a capital letter',
      articleText({ Tags: '[a]' }),
      [`${file}:7: warning: Tags: unknown field, ignored: did you mean tags?`],
    ],
    [
      'a key like no other',
      articleText({ auteur: 'X' }),
      [
        `${file}:7: warning: auteur: unknown field, ignored (known fields: title, summary, date, updated, section, source, editors, tags, draft, related, image)`,
      ],
    ],
    [
      'an empty body',
      articleText({}, '\n  \n'),
      [`${file}: warning: empty body: write the article below the frontmatter`],
    ],
    [
      'a title over 110 characters',
      articleText({ title: `'${'é'.repeat(111)}'` }),
      [`${file}:2: warning: title: 111 characters, over 110: lists, feeds and search results will cut it`],
    ],
    ['a title of 110 characters', articleText({ title: `'${'é'.repeat(110)}'` }), []],
  ])('warns about %s, and keeps the article', (_, text, expected) => {
    const result = validateArticle(text, file, '2021/05/x.md', schema);
    expect(result.problems.map(formatProblem)).toEqual(expected);
    expect(result.record).toBeDefined();
  });
});

describe('didYouMean', () => {
  it.each([
    ['editor', 'editors'],
    ['sections', 'section'],
    ['Title', 'title'],
    ['sumary', 'summary'],
    ['auteur', undefined],
    ['img', undefined],
  ])('%j → %j', (word, guess) => {
    expect(
      didYouMean(word, [
        'title',
        'summary',
        'date',
        'updated',
        'section',
        'source',
        'editors',
        'tags',
        'draft',
        'related',
        'image',
      ]),
    ).toBe(guess);
  });
});
