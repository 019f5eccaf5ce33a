/**
 * Splits an article file into frontmatter and body (gray-matter), reads the
 * frontmatter's values (js-yaml, core schema: YAML 1.2, so dates stay text and
 * the schema can insist on an offset), and, for a file with a problem, parses
 * it again with `yaml` to point messages at lines and fields.
 */
import matter from 'gray-matter';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type Scalar,
  visit,
} from 'yaml';

export interface YamlProblem {
  /** 1-based line in the file. */
  line: number;
  /** The field the problem is in, as a dotted path (`title`, `editors.1`), when known. */
  field?: string;
  message: string;
}

export interface ParsedSource {
  /** Frontmatter as plain data (empty when there is none or it is broken). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** The file's line where the body starts. */
  bodyLine: number;
  /** Whether the file starts with a `---` frontmatter block. */
  hasFrontmatter: boolean;
  /** The YAML between the `---` lines; its line 1 is the file's line 1 (the opening `---`). */
  yaml: string;
  /** Problems of the block itself: not closed, not YAML, invalid YAML, not a mapping. */
  yamlErrors: YamlProblem[];
}

/** More values than this, once aliases are expanded, is a resource-exhaustion attack (a "billion laughs"), not an article. */
export const MAX_YAML_VALUES = 10_000;

/** Languages gray-matter would otherwise run (`---js` is evaluated as JavaScript) or read (`---json`). */
const refuse = () => ({});
const ENGINE_OPTIONS = { language: 'yaml', engines: { javascript: refuse, json: refuse, coffee: refuse } };

/** Splits `text` into the YAML block and the body, as gray-matter does; nothing is evaluated. */
function split(text: string) {
  let yaml = '';
  // Passing options also turns off gray-matter's cache, which would keep every file in memory.
  const file = matter(text, {
    ...ENGINE_OPTIONS,
    engines: {
      ...ENGINE_OPTIONS.engines,
      yaml: (block: string) => {
        yaml = block;
        return {};
      },
    },
  } as Parameters<typeof matter>[1]);
  return { yaml, body: file.content, language: (file as { language?: string }).language ?? '' };
}

/** The opening line: `---` (maybe followed by a language name) with nothing else, at the very start. */
const OPENING = /^\uFEFF?---(?!-)([^\r\n]*)\r?\n/;

/** Splits and reads one article file's text. */
export function parseArticleSource(text: string): ParsedSource {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text, bodyLine: 1, hasFrontmatter: false, yaml: '', yamlErrors: [] };
  const language = opening[1]!.trim();
  const fail = (message: string, line = 1) => ({
    data: {},
    body: '',
    bodyLine: 1,
    hasFrontmatter: true,
    yaml: '',
    yamlErrors: [{ line, message }],
  });
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml')
    return fail(`expected YAML frontmatter, got "---${language}": remove "${language}" after the opening ---`);
  // gray-matter's closing delimiter: the first following line that starts with `---`.
  const close = text.indexOf('\n---', opening.index + 3);
  if (close === -1) return fail('the frontmatter block is never closed: add a --- line after its last field');
  // gray-matter keeps what follows the three dashes as the body's first characters: `-----` would show "--".
  const lineEnd = text.indexOf('\n', close + 1);
  const closing = text.slice(close + 1, lineEnd === -1 ? undefined : lineEnd).trimEnd();
  if (closing !== '---')
    return fail(
      `the line closing the frontmatter is "${closing}": make it exactly ---, or what follows the dashes is published as text`,
      countLines(text, close + 1) + 1,
    );
  let parts: ReturnType<typeof split>;
  try {
    parts = split(text);
  } catch (error) {
    return fail(`could not read the frontmatter block: ${(error as Error).message}`);
  }
  const { yaml, body } = parts;
  const bodyStart = text.length - body.length;
  const bodyLine = 1 + countLines(text, bodyStart);
  const source: ParsedSource = { data: {}, body, bodyLine, hasFrontmatter: true, yaml, yamlErrors: [] };
  // As gray-matter does, a block of comments alone reads as `{}`.
  if (yaml.replace(/^\s*#[^\n]+/gm, '').trim() === '') return source;
  const read = readYamlValues(yaml);
  if ('errors' in read) {
    source.yamlErrors = read.errors;
    return source;
  }
  const value = read.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    source.yamlErrors = [{ line: 2, message: 'expected the frontmatter to be a mapping of field: value lines' }];
    return source;
  }
  source.data = value as Record<string, unknown>;
  return source;
}

