/**
 * Validates content files' text against the schema, collecting every problem
 * instead of stopping at the first. Used by the build's loader and by the
 * checker, so both accept and refuse exactly the same files.
 */
import { distance } from 'fastest-levenshtein';
import type { ArticleRecord, Section } from './articles.ts';
import { type ParsedSource, parseArticleSource, parseYaml } from './frontmatter.ts';
import { type ContentProblem, problemsFromZod } from './problems.ts';
import { type ArticleSchema, SLUG, articleFields, sectionSchema } from './schema.ts';
import { slugify } from './slug.ts';

/** Where `sections.yaml` and the articles live inside the content folder. */
export const SECTIONS_FILE = 'sections.yaml';
export const ARTICLES_DIR = 'articles';

/** Parses `content/sections.yaml`: a mapping from slug to name, description and order. */
export function validateSections(text: string, file: string): { sections: Section[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const { value, fieldLines, errors } = parseYaml(text);
  for (const e of errors)
    problems.push({
      severity: 'error',
      file,
      line: e.line,
      message: `invalid YAML at column ${e.column}: ${e.message}`,
    });
  if (errors.length > 0) return { sections: [], problems };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      severity: 'error',
      file,
      message: 'expected a mapping from section slug to its name, description and order',
    });
    return { sections: [], problems };
  }
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
    const result = sectionSchema.safeParse(raw);
    if (!result.success) {
      for (const p of problemsFromZod(result.error, file))
        problems.push({ ...p, ...at, field: p.field ? `${slug}.${p.field}` : slug });
      continue;
    }
    sections.push({ slug, ...result.data });
  }
  if (sections.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', file, message: 'expected at least one section' });
  }
  return { sections, problems };
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

/**
 * What is worth an editor's look but does not stop a build: unknown keys
 * (probably misspelt, and silently ignored otherwise), an empty body, a very
 * long headline.
 */
function articleWarnings(source: ParsedSource, file: string): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const at = (key: string) => {
    const line = source.fieldLines.get(key);
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
  if (source.body.trim() === '') {
    warnings.push({ severity: 'warning', file, message: 'empty body: write the article below the frontmatter' });
  }
  return warnings;
}

/** Validates one article file; `record` is set only when it has no error. */
export function validateArticle(
  text: string,
  file: string,
  pathInArticles: string,
  schema: ArticleSchema,
): { record?: ArticleRecord; body: string; problems: ContentProblem[]; fieldLines: ReadonlyMap<string, number> } {
  const problems: ContentProblem[] = [];
  const source = parseArticleSource(text);
  const { body, fieldLines } = source;
  if (!source.hasFrontmatter) {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message: 'expected a frontmatter block between --- lines at the top of the file',
    });
    return { body, problems, fieldLines };
  }
  for (const e of source.yamlErrors) {
    problems.push({
      severity: 'error',
      file,
      line: e.line,
      message: `invalid YAML at column ${e.column}: ${e.message}`,
    });
  }
  if (source.yamlErrors.length > 0) return { body, problems, fieldLines };
  problems.push(...articleWarnings(source, file));

  const { id, slug } = idAndSlug(pathInArticles);
  if (slug === '') {
    problems.push({
      severity: 'error',
      file,
      message: 'expected a file name with letters or digits, to make the URL from',
    });
  }
  const result = schema.safeParse(source.data);
  if (!result.success) {
    problems.push(...problemsFromZod(result.error, file, fieldLines));
    return { body, problems, fieldLines };
  }
  if (problems.some((p) => p.severity === 'error')) return { body, problems, fieldLines };
  return { record: { id, slug, filePath: file, data: result.data }, body, problems, fieldLines };
}
