/**
 * A fast reader for the plain frontmatter that editors and Rotative's own tools
 * write: `key: value` lines with plain, 'single-quoted' or "double-quoted"
 * scalars, `[a, b]` lists, and one level of indented `- item` lines or
 * `key: value` pairs under a key. On anything else it gives up (returns
 * `undefined`) and the caller uses the full `yaml` parser.
 *
 * What it does read, it reads exactly as `yaml` does with the 1.2 core schema
 * (`tests/lib/simple-yaml.test.ts` compares both on thousands of variants), so
 * which of the two reads a file never changes what the file means.
 *
 * Why it exists: `yaml`'s `parseDocument` costs about 0.2 ms per frontmatter
 * here, 2 s for 10,000 articles, which was the checker's whole time budget.
 *
 * @example readSimpleYaml('\ntitle: Un titre\neditors:\n  - Ying Xie\n')
 * // { value: { title: 'Un titre', editors: ['Ying Xie'] },
 * //   fieldLines: Map { 'title' => 2, 'editors' => 3, 'editors.0' => 4 } }
 */

export interface SimpleYaml {
  value: Record<string, unknown>;
  /** 1-based line of each key and list item, as dotted paths: `title`, `image.alt`, `editors.1`. */
  fieldLines: Map<string, number>;
}

/** Characters this reader leaves to `yaml`: tabs, CR, control characters, BOM, YAML's other line breaks. */

const UNUSUAL = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** `key:` then nothing or a space; the key a plain word. */
const ENTRY = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
/** Keys the core schema would read as something else than text. */
const SPECIAL_KEY = /^(?:null|true|false)$/i;
/** Plain scalars that may start a number, `.inf` or `.nan`: left to `yaml`. */
const NUMBER_LIKE = /^[-+]?[.0-9][0-9A-Za-z._+-]*$/;
/** First characters with a meaning in YAML (indicators), which a plain scalar here may not start with. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;

/** Strips YAML white space (spaces only here), never NBSP as `String#trim` would. */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

const GIVE_UP = Symbol('give up');
type Scalar = string | boolean | null;