/** Line breaks in `text` before `end`. */
function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * The value of a YAML text (its line 1 being line `1 + lineOffset` of the
 * file), or its errors with their lines and fields. js-yaml reads it; the
 * `yaml` parser words the errors, since it says which value is broken.
 */
export function readYamlValues(text: string, lineOffset = 0): { value: unknown } | { errors: YamlProblem[] } {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    const errors = yamlDocument(text, lineOffset).errors;
    if (errors.length > 0) return { errors };
    // Only js-yaml objects: say what it says, where it says it.
    const { reason, mark } = error as YAMLException;
    return { errors: [{ line: mark.line + 1 + lineOffset, message: `invalid YAML: ${reason}` }] };
  }
  if (countValues(value, MAX_YAML_VALUES) > MAX_YAML_VALUES) {
    const { firstAlias } = yamlDocument(text, lineOffset);
    return {
      errors: [
        {
          line: firstAlias?.line ?? 1 + lineOffset,
          ...(firstAlias?.field === undefined ? {} : { field: firstAlias.field }),
          message: `invalid YAML: its aliases (*name) expand to more than ${MAX_YAML_VALUES.toLocaleString('en')} values: write the values out instead of repeating anchors (&name)`,
        },
      ],
    };
  }
  return { value };
}

/** Values in `value` counted as if aliases were copies, stopping once past `limit`. */
function countValues(value: unknown, limit: number): number {
  let count = 0;
  const walk = (v: unknown): void => {
    count++;
    if (count > limit || v === null || typeof v !== 'object') return;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      walk(child);
      if (count > limit) return;
    }
  };
  walk(value);
  return count;
}

/**
 * A plain (unquoted) value that a comment cut short: a ` #` on its line, or a line that continues it
 * (indented under it) starting with `#`. YAML drops what follows the `#`.
 */
export interface CutValue {
  field: string;
  /** The line where the value starts. */
  line: number;
  /** The line of the `#` that cuts it. */
  hashLine: number;
  /** What YAML read. */
  value: string;
  /** What YAML would read were the `#` text, on one line: what the editor meant. */
  written: string;
}

export interface YamlDocument {
  /** 1-based line of every key and list item, as dotted paths (`title`, `image.alt`, `editors.1`). */
  fieldLines: Map<string, number>;
  /** Errors, each at the line where the broken value starts, with its field. */
  errors: YamlProblem[];
  /** The first alias (`*name`), for a message about aliases. */
  firstAlias?: { line: number; field?: string };
  /** Plain values that a ` #` cut short. */
  cutValues: CutValue[];
}

/** Hints for the `yaml` parser's error codes, in words an editor can act on. */
const HINTS: Record<string, string> = {
  MISSING_CHAR: 'close the quote (or the bracket) that this value opens',
  UNEXPECTED_TOKEN: "inside single quotes, double each apostrophe: 'l''Arctique'",
  BLOCK_AS_IMPLICIT_KEY:
    "put the value in quotes: a colon followed by a space ends an unquoted value ('Reykjavik : premier contact')",
  MULTILINE_IMPLICIT_KEY: 'put the value in quotes, or indent the lines that continue it',
  BAD_INDENT: 'close the list with ] (or indent its lines under the field)',
  DUPLICATE_KEY: 'this field appears twice: keep one',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
};

/**
 * Parses YAML text with `yaml`, which keeps positions: the line of each field,
 * errors placed on the value they break, aliases, and plain values cut by a
 * comment. Slower than reading values; used when a file has something to report.
 */
