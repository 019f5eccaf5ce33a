/**
 * Validates content files' text against the schema, collecting every problem
 * instead of stopping at the first. Used by the build's loader and by the
 * checker, so both accept and refuse exactly the same files.
 */
import { distance } from 'fastest-levenshtein';
import type { ArticleRecord, Section } from './articles.ts';
import { isoAtOffset, readIsoWithOffset } from './dates.ts';
import { type CutValue, type ParsedSource, parseArticleSource, readYamlValues, yamlDocument } from './frontmatter.ts';
import { type ContentProblem, lineOfField, problemsFromZod } from './problems.ts';
import { type ArticleSchema, SLUG, articleFields, sectionSchema } from './schema.ts';
import { slugify } from './slug.ts';
import { isReservedPath } from './urls.ts';

/** Where `sections.yaml` and the articles live inside the content folder. */
export const SECTIONS_FILE = 'sections.yaml';
export const ARTICLES_DIR = 'articles';

/**
 * A NUL character (byte 0) in a content file, at its line: pages would show it as �. The file is read on without it,
 * so that YAML does not report it again, at line 1.
 */
export function nulProblem(text: string, file: string): { problem?: ContentProblem; text: string } {
  const nul = text.indexOf('\0');
  if (nul === -1) return { text };
  return {
    problem: {
      severity: 'error',
      file,
      line: lineAt(text, nul),
      message:
        'contains a NUL character (byte 0), which pages would show as �: delete it (it often comes with text copied out of a PDF or a word processor)',
    },
    text: text.replaceAll('\0', ''),
  };
}

export interface SectionsOptions {
  /**
   * The names at the top of `public/`, folders with a trailing slash (`photos/`, `logo.png`): served at `/<name>`,
   * so no section may take one.
   */
  publicEntries?: readonly string[];
}

/** Parses `content/sections.yaml`: a mapping from slug to name, description and order. */
export function validateSections(
  written: string,
  file: string,
  options: SectionsOptions = {},
): { sections: Section[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const { problem: nul, text } = nulProblem(written, file);
  if (nul) problems.push(nul);
  const read = readYamlValues(text);
  if ('errors' in read) {
    for (const e of read.errors)
      problems.push({ severity: 'error', file, line: e.line, ...field(e), message: e.message });
    return { sections: [], problems };
  }
  const { value } = read;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      severity: 'error',
      file,
      message: 'expected a mapping from section slug to its name, description and order',
    });
    return { sections: [], problems };
  }
  // One small file: its lines are always worth having.
  const { fieldLines, cutValues } = yamlDocument(text);
  // The section stays known (its articles are not refused for it): the error alone stops the build.
  for (const cut of cutValues)
    if (SECTION_TEXT_FIELD.test(cut.field))
      problems.push({ severity: 'error', file, line: cut.line, field: cut.field, message: cutMessage(cut) });
  const sections: Section[] = [];
  for (const [slug, raw] of Object.entries(value)) {
    const line = fieldLines.get(slug);
    const at = line === undefined ? {} : { line };
    if (!SLUG.test(slug)) {
      problems.push({
        severity: 'error',
        file,
        ...at,
        field: slug,
        message: 'expected a lower-case ASCII slug such as economie (letters, digits, hyphens)',
      });
      continue;
    }
    if (isReservedPath(slug)) {
      problems.push({
        severity: 'error',
        file,
        ...at,
        field: slug,
        message: `reserved: the site itself uses /${slug}/, so this section's pages would replace its own (or be replaced): choose another slug`,
      });
      continue;
    }
    const published = options.publicEntries?.find((entry) => entry.replace(/\/$/, '') === slug);
    if (published !== undefined) {
      problems.push({
        severity: 'error',
        file,
        ...at,
        field: slug,
        message: `reserved: public/${published} is published at /${slug}${published.endsWith('/') ? '/' : ''}, where this section's pages would go: choose another slug, or rename public/${published}`,
      });
      continue;
    }
    const result = sectionSchema.safeParse(raw);
    if (!result.success) {
      for (const p of problemsFromZod(result.error, file)) {
        const nested = p.field === undefined ? undefined : fieldLines.get(`${slug}.${p.field}`);
        problems.push({
          ...p,
          ...(nested === undefined ? at : { line: nested }),
          field: p.field ? `${slug}.${p.field}` : slug,
        });
      }
      continue;
    }
    sections.push({ slug, ...result.data });
  }
  if (sections.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', file, message: 'expected at least one section' });
  }
  return { sections, problems };
}

