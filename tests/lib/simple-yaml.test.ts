import { describe, expect, it } from 'vitest';
import { parseYamlFully } from '#src/lib/frontmatter.ts';
import { readSimpleYaml } from '#src/lib/simple-yaml.ts';
import { generateCorpus, random } from '../support/synthetic-corpus.ts';

/** The frontmatter block as gray-matter hands it over: from the end of the opening `---`. */
function block(text: string): string {
  return text.slice(3, text.indexOf('\n---', 3) + 1);
}

/** Asserts the fast reader either declines `text` or reads it exactly as `yaml` does. */
function expectSameAsYaml(text: string): boolean {
  const fast = readSimpleYaml(text);
  if (!fast) return false;
  const full = parseYamlFully(text);
  expect(full.errors, text).toEqual([]);
  expect(fast.value, text).toStrictEqual(full.value);
  expect(fast.fieldLines, text).toStrictEqual(full.fieldLines);
  return true;
}

/** Values the fast path reads (mostly), and values it should leave to `yaml` (mostly). */
const usual = [
  'Un titre',
  'La coopération « sérieuse »',
  'l’AFP',
  "l'AFP",
  'a  b',
  'C#',
  'a:b',
  'x\u00a0y',
  '2021-05-21T08:19:00+08:00',
  '21.05.2021 08h19',
  '08:19',
  '1er mai',
  '10 %',
  'true',
  'false',
  'tRue',
  'yes',
  'no',
  'on',
  'nil',
  '~',
  'null',
  '/images/a.jpg',
  'https://example.org/a?b=c#d',
  'Ying Xie',
  'a\\b',
  'a, b',
  'a]',
  'a}',
  '=',
  '<<',
  'é',
  '中文',
  "'single'",
  "'it''s'",
  "''",
  '"double"',
  '""',
  '[a, b]',
  '[]',
  '[ ]',
  '[\'a,b\', "c"]',
  "[a, 'b''c']",
  '[~, null, true]',
  '[a b, c d]',
];
const unusual = [
  'a # b',
  'a: b',
  'fin:',
  '\u00a0x',
  '2021-05-21',
  '3D',
  'True',
  'TRUE',
  'Null',
  'NULL',
  '1',
  '-1',
  '+1',
  '1.5',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '017',
  '.inf',
  '-.inf',
  '.NaN',
  '1_000',
  '1:20',
  "'a' 'b'",
  "'open",
  '"esc\\"x"',
  '"tab\\t"',
  '"a" b',
  "'a' b",
  '[a, [b]]',
  '[a,]',
  '[a:b]',
  '[a, b',
  '[#a]',
  '[1, 2]',
  '{a: b}',
  '{}',
  '- x',
  '-x',
  '? x',
  '&a x',
  '*a',
  '!tag x',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  '---',
  '...',
  '*',
  '',
];
const keys = [
  'title',
  'date',
  'editors',
  'tags',
  'image',
  'draft',
  'Title',
  'a-b',
  'x_y',
  'null',
  'True',
  '1',
  '"k"',
  "'k'",
  'k k',
  'k:',
  '-k',
  '? k',
  '<<',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** A frontmatter of a few fields: inline values, block lists, nested pairs, comments and blank lines. */
function randomDocument(rand: () => number): string {
  const lines = [''];
  const count = 1 + Math.floor(rand() * 5);
  const value = () => (rand() < 0.9 ? pick(rand, usual) : pick(rand, unusual));
  for (let i = 0; i < count; i++) {
    const key = rand() < 0.9 ? `${pick(rand, keys.slice(0, 9))}${i}` : pick(rand, keys);
    const shape = rand();
    const indent = ' '.repeat(pick(rand, [2, 2, 2, 2, 4, 1, 0]));
    if (shape < 0.55) lines.push(`${key}: ${value()}`);
    else if (shape < 0.75) {
      lines.push(`${key}:`);
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) lines.push(`${indent}- ${value()}`);
    } else if (shape < 0.9) {
      lines.push(`${key}:`);
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--)
        lines.push(`${indent}${pick(rand, ['src', 'alt', 'credit', 'src'])}: ${value()}`);
    } else if (shape < 0.95) lines.push(`${key}:`);
    else lines.push(pick(rand, ['# commentaire', '', '  # indenté', '---', '%YAML 1.2']));
  }
  return `${lines.join('\n')}\n`;
}

