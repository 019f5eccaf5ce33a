import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoInZone } from '#src/lib/dates.ts';
import { validateSections } from '#src/lib/validate.ts';
import { escapeMarkdown, parseWireCopy, sectionFromName, type WireOptions } from '#src/lib/wire-copy.ts';

const seedText = readFileSync(new URL('../fixtures/seed/lavrov-blinken.txt', import.meta.url), 'utf8');
const sections = [
  { slug: 'international', name: 'International' },
  { slug: 'economie', name: 'Économie', aliases: ['Business', 'Economy'] },
  { slug: 'world', name: 'World' },
];
const options = { timeZone: 'Asia/Shanghai', now: new Date('2027-01-01T00:00:00Z'), sections };

/** The copy's fields as text, dates in the site's zone, for readable comparisons. */
function read(text: string, extra: Partial<WireOptions> = {}) {
  const { copy, problems, notes } = parseWireCopy(text, { ...options, ...extra });
  const zone = extra.timeZone ?? options.timeZone;
  const fields = copy && {
    ...copy.fields,
    date: isoInZone(copy.fields.date, zone),
    updated: copy.fields.updated && isoInZone(copy.fields.updated, zone),
  };
  return { fields, body: copy?.body, problems, notes };
}

/** A short page in the seed's shape, one part replaced where a test says so. */
function page(
  parts: Partial<Record<'updated' | 'breadcrumb' | 'title' | 'source' | 'body' | 'editors' | 'chrome', string>> = {},
): string {
  const p = {
    updated: 'Dernière mise à jour à 09h05 le 21/05',
    breadcrumb: "Page d'accueil>>International",
    title: 'Un titre de dépêche',
    source: 'Xinhua | 21.05.2021 08h19',
    body: 'Premier paragraphe.\n\nSecond paragraphe.',
    editors: '(Rédacteurs :Ying Xie, Yishuang Liu)',
    chrome: 'Partagez cet article sur :\n  • Votre pseudo\n  •     \n\nConseils de la rédaction :',
    ...parts,
  };
  return [p.updated, p.breadcrumb, p.title, p.source, p.body, p.editors, p.chrome].join('\n\n');
}

const expected: Record<string, string | string[] | undefined> = {
  title: 'Un titre de dépêche',
  date: '2021-05-21T08:19:00+08:00',
  updated: '2021-05-21T09:05:00+08:00',
  section: 'international',
  source: 'Xinhua',
  editors: ['Ying Xie', 'Yishuang Liu'],
};

