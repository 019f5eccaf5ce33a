/**
 * Splits an article file into frontmatter and body, the same way for the Astro
 * build and for the editors' tools, and remembers where each field stands so
 * messages can point at `path:line`.
 *
 * YAML is read with the 1.2 core schema: dates stay text, so the schema can
 * insist on an explicit offset instead of silently assuming UTC.
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { readSimpleYaml } from './simple-yaml.ts';

export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedSource {
  /** Frontmatter as plain data (empty when there is none or it is broken). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Whether the file starts with a `---` frontmatter block. */
  hasFrontmatter: boolean;
  /** 1-based line of each frontmatter key and list item in the file, as dotted paths (`title`, `image.alt`, `editors.1`). */
  fieldLines: Map<string, number>;
  /** Problems of the YAML itself, with file positions. */
  yamlErrors: YamlProblem[];
}

export interface ParsedYaml {
  /** The document as plain data; `undefined` when it has errors. */
  value: unknown;
  /** 1-based line of every key and list item, as dotted paths. */
  fieldLines: Map<string, number>;
  errors: YamlProblem[];
}

/** Records the line of every key and list item under `node`, as dotted paths. */
function collectLines(
  node: unknown,
  prefix: string,
  lines: Map<string, number>,
  lineOf: (offset: number) => number,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const path = `${prefix}${String(pair.key.value)}`;
      lines.set(path, lineOf(pair.key.range[0]));
      collectLines(pair.value, `${path}.`, lines, lineOf);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (!range) return;
      const path = `${prefix}${index}`;
      lines.set(path, lineOf(range[0]));
      collectLines(item, `${path}.`, lines, lineOf);
    });
  }
}

/**
 * Parses YAML text (its line 1 being line `1 + lineOffset` of the file), collecting
 * errors and the line of each key. Plain frontmatter goes through the fast
 * `readSimpleYaml`, which reads what it accepts exactly as `yaml` does.
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const simple = readSimpleYaml(text, 1 + lineOffset);
  return simple ? { ...simple, errors: [] } : parseYamlFully(text, lineOffset);
}

/** `parseYaml` with the full `yaml` parser always; the reference the fast path is tested against. */
export function parseYamlFully(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    return { line: line + lineOffset, column: col, message };
  });
  const fieldLines = new Map<string, number>();
  collectLines(doc.contents, '', fieldLines, (offset) => lineCounter.linePos(offset).line + lineOffset);
  return { value: errors.length > 0 ? undefined : doc.toJS(), fieldLines, errors };
}

/** What reading the frontmatter block gives, before the checks on its shape. */
export interface Block {
  raw: unknown;
  fieldLines: Map<string, number>;
  yamlErrors: YamlProblem[];
  body: string;
}

/** Parses the text between the `---` lines; as gray-matter does, a block of comments alone reads as `{}`. */
function readBlock(block: string, body: string): Block {
  // With CRLF line ends, the CR before the closing `\n---` is left on the last line: `[a, b]\r` would not parse.
  const yaml = block.endsWith('\r') ? block.slice(0, -1) : block;
  if (yaml.replace(/^\s*#[^\n]+/gm, '').trim() === '') return { raw: {}, fieldLines: new Map(), yamlErrors: [], body };
  // The text starts after the opening `---`, so its line 1 is the file's line 1.
  const { value, fieldLines, errors } = parseYaml(yaml);
  return { raw: value, fieldLines, yamlErrors: errors, body };
}

/**
 * The usual shape: a `---` line, the frontmatter, a line starting with `---`,
 * the body. It is cut here exactly where gray-matter cuts it (a test compares
 * both on every edge case), because gray-matter costs about 25 µs a file
 * (it copies its input into a Buffer, defines four properties and merges its
 * options twice), an eighth of the checker's budget on 10,000 articles.
 * `undefined` for any other shape, which gray-matter reads.
 */
export function readUsualShape(text: string): Block | undefined {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) return undefined;
  // gray-matter's closing delimiter: the first line that starts with `---`.
  const close = text.indexOf('\n---', 3);
  if (close === -1) return undefined;
  // The body as gray-matter cuts it: after the closing `---`, less one line break.
  return readBlock(text.slice(3, close), text.slice(close + 4).replace(/^\r?\n?/, ''));
}

/** The file read by gray-matter, with the YAML engine of this module. */
export function readWithGrayMatter(text: string): Block {
  let block: Block | undefined;
  // Passing options also turns off gray-matter's cache, which would keep every file in memory.
  const file = matter(text, {
    engines: {
      yaml: (yaml: string) => {
        block = readBlock(yaml, '');
        return {};
      },
    },
  });
  return { ...(block ?? { raw: {}, fieldLines: new Map(), yamlErrors: [] }), body: file.content };
}

/** Splits and parses one article file's text. */
export function parseArticleSource(text: string): ParsedSource {
  const { raw, fieldLines, yamlErrors, body } = readUsualShape(text) ?? readWithGrayMatter(text);
  const hasFrontmatter = /^\uFEFF?---\r?\n/.test(text);
  const data = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (hasFrontmatter && yamlErrors.length === 0 && raw !== undefined && raw !== null && data !== raw) {
    yamlErrors.push({ line: 2, column: 1, message: 'expected the frontmatter to be a mapping of field: value lines' });
  }
  return { data, body, hasFrontmatter, fieldLines, yamlErrors };
}
