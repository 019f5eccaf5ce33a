import { describe, expect, it } from 'vitest';
import { articlePathFor, articleSource, splitNames, yamlText } from '#src/lib/article-file.ts';
import { parseArticleSource } from '#src/lib/frontmatter.ts';

const date = new Date('2021-05-21T00:19:00Z');

describe('yamlText', () => {
  it.each([
    ['Xinhua', 'Xinhua'],
    ['Ying Xie', 'Ying Xie'],
    ["l'AFP", "l'AFP"],
    ['AFP: Reuters', "'AFP: Reuters'"],
    ['true', "'true'"],
    ['2021', "'2021'"],
    ['- Xinhua', "'- Xinhua'"],
    ["'citée'", "'''citée'''"],
    ['# dièse', "'# dièse'"],
  ])('%j → %s', (value, written) => {
    expect(yamlText(value)).toBe(written);
  });
});

describe('splitNames', () => {
  it.each([
    ['Ying Xie, Yishuang Liu', ['Ying Xie', 'Yishuang Liu']],
    ['Ying Xie;Yishuang Liu ;', ['Ying Xie', 'Yishuang Liu']],
    ['Ying Xie et Yishuang Liu', ['Ying Xie', 'Yishuang Liu']],
    ['Ying\u00a0Xie', ['Ying Xie']],
    [' , ', []],
  ])('%j → %j', (text, names) => {
    expect(splitNames(text)).toEqual(names);
  });
});

describe('articlePathFor', () => {
  it('files by the month in the site’s zone, named by the headline’s slug', () => {
    expect(
      articlePathFor('Coopération : « sérieuses différences »', new Date('2021-05-31T17:00:00Z'), 'Asia/Shanghai'),
    ).toBe('2021/06/cooperation-serieuses-differences.md');
    expect(articlePathFor('Coopération', new Date('2021-05-31T17:00:00Z'), 'UTC')).toBe('2021/05/cooperation.md');
  });

  it('has no path for a headline without letters or digits', () => {
    expect(articlePathFor('« ! »', date, 'UTC')).toBeUndefined();
  });
});

describe('articleSource', () => {
  const fields = {
    title: "L'Arctique : « coopération »",
    date,
    updated: new Date('2021-05-21T01:05:00Z'),
    section: 'international',
    source: 'AFP: Reuters',
    editors: ['Ying Xie', 'true'],
  };

  it('writes the seed’s style: quoted headline, dates with the zone’s offset, editors as a block list, one blank line', () => {
    expect(articleSource(fields, '\nCorps.\n\n', 'Asia/Shanghai')).toBe(
      [
        '---',
        "title: 'L''Arctique : « coopération »'",
        'date: 2021-05-21T08:19:00+08:00',
        'updated: 2021-05-21T09:05:00+08:00',
        'section: international',
        "source: 'AFP: Reuters'",
        'editors:',
        '  - Ying Xie',
        "  - 'true'",
        '---',
        '',
        'Corps.',
        '',
      ].join('\n'),
    );
  });

  it('writes what the frontmatter parser reads back unchanged', () => {
    const parsed = parseArticleSource(
      articleSource({ ...fields, summary: "Chapeau d'essai" }, 'Corps.', 'Asia/Shanghai', { skeleton: true }),
    );
    expect(parsed.yamlErrors).toEqual([]);
    expect(parsed.data).toEqual({
      title: fields.title,
      summary: "Chapeau d'essai",
      date: '2021-05-21T08:19:00+08:00',
      updated: '2021-05-21T09:05:00+08:00',
      section: 'international',
      source: 'AFP: Reuters',
      editors: ['Ying Xie', 'true'],
      draft: true,
    });
    expect(parsed.body).toBe('\nCorps.\n');
  });

  it('lists the optional fields it did not fill as commented examples in a skeleton', () => {
    const text = articleSource({ ...fields, updated: undefined } as never, '', 'Asia/Shanghai', { skeleton: true });
    expect(text.match(/^# \w+:/gm)).toEqual(['# summary:', '# updated:', '# tags:', '# related:', '# image:']);
    expect(text).toContain('\ndraft: true\n');
    expect(text.endsWith('---\n\n')).toBe(true);
  });
});
