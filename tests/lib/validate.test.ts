import { describe, expect, it } from 'vitest';
import { formatProblem } from '#src/lib/problems.ts';
import { makeArticleSchema } from '#src/lib/schema.ts';
import { didYouMean, idAndSlug, validateArticle, validateSections } from '#src/lib/validate.ts';

const schema = makeArticleSchema(['international', 'economie', 'culture']);
const file = 'content/articles/2021/05/x.md';
/** The build's clock in these tests. */
const now = new Date('2021-06-30T12:00:00+08:00');

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
  return validateArticle(text, file, '2021/05/x.md', schema, { now }).problems.map(formatProblem);
}

describe('validateArticle', () => {
  it('accepts the model article’s frontmatter and fills defaults', () => {
    const result = validateArticle(
      articleText({ updated: '2021-05-21T09:05:00+08:00' }),
      file,
      '2021/05/x.md',
      schema,
      {
        now,
      },
    );
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
    expect(result.bodyLine).toBe(9);
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
      'updated before date, in the offset the editor wrote',
      { updated: '2021-05-20T21:00:00-03:00' },
      /x\.md:7: updated: 2021-05-20T21:00:00-03:00 is earlier than date \(2021-05-20T21:19:00-03:00\): an update comes after publication; correct either date$/,
    ],
    [
      'updated after the build’s clock',
      { updated: '2027-11-03T09:05:00+08:00' },
      /x\.md:7: updated: 2027-11-03T09:05:00\+08:00 is in the future \(the build's clock says 2021-06-30T12:00:00\+08:00\): pages and the sitemap would show it/,
    ],
    [
      'a day that does not exist',
      { date: '2021-02-30T08:19:00+08:00' },
      /x\.md:3: date: the day 30 February 2021 does not exist \(February 2021 has 28 days\), got "2021-02-30T08:19:00\+08:00"$/,
    ],
    [
      '29 February of a common year',
      { updated: '2023-02-29T08:19:00+08:00' },
      /x\.md:7: updated: the day 29 February 2023 does not exist \(February 2023 has 28 days\)/,
    ],
    ['month 13', { date: '2021-13-01T08:19:00+08:00' }, /x\.md:3: date: month 13 does not exist/],
    ['24h00', { date: '2021-05-21T24:00:00+08:00' }, /x\.md:3: date: expected a time from 00:00 to 23:59:59/],
    [
      'an unquoted title cut by a #',
      { title: 'Le #1 mondial du lithium' },
      /x\.md:2: title: YAML reads what follows " #" as a comment, so this is only "Le": put the whole value in quotes, 'Le #1 mondial du lithium'$/,
    ],
    [
      'an unquoted source cut by a #',
      { source: 'Agence #2' },
      /x\.md:5: source: YAML reads what follows " #" as a comment, so this is only "Agence"/,
    ],
    [
      'an editor cut by a #',
      { editors: '\n  - Ying Xie #rédaction\n  - B' },
      /x\.md:7: editors\.0: YAML reads what follows " #" as a comment, so this is only "Ying Xie": put the whole value in quotes, 'Ying Xie #rédaction'/,
    ],
    [
      'a title whose next line, indented under it, starts with #',
      { title: 'Le premier\n  #1 mondial du lithium' },
      /x\.md:2: title: YAML reads what follows " #" on line 3 as a comment, so this is only "Le premier": put the whole value in quotes, 'Le premier #1 mondial du lithium'$/,
    ],
    [
      'a summary cut on the second of its lines',
      { summary: 'Un chapeau\n  sur deux lignes #2 et la fin' },
      /x\.md:7: summary: YAML reads what follows " #" on line 8 as a comment, so this is only "Un chapeau sur deux lignes": put the whole value in quotes, 'Un chapeau sur deux lignes #2 et la fin'$/,
    ],
    [
      'an editor whose next line, indented under it, starts with #',
      { editors: '\n  - Ying Xie\n    #rédaction\n  - B' },
      /x\.md:7: editors\.0: YAML reads what follows " #" on line 8 as a comment, so this is only "Ying Xie": put the whole value in quotes, 'Ying Xie #rédaction'$/,
    ],
    ['draft as text', { draft: 'maybe' }, /x\.md:7: draft: expected true or false, got "maybe"/],
    ['an image without alt', { image: '{ src: /images/a.jpg }' }, /x\.md:7: image\.alt: required field is missing/],
  ])('names the file, line and field for %s', (_, overrides, expected) => {
    expect(messages(articleText(overrides)).join('\n')).toMatch(expected);
  });

  it('reports several problems of one file at once', () => {
    expect(messages(articleText({ date: 'hier', section: 'sports', source: undefined }))).toHaveLength(3);
  });

  it('reports an unclosed quote at the line of the field that opens it, with a hint', () => {
    const result = messages(
      '---\ntitle: "unclosed\ndate: 2021-05-21T08:19:00+08:00\nsection: x\nsource: y\n---\n\nCorps.\n',
    );
    expect(result).toEqual([
      `${file}:2: title: invalid YAML: Missing closing "quote (the parser stopped at line 5, column 10): close the quote (or the bracket) that this value opens`,
    ]);
  });

  it('tells an editor to double an apostrophe inside single quotes', () => {
    expect(messages(articleText({ title: "'l'Arctique'" }))[0]).toMatch(
      /x\.md:2: title: invalid YAML: .*double each apostrophe: 'l''Arctique'/,
    );
  });

  it('tells an editor to quote a value with a colon', () => {
    expect(messages(articleText({ title: 'Reykjavik: premier contact' }))[0]).toMatch(
      /x\.md:2: title: invalid YAML: .*put the value in quotes/,
    );
  });

  it('accepts a comment after a value that is not text, and a quoted #', () => {
    expect(
      messages(articleText({ title: "'Le #1 mondial'", date: '2021-05-21T08:19:00+08:00 # heure de Pékin' })),
    ).toEqual([]);
  });

  it('accepts a comment on a line of its own at a field’s level, which continues no value', () => {
    expect(
      messages(articleText({ image: "\n  src: /images/a.jpg\n  # légende à venir\n  alt: 'Un port'", draft: 'true' })),
    ).toEqual([]);
    expect(messages(articleText({ title: 'Un titre\n# note de la rédaction' }))).toEqual([]);
  });

  it('refuses an alias bomb with the line of its first alias, without expanding it', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const text = `---\n${levels.join('\n')}\ntitle: *i\n---\n\nCorps.\n`;
    expect(messages(text)).toEqual([
      `${file}:3: b: invalid YAML: its aliases (*name) expand to more than 10,000 values: write the values out instead of repeating anchors (&name)`,
    ]);
  });

  it('never runs a JavaScript frontmatter', () => {
    const text = '---js\n{ title: (globalThis.ranByFrontmatter = true, "x") }\n---\n\nCorps.\n';
    expect(messages(text)).toEqual([
      `${file}:1: expected YAML frontmatter, got "---js": remove "js" after the opening ---`,
    ]);
    expect((globalThis as Record<string, unknown>)['ranByFrontmatter']).toBeUndefined();
  });

  it('says when the frontmatter is never closed', () => {
    expect(messages('---\ntitle: x\n\nCorps.\n')).toEqual([
      `${file}:1: the frontmatter block is never closed: add a --- line after its last field`,
    ]);
  });

  it('gives the line of a NUL character', () => {
    expect(messages(articleText({}, 'Corps.\n\nAvec un \0 dedans.\n'))).toEqual([
      `${file}:11: contains a NUL character (byte 0), which pages would show as �: delete it (it often comes with text copied out of a PDF or a word processor)`,
    ]);
  });

  it('gives the line of a NUL character in the frontmatter, and no YAML error at line 1 for it', () => {
    expect(messages(articleText({ source: 'Agence\0 Fictive' }))).toEqual([
      `${file}:5: contains a NUL character (byte 0), which pages would show as �: delete it (it often comes with text copied out of a PDF or a word processor)`,
    ]);
  });

  it('refuses an empty body, unless the article is a draft', () => {
    expect(messages(articleText({}, '\n  \n'))).toEqual([
      `${file}:8: empty body: write the article below the frontmatter, or mark it draft: true until it is ready`,
    ]);
    expect(messages(articleText({ draft: 'true' }, ''))).toEqual([]);
  });

  it.each([
    ['only a comment', '<!-- à écrire -->\n'],
    ['comments and blank lines', '\n<!-- titre -->\n\n  <!-- chapeau --><!-- texte\nsur deux lignes -->\n\n'],
    ['a comment never closed', '<!-- à écrire\n\nplus tard\n'],
  ])('refuses a body of %s, which readers would see as blank, unless the article is a draft', (_, body) => {
    expect(messages(articleText({}, body))).toEqual([
      `${file}:8: empty body: nothing in it is shown to readers: write the article below the frontmatter, or mark it draft: true until it is ready`,
    ]);
    expect(messages(articleText({ draft: 'true' }, body))).toEqual([]);
  });

  it.each([
    ['text after a comment on its line', '<!-- note --> Texte.\n'],
    ['a comment in an indented code block', '    <!-- code -->\n'],
  ])('does not call a body of %s empty', (_, body) => {
    expect(messages(articleText({}, body))).toEqual([]);
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
      'content/sections.yaml:3: international.order: expected a number, got "dix"',
    ]);
  });

  it.each(['recherche', 'pagefind', '404', 'mots-cles', 'redacteurs', 'tags', 'editors'])(
    'refuses %s, a path the site uses itself',
    (slug) => {
      const { sections, problems } = validateSections(
        `international:\n  name: I\n  description: x\n  order: 1\n${slug}:\n  name: R\n  description: x\n  order: 2\n`,
        'content/sections.yaml',
      );
      expect(sections.map((s) => s.slug)).toEqual(['international']);
      expect(problems.map(formatProblem)).toEqual([
        `content/sections.yaml:5: ${slug}: reserved: the site itself uses /${slug}/, so this section's pages would replace its own (or be replaced): choose another slug`,
      ]);
    },
  );

  it.each([
    [
      'description',
      'international:\n  name: I\n  description: Le monde, #1 des rubriques\n  order: 1\n',
      ':3: international.description: YAML reads what follows " #" as a comment, so this is only "Le monde,": put the whole value in quotes, \'Le monde, #1 des rubriques\'',
    ],
    [
      'name, on the line that continues it,',
      'international:\n  name: Le monde\n    #1\n  description: x\n  order: 1\n',
      ':2: international.name: YAML reads what follows " #" on line 3 as a comment, so this is only "Le monde": put the whole value in quotes, \'Le monde #1\'',
    ],
    [
      'alias',
      'international:\n  name: I\n  description: x\n  order: 1\n  aliases:\n    - World #1\n',
      ':6: international.aliases.0: YAML reads what follows " #" as a comment, so this is only "World": put the whole value in quotes, \'World #1\'',
    ],
  ])('refuses a %s that a # cuts, with its line', (_, text, expected) => {
    const { sections, problems } = validateSections(text, 'content/sections.yaml');
    expect(problems.map(formatProblem)).toEqual([`content/sections.yaml${expected}`]);
    // Still known, so that its articles are not refused for it as well.
    expect(sections.map((s) => s.slug)).toEqual(['international']);
  });

  it('gives the line of a NUL character, and reads the sections on', () => {
    const { sections, problems } = validateSections(
      'international:\n  name: International\n  description: Le\0 monde.\n  order: 10\n',
      'content/sections.yaml',
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/sections.yaml:3: contains a NUL character (byte 0), which pages would show as �: delete it (it often comes with text copied out of a PDF or a word processor)',
    ]);
    expect(sections.map((s) => s.slug)).toEqual(['international']);
  });

  it('refuses a slug that a folder or file at the top of public/ is published at', () => {
    const yaml =
      'photos:\n  name: Photos\n  description: x\n  order: 1\nvideo:\n  name: V\n  description: x\n  order: 2\n';
    const { sections, problems } = validateSections(yaml, 'content/sections.yaml', {
      publicEntries: ['favicon.svg', 'photos/', 'video'],
    });
    expect(sections).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      "content/sections.yaml:1: photos: reserved: public/photos/ is published at /photos/, where this section's pages would go: choose another slug, or rename public/photos/",
      "content/sections.yaml:5: video: reserved: public/video is published at /video, where this section's pages would go: choose another slug, or rename public/video",
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
        `${file}:7: warning: auteur: unknown field, ignored (known fields: title, summary, date, updated, section, source, editors, tags, featured, draft, related, image)`,
      ],
    ],
    [
      'a title over 110 characters',
      articleText({ title: `'${'é'.repeat(111)}'` }),
      [`${file}:2: warning: title: 111 characters, over 110: lists, feeds and search results will cut it`],
    ],
    ['a title of 110 characters', articleText({ title: `'${'é'.repeat(110)}'` }), []],
  ])('warns about %s, and keeps the article', (_, text, expected) => {
    const result = validateArticle(text, file, '2021/05/x.md', schema, { now });
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
