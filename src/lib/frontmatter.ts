/**
 * Splits an article file into frontmatter and body, the same way for the Astro
 * build and for the editors' tools, and remembers where each field stands so
 * messages can point at `path:line`.
 *
 * YAML is read with the 1.2 core schema: dates stay text, so the schema can
 * insist on an explicit offset instead of silently assuming UTC.
 */
import matter from 'gray-matter';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';

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
  /** 1-based line of each top-level frontmatter key in the file. */
  fieldLines: Map<string, number>;
  /** Problems of the YAML itself, with file positions. */
  yamlErrors: YamlProblem[];
}

/** Parses YAML text, collecting errors and the line of each top-level key. */
export function parseYaml(
  text: string,
  lineOffset = 0,
): { value: unknown; fieldLines: Map<string, number>; errors: YamlProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? error.message;
    return { line: line + lineOffset, column: col, message };
  });
  const fieldLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        fieldLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + lineOffset);
      }
    }
  }
  return { value: errors.length > 0 ? undefined : doc.toJS(), fieldLines, errors };
}

/** Splits and parses one article file's text. */
export function parseArticleSource(text: string): ParsedSource {
  let fieldLines = new Map<string, number>();
  let yamlErrors: YamlProblem[] = [];
  let raw: unknown = {};
  // Passing options also turns off gray-matter's cache, which would keep every file in memory.
  const file = matter(text, {
    engines: {
      yaml: (source: string) => {
        // gray-matter hands over the text after the opening `---`, so its line 1 is the file's line 1.
        const result = parseYaml(source);
        fieldLines = result.fieldLines;
        yamlErrors = result.errors;
        raw = result.value;
        return {};
      },
    },
  });
  const hasFrontmatter = /^\uFEFF?---\r?\n/.test(text);
  const data = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (hasFrontmatter && yamlErrors.length === 0 && raw !== undefined && raw !== null && data !== raw) {
    yamlErrors.push({ line: 2, column: 1, message: 'expected the frontmatter to be a mapping of field: value lines' });
  }
  return { data, body: file.content, hasFrontmatter, fieldLines, yamlErrors };
}
