import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import {
  parseArticleSource,
  parseYaml,
  parseYamlFully,
  readUsualShape,
  readWithGrayMatter,
} from '#src/lib/frontmatter.ts';

const shapes = [
  ['a usual file', '---\ntitle: x\n---\n\nCorps.\n'],
  ['CRLF line ends', '---\r\ntitle: x\r\n---\r\n\r\nCorps.\r\n'],
  ['no blank line after the block', '---\ntitle: x\n---\nCorps.\n'],
  ['a closing line with more dashes', '---\ntitle: x\n-----\nCorps.\n'],
  ['a closing line and nothing after it', '---\ntitle: x\n---'],
  ['a block that is never closed', '---\ntitle: x\n'],
  ['an empty block', '---\n---\nCorps.\n'],
  ['a block of comments', '---\n# rien\n  # rien non plus\n---\nCorps.\n'],
  ['a block of blank lines', '---\n\n \n---\nCorps.\n'],
  ['broken YAML', '---\ntitle: [a\n---\nCorps.\n'],
  ['a list instead of a mapping', '---\n- a\n---\nCorps.\n'],
  ['no block', 'Corps.\n'],
  ['four dashes first', '----\ntitle: x\n---\nCorps.\n'],
  ['a language after the dashes', '---yaml\ntitle: x\n---\nCorps.\n'],
  ['a BOM', '\uFEFF---\ntitle: x\n---\nCorps.\n'],
  ['a thematic break in the body', '---\ntitle: x\n---\n\nAvant.\n\n---\n\nAprès.\n'],
  ['an empty file', ''],
] as const;

describe('readUsualShape', () => {
  it.each(shapes)('reads %s as gray-matter does, or leaves it to gray-matter', (_, text) => {
    const usual = readUsualShape(text);
    if (usual) expect(usual).toEqual(readWithGrayMatter(text));
  });

  it('reads the usual shape itself', () => {
    expect(shapes.filter(([, text]) => readUsualShape(text)).length).toBeGreaterThanOrEqual(11);
  });
});

describe('parseArticleSource', () => {
  it.each(shapes)('cuts the body of %s as gray-matter does on the whole file', (_, text) => {
    expect(parseArticleSource(text).body).toBe(matter(text, { engines: { yaml: () => ({}) } }).content);
  });

  it('reads the last field of a CRLF frontmatter without its CR', () => {
    const parsed = parseArticleSource('---\r\ntitle: x\r\neditors: [A, B]\r\n---\r\n\r\nCorps.\r\n');
    expect(parsed.yamlErrors).toEqual([]);
    expect(parsed.data).toEqual({ title: 'x', editors: ['A', 'B'] });
  });

  it('gives the line of each field and list item', () => {
    const parsed = parseArticleSource("---\ntitle: 'x'\neditors:\n  - A\n  - B\nimage: { src: a.jpg, alt: b }\n---\n");
    expect(Object.fromEntries(parsed.fieldLines)).toEqual({
      title: 2,
      editors: 3,
      'editors.0': 4,
      'editors.1': 5,
      image: 6,
      'image.src': 6,
      'image.alt': 6,
    });
  });
});

describe('parseYaml', () => {
  it('gives the same data and lines through the fast reader and the full parser', () => {
    const text = "\ntitle: 'x'\ndraft: false\ntags: [a, b]\neditors:\n  - A\n";
    expect(parseYaml(text)).toEqual(parseYamlFully(text));
  });

  it('reports YAML errors with line and column', () => {
    expect(parseYaml('\ntitle: [a\n').errors[0]).toMatchObject({ line: 3, column: 1 });
  });
});