describe('parseWireCopy', () => {
  it('reads the seed page: section, headline, source, date and update in Beijing time, editors, verbatim paragraphs, no chrome', () => {
    const { fields, body, problems, notes } = read(seedText);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(fields).toEqual({
      title:
        'La Russie et les Etats-Unis recherchent la coopération dans un contexte de relations tendues avec "de sérieuses différences"',
      date: '2021-05-21T08:19:00+08:00',
      updated: '2021-05-21T09:05:00+08:00',
      section: 'international',
      source: 'Xinhua',
      editors: ['Ying Xie', 'Yishuang Liu'],
    });
    const paragraphs = body!.split('\n\n');
    expect(paragraphs).toHaveLength(9);
    expect(paragraphs[0]).toMatch(/^Le ministre russe des Affaires étrangères Sergueï Lavrov/);
    expect(paragraphs.at(-1)).toBe(
      "On s'attend à ce que les deux chefs de la diplomatie préparent le sommet et puissent en outre comparer leurs notes sur certaines questions spécifiques.",
    );
    expect(body).not.toMatch(/Partagez|pseudo|Conseils|Rédacteurs|•/);
  });

  it('reads CRLF line ends as LF', () => {
    expect(read(seedText.replace(/\n/g, '\r\n'))).toEqual(read(seedText));
  });

  it.each<[string, string, typeof expected]>([
    ['a singular “Rédacteur :”', page({ editors: '(Rédacteur : Ying Xie)' }), { editors: ['Ying Xie'] }],
    [
      'spaces around | and :',
      page({ source: 'Xinhua   |   21.05.2021   08 h 19', editors: '( Rédacteurs  :  Ying Xie ,  Yishuang Liu )' }),
      {},
    ],
    ['no spaces around |', page({ source: 'Xinhua|21.05.2021 08h19' }), {}],
    ['21/05/2021 08:19', page({ source: 'Xinhua | 21/05/2021 08:19' }), {}],
    ['an ISO date', page({ source: 'Xinhua | 2021-05-21 08:19' }), {}],
    ['NBSP inside names', page({ editors: '(Rédacteurs :Ying\u00a0Xie, Yishuang\u00a0Liu)' }), {}],
    ['editors joined by “et”', page({ editors: '(Rédacteurs : Ying Xie et Yishuang Liu)' }), {}],
    ['a section by slug, in capitals', page({ breadcrumb: "Page d'accueil>>ECONOMIE" }), { section: 'economie' }],
    ['a section by name without its accent', page({ breadcrumb: 'Accueil > Economie' }), { section: 'economie' }],
    [
      'a deeper breadcrumb',
      page({ breadcrumb: "Page d'accueil>>International>>Europe" }),
      { section: 'international' },
    ],
    ['no update line', page({ updated: '' }), { updated: undefined }],
    [
      'a headline with a | above the source line',
      page({ title: 'Chine | Les exportations bondissent' }),
      { title: 'Chine | Les exportations bondissent' },
    ],
    [
      'an English page',
      page({
        updated: 'Last updated at 09:05 on 21/05',
        breadcrumb: 'Home>>World',
        editors: '(Editors: Ying Xie, Yishuang Liu)',
        chrome: 'Share this article on:\nYour nickname',
      }),
      { section: 'world' },
    ],
  ])('reads %s', (_, text, changes) => {
    const { fields, problems } = read(text);
    expect(problems).toEqual([]);
    expect(fields).toEqual({ ...expected, ...changes });
  });

  it('takes an update stamp of early January on late-December copy as next year’s', () => {
    const { fields, notes } = read(
      page({ source: 'Xinhua | 31.12.2025 23h50', updated: 'Dernière mise à jour à 00h10 le 01/01' }),
    );
    expect(fields?.updated).toBe('2026-01-01T00:10:00+08:00');
    expect(notes).toEqual([]);
  });

  it('leaves out an update line earlier on the day of publication, a portal quirk, and says so', () => {
    const { fields, notes } = read(
      page({ source: 'Xinhua | 03.11.2026 14h02', updated: 'Dernière mise à jour à 09h05 le 03/11' }),
    );
    expect(fields?.date).toBe('2026-11-03T14:02:00+08:00');
    expect(fields?.updated).toBeUndefined();
    expect(notes).toEqual([
      {
        field: 'updated',
        message:
          '"Dernière mise à jour à 09h05 le 03/11" names 2027-11-03T09:05:00+08:00, more than 31 days after the publication (2026-11-03T14:02:00+08:00): an update line earlier than the publication is a portal quirk, not an update a year later; left out',
      },
    ]);
  });

  it('keeps an update 31 days after publication, not 32', () => {
    const at = (day: string) =>
      read(page({ source: 'Xinhua | 01.03.2021 08h00', updated: `Dernière mise à jour à 08h00 le ${day}` })).fields
        ?.updated;
    expect(at('01/04')).toBe('2021-04-01T08:00:00+08:00');
    expect(at('02/04')).toBeUndefined();
  });

  it('leaves out an update still to come by the clock, and says so', () => {
    const { fields, notes } = read(page(), { now: new Date('2021-05-21T09:00:00+08:00') });
    expect(fields?.updated).toBeUndefined();
    expect(notes[0]?.message).toBe(
      '"Dernière mise à jour à 09h05 le 21/05" names 2021-05-21T09:05:00+08:00, which is still to come (now: 2021-05-21T09:00:00+08:00); left out',
    );
  });

  it('reads the year of an update line that gives one', () => {
    expect(read(page({ updated: 'Dernière mise à jour à 09h05 le 22/05/2021' })).fields?.updated).toBe(
      '2021-05-22T09:05:00+08:00',
    );
  });

  it.each([
    ['Home>>World', 'international'],
    ['Home>>China', 'chine'],
    ['Home>>Business', 'economie'],
    ['Home>>Arts', 'culture'],
  ])('files %s under %s with the site’s own sections', (breadcrumb, slug) => {
    const own = validateSections(readFileSync(new URL('../../content/sections.yaml', import.meta.url), 'utf8'), 'x');
    expect(own.problems).toEqual([]);
    expect(read(page({ breadcrumb }), { sections: own.sections }).fields?.section).toBe(slug);
  });

  it('maps an English breadcrumb to a section through its aliases', () => {
    expect(read(page({ breadcrumb: 'Home>>Business' })).fields?.section).toBe('economie');
  });

  it('reads the date in the site’s time zone and writes it with that zone’s offset', () => {
    expect(read(page(), { timeZone: 'Europe/Paris' }).fields?.date).toBe('2021-05-21T08:19:00+02:00');
  });

  it('files the copy under a section the editor chose', () => {
    expect(read(page(), { section: 'Économie' }).fields?.section).toBe('economie');
  });

  it.each<[string, string, string[]]>([
    [
      'no editors line',
      page({ editors: '' }),
      ['editors: not found: expected a line such as "(Rédacteurs : Ying Xie, Yishuang Liu)"; editors are required'],
    ],
    [
      'an editors line without names',
      page({ editors: '(Rédacteurs : )' }),
      ['editors: the line "(Rédacteurs : )" names no editor; editors are required'],
    ],
    [
      'an impossible date',
      page({ source: 'Xinhua | 31.02.2021 08h19' }),
      ['date: "31.02.2021 08h19" is not a real date and time'],
    ],
    [
      'no headline',
      page({ title: '' }),
      ['title: not found: expected the headline on its own line above the source line'],
    ],
    [
      'no paragraph',
      page({ body: '' }),
      ['body: not found: expected paragraphs between the source line and the editors line'],
    ],
    [
      'a source line without a source',
      page({ source: '| 21.05.2021 08h19' }),
      ['source: not found: the line "| 21.05.2021 08h19" names no source before the |'],
    ],
  ])('refuses %s, naming the field', (_, text, messages) => {
    const { fields, problems } = read(text);
    expect(fields).toBeUndefined();
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual(messages);
  });

  it('lists every missing field at once, in frontmatter order', () => {
    const { problems } = read('Rien qui ressemble à une dépêche.\n');
    expect(problems.map((p) => p.field)).toEqual(['date', 'section', 'source', 'editors']);
  });

  it('notes an update line it cannot read, and leaves updated out', () => {
    const { fields, notes } = read(page({ updated: 'Dernière mise à jour : hier' }));
    expect(fields?.updated).toBeUndefined();
    expect(notes).toEqual([
      { field: 'updated', message: 'could not read a time and date in "Dernière mise à jour : hier"; left out' },
    ]);
  });
});

describe('sectionFromName', () => {
  it.each([
    ['International', 'international'],
    ['ÉCONOMIE', 'economie'],
    ['economie', 'economie'],
    ['Sports', undefined],
    ['', undefined],
  ])('%j → %j', (name, slug) => {
    expect(sectionFromName(name, sections)).toBe(slug);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['Le texte "tel quel", l\'Arctique et 15 %.', 'Le texte "tel quel", l\'Arctique et 15 %.'],
    ['* pas une liste', '\\* pas une liste'],
    ['- pas une liste', '\\- pas une liste'],
    ['1. pas une liste', '1\\. pas une liste'],
    ['# pas un titre', '\\# pas un titre'],
    ['> pas une citation', '\\> pas une citation'],
    ['a <b>gras</b> [lien](x) `code` _x_ \\', 'a \\<b>gras\\</b> \\[lien\\](x) \\`code\\` \\_x\\_ \\\\'],
    ['AT&T et &amp;', 'AT&T et \\&amp;'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});