/** One scalar, already trimmed; `GIVE_UP` for anything not plainly a scalar. */
function scalar(source: string, inFlow: boolean): Scalar | typeof GIVE_UP {
  if (source === '') return GIVE_UP;
  const first = source[0];
  if (first === "'") {
    const match = SINGLE_QUOTED.exec(source);
    return match ? match[1]!.replace(/''/g, "'") : GIVE_UP;
  }
  if (first === '"') {
    const match = DOUBLE_QUOTED.exec(source);
    return match ? match[1]! : GIVE_UP;
  }
  if (INDICATOR.test(source) || source.includes(' #') || source.includes(': ') || source.endsWith(':')) return GIVE_UP;
  if (inFlow && /[,[\]{}:#]/.test(source)) return GIVE_UP;
  if (NUMBER_LIKE.test(source)) return GIVE_UP;
  if (source === 'true' || source === 'True' || source === 'TRUE') return true;
  if (source === 'false' || source === 'False' || source === 'FALSE') return false;
  if (source === '~' || source === 'null' || source === 'Null' || source === 'NULL') return null;
  return source;
}

/** The items of `[a, 'b', "c"]`, each a scalar; `GIVE_UP` for nesting, empty items or a quote not closed. */
function flowSequence(source: string): Scalar[] | typeof GIVE_UP {
  const inner = source.slice(1, -1);
  const items: Scalar[] = [];
  if (trimSpaces(inner) === '') return items;
  let i = 0;
  while (i <= inner.length) {
    while (inner[i] === ' ') i++;
    let end: number;
    if (inner[i] === "'") {
      end = i + 1;
      for (;;) {
        end = inner.indexOf("'", end);
        if (end === -1) return GIVE_UP;
        if (inner[end + 1] === "'") end += 2;
        else break;
      }
      end += 1;
    } else if (inner[i] === '"') {
      end = inner.indexOf('"', i + 1);
      if (end === -1) return GIVE_UP;
      end += 1;
    } else {
      end = inner.indexOf(',', i);
      if (end === -1) end = inner.length;
    }
    const item = scalar(trimSpaces(inner.slice(i, end)), true);
    if (item === GIVE_UP) return GIVE_UP;
    items.push(item);
    i = end;
    while (inner[i] === ' ') i++;
    if (i >= inner.length) return items;
    if (inner[i] !== ',') return GIVE_UP;
    i++;
  }
  return GIVE_UP;
}

/** A value written on the key's own line: a scalar or a one-line flow list. */
function inlineValue(source: string): Scalar | Scalar[] | typeof GIVE_UP {
  if (source.startsWith('[')) return source.endsWith(']') ? flowSequence(source) : GIVE_UP;
  return scalar(source, false);
}

/** Items of a one-line `[a, b]` list all stand on their key's line. */
function setItemLines(fieldLines: Map<string, number>, path: string, value: Scalar | Scalar[], line: number): void {
  if (Array.isArray(value)) value.forEach((_, index) => fieldLines.set(`${path}.${index}`, line));
}

/** Where a line's content starts; -1 for a blank line or a comment, which YAML ignores wherever they stand. */
function contentStart(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n === line.length || line.charCodeAt(n) === 35 ? -1 : n;
}

/**
 * Reads `text` (lines numbered from `firstLine`) when it is simple enough;
 * `undefined` otherwise, including for anything `yaml` would report as an error.
 */
export function readSimpleYaml(text: string, firstLine = 1): SimpleYaml | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines = text.split('\n');
  const value: Record<string, unknown> = {};
  const fieldLines = new Map<string, number>();
  let found = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const start = contentStart(line);
    i++;
    if (start === -1) continue;
    // Document markers, directives, indentation where none is expected, odd keys: all left to `yaml`.
    const entry = start === 0 ? ENTRY.exec(line) : null;
    if (!entry) return undefined;
    const key = entry[1]!;
    if (SPECIAL_KEY.test(key) || Object.hasOwn(value, key)) return undefined;
    const keyLine = firstLine + i - 1;
    fieldLines.set(key, keyLine);
    found = true;
    const rest = trimSpaces(entry[2] ?? '');
    if (rest !== '') {
      const parsed = inlineValue(rest);
      if (parsed === GIVE_UP) return undefined;
      setItemLines(fieldLines, key, parsed, keyLine);
      value[key] = parsed;
      continue;
    }
    // An empty value: null, or the indented lines that follow, all at one indentation,
    // either all `- item` or all `name: value`.
    let indent = -1;
    let items: Scalar[] | undefined;
    let map: Record<string, Scalar | Scalar[]> | undefined;
    for (; i < lines.length; i++) {
      const nested = lines[i]!;
      const at = contentStart(nested);
      if (at === -1) continue;
      if (at === 0) break;
      if (indent === -1) {
        indent = at;
        if (nested.charCodeAt(at) === 45) items = [];
        else map = {};
      } else if (at !== indent) return undefined;
      const nestedLine = firstLine + i;
      if (items) {
        if (!nested.startsWith('- ', at)) return undefined;
        const parsed = scalar(trimSpaces(nested.slice(at + 2)), false);
        if (parsed === GIVE_UP) return undefined;
        fieldLines.set(`${key}.${items.length}`, nestedLine);
        items.push(parsed);
      } else if (map) {
        const pair = ENTRY.exec(nested.slice(at));
        if (!pair) return undefined;
        const name = pair[1]!;
        if (SPECIAL_KEY.test(name) || Object.hasOwn(map, name)) return undefined;
        const parsed = inlineValue(trimSpaces(pair[2] ?? ''));
        if (parsed === GIVE_UP) return undefined;
        fieldLines.set(`${key}.${name}`, nestedLine);
        setItemLines(fieldLines, `${key}.${name}`, parsed, nestedLine);
        map[name] = parsed;
      }
    }
    value[key] = items ?? map ?? null;
  }
  // An empty document is `null` to `yaml`, not a mapping: leave it to `yaml`.
  return found ? { value, fieldLines } : undefined;
}
