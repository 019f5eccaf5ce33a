import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseArticleSource, readYamlValues, yamlDocument } from '#src/lib/frontmatter.ts';

const shapes = [
  ['a usual file', '---\ntitle: x\n---\n\nCorps.\n', 4],
  ['CRLF line ends', '---\r\ntitle: x\r\n---\r\n\r\nCorps.\r\n', 4],
  ['no blank line after the block', '---\ntitle: x\n---\nCorps.\n', 4],
  ['a closing line and nothing after it', '---\ntitle: x\n---', 3],
  ['an empty block', '---\n---\nCorps.\n', 3],
  ['a block of comments', '---\n# rien\n  # rien non plus\n---\nCorps.\n', 5],
  ['a block of blank lines', '---\n\n \n---\nCorps.\n', 5],
  ['broken YAML', '---\ntitle: [a\n---\nCorps.\n', 4],
  ['a list instead of a mapping', '---\n- a\n---\nCorps.\n', 4],
  ['a language after the dashes', '---yaml\ntitle: x\n---\nCorps.\n', 4],
  ['a BOM', '\uFEFF---\ntitle: x\n---\nCorps.\n', 4],
  ['a thematic break in the body', '---\ntitle: x\n---\n\nAvant.\n\n---\n\nAprès.\n', 4],
] as const;

describe('parseArticleSource', () => {
  it.each(shapes)('cuts the body of %s as gray-matter does, and knows its line', (_, text, bodyLine) => {
    const parsed = parseArticleSource(text);
    expect(parsed.hasFrontmatter).toBe(true);
    expect(parsed.body).toBe(matter(text, { engines: { yaml: () => ({}) } }).content);
    expect(parsed.bodyLine).toBe(bodyLine);
  });

  it.each([
    ['no block', 'Corps.\n'],
    ['four dashes first', '----\ntitle: x\n---\nCorps.\n'],
    ['an empty file', ''],
  ])('finds no frontmatter in %s', (_, text) => {
    expect(parseArticleSource(text)).toMatchObject({ hasFrontmatter: false, body: text, bodyLine: 1 });
  });

  it('reads YAML 1.2: dates stay text, so a missing offset can be refused; yes and no are words', () => {
    const parsed = parseArticleSource('---\ndate: 2021-05-21T08:19:00\ndraft: false\nsource: yes\n---\n');
    expect(parsed.data).toEqual({ date: '2021-05-21T08:19:00', draft: false, source: 'yes' });
  });

  it('reads the last field of a CRLF frontmatter without its CR', () => {
    const parsed = parseArticleSource('---\r\ntitle: x\r\neditors: [A, B]\r\n---\r\n\r\nCorps.\r\n');
    expect(parsed.yamlErrors).toEqual([]);
    expect(parsed.data).toEqual({ title: 'x', editors: ['A', 'B'] });
  });

  it('refuses a list where a mapping is expected', () => {
    expect(parseArticleSource('---\n- a\n---\n').yamlErrors).toEqual([
      { line: 2, message: 'expected the frontmatter to be a mapping of field: value lines' },
    ]);
  });

  it('refuses a closing line with more than the three dashes, which gray-matter would leave in the body', () => {
    expect(parseArticleSource('---\ntitle: x\n-----\nCorps.\n').yamlErrors).toEqual([
      {
        line: 3,
        message:
          'the line closing the frontmatter is "-----": make it exactly ---, or what follows the dashes is published as text',
      },
    ]);
  });

  it.each(['js', 'javascript', 'json', 'coffee', 'toml'])('refuses ---%s without reading it', (language) => {
    const parsed = parseArticleSource(`---${language}\n{ "title": "x" }\n---\n`);
    expect(parsed.data).toEqual({});
    expect(parsed.yamlErrors[0]?.message).toMatch(/^expected YAML frontmatter/);
  });
});

describe('yamlDocument', () => {
  it('gives the line of each field and list item', () => {
    const { fieldLines } = yamlDocument("\ntitle: 'x'\neditors:\n  - A\n  - B\nimage: { src: a.jpg, alt: b }\n");
    expect(Object.fromEntries(fieldLines)).toEqual({
      title: 2,
      editors: 3,
      'editors.0': 4,
      'editors.1': 5,
      image: 6,
      'image.src': 6,
      'image.alt': 6,
    });
  });

  it('finds plain values a comment cuts, and leaves quoted ones and comments on their own line', () => {
    const text = "\ntitle: Le #1 mondial\nsummary: 'Le #2' # bien\n# note\nsource: AFP\neditors:\n  - A #B\n";
    expect(yamlDocument(text).cutValues).toEqual([
      { field: 'title', line: 2, hashLine: 2, value: 'Le', written: 'Le #1 mondial' },
      { field: 'editors.0', line: 7, hashLine: 7, value: 'A', written: 'A #B' },
    ]);
  });

  it('finds a plain value cut on a line that continues it, and says what YAML would read without the comment', () => {
    const text =
      'title: Le premier\n  #1 mondial #2\nsummary: Sur\n  deux lignes #3\n  # note\nsource: AFP\n  # note\n';
    expect(yamlDocument(text).cutValues).toEqual([
      { field: 'title', line: 1, hashLine: 2, value: 'Le premier', written: 'Le premier #1 mondial #2' },
      { field: 'summary', line: 3, hashLine: 4, value: 'Sur deux lignes', written: 'Sur deux lignes #3 # note' },
      { field: 'source', line: 6, hashLine: 7, value: 'AFP', written: 'AFP # note' },
    ]);
  });

  it('leaves a comment at the level of the fields alone: it continues no value', () => {
    expect(yamlDocument('image:\n  src: a.jpg\n  # note\n  alt: b\ntitle: c\n# note\n').cutValues).toEqual([]);
  });

  it('reports errors at the line of the field whose value they break', () => {
    expect(yamlDocument('\ntags: [a, b\ndate: x\n').errors[0]).toMatchObject({ line: 2, field: 'tags' });
  });
});

describe('readYamlValues', () => {
  it('gives the values, as js-yaml’s core schema reads them', () => {
    expect(readYamlValues('a: 1\nb: [x, "y"]\nc: ~\nd: 2021-05-21\n')).toEqual({
      value: { a: 1, b: ['x', 'y'], c: null, d: '2021-05-21' },
    });
  });

  it('refuses a duplicated field', () => {
    const result = readYamlValues('title: a\ntitle: b\n');
    expect(result).toMatchObject({ errors: [{ line: 2 }] });
  });

  it('lets a few aliases through', () => {
    expect(readYamlValues('a: &x [1, 2]\nb: *x\n')).toEqual({ value: { a: [1, 2], b: [1, 2] } });
  });
});