const noise = [
  ' ',
  '  ',
  ':',
  ': ',
  '#',
  ' #',
  "'",
  '"',
  '-',
  '- ',
  '[',
  ']',
  ',',
  '{',
  '\n',
  '\n  ',
  '\t',
  '\r',
  '&',
  '*',
  '!',
  '|',
  '>',
  'a',
  '1',
  '.',
  '\u00a0',
  '\ufeff',
];

/** `text` with one to three pieces of noise inserted at random places. */
function mutate(rand: () => number, text: string): string {
  let result = text;
  for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
    const at = Math.floor(rand() * (result.length + 1));
    result = result.slice(0, at) + pick(rand, noise) + result.slice(at);
  }
  return result;
}

describe('readSimpleYaml', () => {
  it('reads plain frontmatter with each field’s line, numbered from the given first line', () => {
    const text =
      "\ntitle: 'L''Arctique'\ndate: 2021-05-21T08:19:00+08:00\ndraft: false\neditors:\n  - Ying Xie\n  - Yishuang Liu\ntags: [a, 'b, c']\nimage:\n  src: /images/a.jpg\n  alt: \"Deux ministres\"\n";
    const result = readSimpleYaml(text, 1);
    expect(result?.value).toStrictEqual({
      title: "L'Arctique",
      date: '2021-05-21T08:19:00+08:00',
      draft: false,
      editors: ['Ying Xie', 'Yishuang Liu'],
      tags: ['a', 'b, c'],
      image: { src: '/images/a.jpg', alt: 'Deux ministres' },
    });
    expect(Object.fromEntries(result!.fieldLines)).toEqual({
      title: 2,
      date: 3,
      draft: 4,
      editors: 5,
      'editors.0': 6,
      'editors.1': 7,
      tags: 8,
      'tags.0': 8,
      'tags.1': 8,
      image: 9,
      'image.src': 10,
      'image.alt': 11,
    });
  });

  it.each([
    ['a number', 'order: 10\n'],
    ['a date without time, which some YAML reads as a date', 'date: 2021-05-21\n'],
    ['a tab', 'title:\tx\n'],
    ['CRLF line ends', 'title: x\r\n'],
    ['a flow mapping', 'image: { src: a, alt: b }\n'],
    ['a block scalar', 'summary: |\n  x\n'],
    ['a plain scalar over two lines', 'title: un\n  deux\n'],
    ['a duplicate key', 'title: a\ntitle: b\n'],
    ['an escape in double quotes', 'title: "a\\tb"\n'],
    ['an anchor', 'title: &a x\n'],
    ['two levels of nesting', 'a:\n  b:\n    - c\n'],
    ['an empty document', '\n# rien\n'],
    ['a space before the colon', 'title : x\n'],
  ])('leaves %s to the full parser', (_, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });

  it('reads every generated article’s frontmatter as yaml does', () => {
    for (const article of generateCorpus({ count: 200, seed: 11 })) {
      expect(expectSameAsYaml(block(article.text))).toBe(true);
    }
  });

  it('reads thousands of random and damaged frontmatters as yaml does, or declines them', () => {
    const rand = random(20211121);
    let read = 0;
    let total = 0;
    for (let i = 0; i < 6000; i++) {
      const document = randomDocument(rand);
      for (const text of [document, mutate(rand, document)]) {
        total++;
        if (expectSameAsYaml(text)) read++;
      }
    }
    // The comparison means something only if a fair share was read by the fast path.
    expect(read / total).toBeGreaterThan(0.2);
  });
});
