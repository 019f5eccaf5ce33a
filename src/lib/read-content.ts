/**
 * Reads the content folder from disk and validates all of it. The only module
 * of `lib` that touches the file system; the build's loader and the editors'
 * checker both call it, with the content folder as an argument.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { ArticleRecord, Section } from './articles.ts';
import type { ContentProblem } from './problems.ts';
import { makeArticleSchema } from './schema.ts';
import { ARTICLES_DIR, SECTIONS_FILE, validateArticle, validateSections } from './validate.ts';

export interface ArticleFile {
  /** Path from the project root, forward slashes. */
  file: string;
  /** Full text of the file, for digests. */
  text: string;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Set when the file is valid. */
  record?: ArticleRecord;
}

export interface ContentSnapshot {
  sections: Section[];
  articles: ArticleFile[];
  /** Every problem of every file, errors and warnings. */
  problems: ContentProblem[];
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/** How messages name a file: from the project root when inside it, else in full. */
function displayPath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return toPosix(rel.startsWith('..') || isAbsolute(rel) ? absolute : rel);
}

/** Reads and validates `sections.yaml`; with no readable file, no section is known. */
export async function readSections(root: string, contentDir: string): Promise<{ sections: Section[]; problems: ContentProblem[] }> {
  const absolute = resolve(root, contentDir, SECTIONS_FILE);
  const file = displayPath(root, absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    return { sections: [], problems: [{ severity: 'error', file, message: 'missing: expected the list of sections here' }] };
  }
  return validateSections(text, file);
}

/** Files under the articles folder, sorted, as paths relative to it. */
export async function listArticleFiles(root: string, contentDir: string): Promise<string[]> {
  const base = resolve(root, contentDir, ARTICLES_DIR);
  const files = await glob('**/*', { cwd: base, dot: false, onlyFiles: true });
  return files.map(toPosix).sort();
}

/**
 * Reads everything under `contentDir` (relative to `root`) and validates it.
 * Non-Markdown files in the articles folder are errors: nothing is silently skipped.
 */
export async function readContent(root: string, contentDir: string): Promise<ContentSnapshot> {
  const { sections, problems } = await readSections(root, contentDir);
  const schema = makeArticleSchema(sections.map((s) => s.slug));
  const names = await listArticleFiles(root, contentDir);
  const articles: ArticleFile[] = [];
  await Promise.all(
    names.map(async (name) => {
      const absolute = resolve(root, contentDir, ARTICLES_DIR, name);
      const file = displayPath(root, absolute);
      if (!name.toLowerCase().endsWith('.md')) {
        problems.push({ severity: 'error', file, message: 'not a Markdown file: only .md files belong in content/articles/ (put images under public/)' });
        return;
      }
      const text = await readFile(absolute, 'utf8');
      const result = validateArticle(text, file, name, schema);
      problems.push(...result.problems);
      const article: ArticleFile = { file, text, body: result.body };
      if (result.record) article.record = result.record;
      articles.push(article);
    }),
  );
  articles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { sections, articles, problems };
}