export function yamlDocument(text: string, lineOffset = 0): YamlDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const fieldLines = new Map<string, number>();
  const ranges: { field: string; start: number; end: number }[] = [];
  const cutValues: CutValue[] = [];
  const collect = (node: unknown, prefix: string): void => {
    const note = (path: string, keyStart: number, value: unknown) => {
      fieldLines.set(path, lineAt(keyStart));
      const range = (value as Node | null)?.range;
      if (range) ranges.push({ field: path, start: keyStart, end: range[2] });
      if (isScalar(value) && value.type === 'PLAIN' && value.range && typeof value.source === 'string') {
        const hash = commentAfter(text, value.range);
        const written = hash === undefined ? undefined : uncut(text, value.range[0], hash);
        if (hash !== undefined && written !== undefined)
          cutValues.push({
            field: path,
            line: lineAt(value.range[0]),
            hashLine: lineAt(hash),
            value: value.source,
            written,
          });
      }
      collect(value, `${path}.`);
    };
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        note(`${prefix}${String(pair.key.value)}`, pair.key.range[0], pair.value);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) note(`${prefix}${index}`, range[0], item);
      });
    }
  };
  collect(doc.contents, '');
  // The field a position is in: the innermost that starts before it and holds it (lifted to its
  // parent when both start on one line, as `tags: [a, b` is about `tags`).
  const fieldAt = (offset: number) => {
    const inside = ranges.filter((r) => r.start < offset && offset <= r.end).sort((a, b) => b.start - a.start);
    let field = inside[0];
    for (const outer of inside.slice(1))
      if (field && lineAt(outer.start) === lineAt(field.start) && field.field.startsWith(`${outer.field}.`))
        field = outer;
    return field;
  };
  const errors = doc.errors.map((error): YamlProblem => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    const hint = HINTS[error.code];
    // A duplicated key is reported where the second one starts: that is the field.
    const where = error.code === 'DUPLICATE_KEY' ? ranges.find((r) => r.start === error.pos[0]) : fieldAt(error.pos[0]);
    const at =
      where && lineAt(where.start) !== line + lineOffset
        ? ` (the parser stopped at line ${line + lineOffset}, column ${col})`
        : ` (column ${col})`;
    const problem: YamlProblem = {
      line: where ? lineAt(where.start) : line + lineOffset,
      message: `invalid YAML: ${message}${at}${hint ? `: ${hint}` : ''}`,
    };
    if (where) problem.field = where.field;
    return problem;
  });
  const result: YamlDocument = { fieldLines, errors, cutValues };
  const alias = firstAlias(doc);
  if (alias !== undefined) {
    const field = fieldAt(alias)?.field;
    result.firstAlias = field === undefined ? { line: lineAt(alias) } : { line: lineAt(alias), field };
  }
  return result;
}

/** Where the comment that `yaml` attached to a plain value (its range's last part) starts, if any. */
function commentAfter(text: string, range: readonly [number, number, number]): number | undefined {
  const match = /(?:^|[ \t\r\n])#/.exec(text.slice(range[1], range[2]));
  return match ? range[1] + match.index + match[0].length - 1 : undefined;
}

/**
 * What the plain value starting at `start` would be, were the `#` at `hash`
 * (and any further one that cuts it) text: YAML itself says whether the value
 * would go on, so a comment on a line of its own under a field at its level is
 * left alone. Undefined when the `#` cuts nothing. Parses again: only for files
 * where a comment follows a value.
 */
function uncut(text: string, start: number, hash: number): string | undefined {
  // A character YAML takes as text, that the file does not hold, stands for each `#`.
  let stand = 0xe001;
  while (text.includes(String.fromCharCode(stand))) stand++;
  const mark = String.fromCharCode(stand);
  let written = text;
  let cut: number | undefined = hash;
  let value: string | undefined;
  for (let rounds = 0; cut !== undefined && rounds < 20; rounds++) {
    written = `${written.slice(0, cut)}${mark}${written.slice(cut + 1)}`;
    const scalar = scalarAt(parseDocument(written, { schema: 'core' }), start);
    if (!scalar?.range || typeof scalar.source !== 'string' || scalar.range[1] <= cut) break;
    value = scalar.source.replaceAll(mark, '#');
    cut = commentAfter(written, scalar.range);
  }
  return value;
}

/** The plain scalar that starts at `offset`. */
function scalarAt(doc: Document, offset: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Scalar(_, node) {
      if (node.range?.[0] !== offset || node.type !== 'PLAIN') return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) found = Math.min(found ?? Infinity, node.range[0]);
    },
  });
  return found;
}