/** A section's fields whose plain text a ` #` would cut, as dotted paths from its slug. */
const SECTION_TEXT_FIELD = /^[^.]+\.(?:name|description|aliases\.\d+)$/;

function field(problem: { field?: string }): { field?: string } {
  return problem.field === undefined ? {} : { field: problem.field };
}

/** `world/2021/lavrov-blinken.md` → id `world/2021/lavrov-blinken`, slug `lavrov-blinken`. */
export function idAndSlug(pathInArticles: string): { id: string; slug: string } {
  const id = pathInArticles.replace(/\\/g, '/').replace(/\.md$/i, '');
  const base = id.split('/').pop() ?? id;
  return { id, slug: slugify(base) };
}

/** Headlines longer than this (in characters) get a warning: lists, feeds and search results cut them. */
export const LONG_TITLE = 110;

/**
 * The candidate an unknown word was probably meant to be, if one is close
 * enough: `editor` → `editors`, `sections` → `section`, `Title` → `title`.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // One typo in a short word, two in a longer one; more would suggest unrelated fields.
  const tolerance = Math.min(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= tolerance ? best : undefined;
}

/** Fields whose plain text a ` #` would cut: YAML reads the rest of the line as a comment. */
const TEXT_FIELD = /^(?:title|summary|source|editors\.\d+|tags\.\d+|image\.(?:alt|credit))$/;

/**
 * A `#` after white space on a line that is not a comment, or an indented line that starts with `#` (it may continue
 * the value above it): maybe a comment cutting a value short.
 */
const MAYBE_CUT = /^[ \t]*[^#\s].*?[ \t]#|^[ \t]+#/m;

/**
 * The line of each field, found only when a message needs one: parsing for
 * positions costs several times more than reading the values.
 */
function lazyLines(source: Pick<ParsedSource, 'yaml'>): (path: readonly PropertyKey[]) => number | undefined {
  let lines: ReadonlyMap<string, number> | undefined;
  return (path) => {
    lines ??= yamlDocument(source.yaml).fieldLines;
    return lineOfField(path, lines);
  };
}

/**
 * What is worth an editor's look but does not stop a build: unknown keys
 * (probably misspelt, and silently ignored otherwise), a very long headline.
 */
function articleWarnings(
  source: ParsedSource,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const at = (key: string) => {
    const line = lineOf([key]);
    return line === undefined ? {} : { line };
  };
  const known: readonly string[] = articleFields;
  for (const key of Object.keys(source.data)) {
    if (known.includes(key)) continue;
    const guess = didYouMean(key, known);
    warnings.push({
      severity: 'warning',
      file,
      ...at(key),
      field: key,
      message: guess
        ? `unknown field, ignored: did you mean ${guess}?`
        : `unknown field, ignored (known fields: ${known.join(', ')})`,
    });
  }
  const title = source.data['title'];
  if (typeof title === 'string') {
    const length = [...title.trim()].length;
    if (length > LONG_TITLE) {
      warnings.push({
        severity: 'warning',
        file,
        ...at('title'),
        field: 'title',
        message: `${length} characters, over ${LONG_TITLE}: lists, feeds and search results will cut it`,
      });
    }
  }
  return warnings;
}

/** The 1-based line of `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** What the file is checked against besides the schema: the build's clock. */
export interface ValidateOptions {
  /** The build's clock (`site.now`): an `updated` after it is refused. */
  now: Date;
}

export interface ValidatedArticle {
  /** Set only when the file has no error. */
  record?: ArticleRecord;
  /** Whether it is a draft, once its frontmatter is valid: an empty body is then allowed. */
  draft?: boolean;
  /** The Markdown after the frontmatter. */
  body: string;
  /** The file's line where the body starts, to place messages about the body. */
  bodyLine: number;
  /** The frontmatter's YAML, to find a field's line when a later check needs it (`fieldLine`). */
  frontmatter: string;
  problems: ContentProblem[];
}

/** What an article with nothing to read is told. */
export const EMPTY_BODY =
  'empty body: write the article below the frontmatter, or mark it draft: true until it is ready';

/** Said of a body that holds something, but nothing a reader sees. */
export const NOTHING_SHOWN = 'nothing in it is shown to readers';

/**
 * A body with nothing but white space and HTML comments (`<!-- à écrire -->`, closed or not, each starting a line
 * as a Markdown HTML block does): readers would get a blank article. What else shows nothing (a lone `<script>`, an
 * unused link definition) needs the Markdown pipeline: `src/markdown/check-body.ts` finds it.
 */
export function isBlankBody(body: string): boolean {
  return BLANK_BODY.test(body);
}

const BLANK_BODY = /^(?:[^\S\n]*(?:\n|$)|[ ]{0,3}(?:<!--(?:(?!-->)[\s\S])*(?:-->|$)[^\S\n]*)+(?:\n|$))*$/;

/** The line of a field in a frontmatter kept by `validateArticle`, found when needed. */
export function fieldLine(frontmatter: string, field: string): number | undefined {
  return lazyLines({ yaml: frontmatter })(field.split('.'));
}

/** Validates one article file; `record` is set only when it has no error. */
export function validateArticle(
  text: string,
  file: string,
  pathInArticles: string,
  schema: ArticleSchema,
  options: ValidateOptions,
): ValidatedArticle {
  const problems: ContentProblem[] = [];
  const { problem: nul, text: read } = nulProblem(text, file);
  if (nul) problems.push(nul);
  const source = parseArticleSource(read);
  const { body, bodyLine } = source;
  const result: ValidatedArticle = { body, bodyLine, frontmatter: source.yaml, problems };
  if (!source.hasFrontmatter) {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message: 'expected a frontmatter block between --- lines at the top of the file',
    });
    return result;
  }
  for (const e of source.yamlErrors)
    problems.push({ severity: 'error', file, line: e.line, ...field(e), message: e.message });
  if (source.yamlErrors.length > 0) return result;

  const lineOf = lazyLines(source);
  if (MAYBE_CUT.test(source.yaml)) {
    for (const cut of yamlDocument(source.yaml).cutValues) {
      if (!TEXT_FIELD.test(cut.field)) continue;
      problems.push({ severity: 'error', file, line: cut.line, field: cut.field, message: cutMessage(cut) });
    }
  }
  problems.push(...articleWarnings(source, file, lineOf));

  const { id, slug } = idAndSlug(pathInArticles);
  if (slug === '') {
    problems.push({
      severity: 'error',
      file,
      message: 'expected a file name with letters or digits, to make the URL from',
    });
  }
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) {
    for (const problem of problemsFromZod(parsed.error, file)) {
      const line = problem.field === undefined ? undefined : lineOf(problem.field.split('.'));
      problems.push(line === undefined ? problem : { ...problem, line });
    }
    return result;
  }
  const data = parsed.data;
  problems.push(...updateProblems(source.data, data, file, lineOf, options.now));
  result.draft = data.draft;
  if (!data.draft && isBlankBody(body)) {
    problems.push({
      severity: 'error',
      file,
      line: bodyLine,
      message: body.trim() === '' ? EMPTY_BODY : `${EMPTY_BODY.replace(':', `: ${NOTHING_SHOWN}:`)}`,
    });
  }
  if (problems.some((p) => p.severity === 'error')) return result;
  result.record = { id, slug, filePath: file, data };
  return result;
}

/** What to tell an editor whose plain value a ` #` cut (`CutValue`), here or on a line that continues it. */
function cutMessage(cut: CutValue): string {
  const where = cut.hashLine === cut.line ? '' : ` on line ${cut.hashLine}`;
  return `YAML reads what follows " #"${where} as a comment, so this is only "${cut.value}": put the whole value in quotes, ${singleQuoted(cut.written.replace(/\s*\n\s*/g, ' '))}`;
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * `updated` must come after `date` and before the build's clock: a future
 * update would become the page's stamp and the sitemap's `lastmod`. Both
 * messages give the instants in the offset the editor wrote `updated` in.
 */
function updateProblems(
  raw: Record<string, unknown>,
  data: { date: Date; updated?: Date | undefined },
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  now: Date,
): ContentProblem[] {
  const { date, updated } = data;
  if (!updated) return [];
  const written = typeof raw['updated'] === 'string' ? raw['updated'].trim() : undefined;
  const reading = written === undefined ? undefined : readIsoWithOffset(written);
  const offset = reading && 'offset' in reading ? reading.offset : 'Z';
  const shown = written ?? isoAtOffset(updated, offset);
  const problem = (message: string): ContentProblem => {
    const line = lineOf(['updated']);
    return { severity: 'error', file, ...(line === undefined ? {} : { line }), field: 'updated', message };
  };
  if (updated.getTime() < date.getTime())
    return [
      problem(
        `${shown} is earlier than date (${isoAtOffset(date, offset)}): an update comes after publication; correct either date`,
      ),
    ];
  if (updated.getTime() > now.getTime())
    return [
      problem(
        `${shown} is in the future (the build's clock says ${isoAtOffset(now, offset)}): pages and the sitemap would show it as the last update; correct it, or remove the line until the update is made`,
      ),
    ];
  return [];
}
