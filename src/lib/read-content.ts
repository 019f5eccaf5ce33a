/**
 * Reads the content folder from disk and validates all of it. The only module
 * of `lib` that touches the file system; the build's loader and the editors'
 * checker both call it, with the content folder as an argument.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { type ArticleRecord, type Section, crossFileProblems } from './articles.ts';
import { type ContentProblem, compareProblems } from './problems.ts';
import { makeArticleSchema } from './schema.ts';
import { ARTICLES_DIR, SECTIONS_FILE, validateArticle, validateSections } from './validate.ts';

export interface ArticleFile {
  /** Path from the project root, forward slashes. */
  file: string;
  /** Full text of the file, for digests (empty when read with `keepText: false`). */
  text: string;
  /** The Markdown after the frontmatter (empty when read with `keepText: false`). */
  body: string;
  /** Set when the file is valid. */
  record?: ArticleRecord;
  /** The line of each frontmatter field and list item, for messages about the file. */
  fieldLines: ReadonlyMap<string, number>;
}

export interface ContentSnapshot {
  sections: Section[];
  articles: ArticleFile[];
  /** Every problem of every file, errors and warnings, by file and line. */
  problems: ContentProblem[];
  /** How many files the content folder holds (hidden files aside), all of them read. */
  fileCount: number;
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/** How messages name a file: from the project root when inside it, else in full. */
export function displayPath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return toPosix(rel.startsWith('..') || isAbsolute(rel) ? absolute : rel);
}

/** One buffer for every article read, grown when a file needs more. */
let buffer = Buffer.allocUnsafe(1 << 16);

/** The bytes of a file, in the shared buffer (valid until the next read): its length. */
function readBytes(path: string): number {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return length;
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes `String#trim` removes that are ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);

/**
 * A file's text, read synchronously: on 10,000 small files about a third
 * faster than `readFileSync` and four times faster than `fs/promises`.
 *
 * With `whole: false`, the text as far as validation looks: the frontmatter,
 * then the body only up to its first ASCII character that is not white space
 * (all of it when there is none), so that the body is blank exactly when the
 * whole body is. The checker reads that way: decoding 10,000 bodies it never
 * shows, and collecting them, took about 0.3 s of its 2 s budget. A file of
 * another shape is read whole.
 */
function readText(path: string, whole: boolean): string {
  const length = readBytes(path);
  let end = length;
  // The usual shape, as `readUsualShape` in frontmatter.ts finds it: `---` line, block, `\n---`.
  if (
    !whole &&
    buffer[0] === 0x2d &&
    buffer[1] === 0x2d &&
    buffer[2] === 0x2d &&
    (buffer[3] === 0x0a || (buffer[3] === 0x0d && buffer[4] === 0x0a))
  ) {
    const close = buffer.subarray(0, length).indexOf('\n---', 3);
    if (close !== -1) {
      // Bytes from 0x80 up may be white space to `trim` (U+00A0…) or not: an ASCII byte settles it.
      let first = close + 4;
      while (first < length && (isAsciiSpace(buffer[first]!) || buffer[first]! >= 0x80)) first++;
      end = Math.min(length, first + 1);
    }
  }
  return buffer.toString('utf8', 0, end);
}

/** Reads and validates `sections.yaml`; with no readable file, no section is known. */
export async function readSections(
  root: string,
  contentDir: string,
): Promise<{ sections: Section[]; problems: ContentProblem[] }> {
  const absolute = resolve(root, contentDir, SECTIONS_FILE);
  const file = displayPath(root, absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    return {
      sections: [],
      problems: [{ severity: 'error', file, message: 'missing: expected the list of sections here' }],
    };
  }
  return validateSections(text, file);
}

export interface ReadOptions {
  /**
   * Keep each article's text and body, which the build renders. Default true.
   * The checker needs neither: without them, a body is not even decoded past
   * its first character, and problems and records are the same.
   */
  keepText?: boolean;
}

/**
 * Reads everything under `contentDir` (relative to `root`) and validates it.
 * Nothing is silently skipped: a non-Markdown file in the articles folder is
 * an error, and a file the site does not use elsewhere in the folder a warning.
 */
export async function readContent(
  root: string,
  contentDir: string,
  options: ReadOptions = {},
): Promise<ContentSnapshot> {
  const { sections, problems } = await readSections(root, contentDir);
  const schema = makeArticleSchema(sections.map((s) => s.slug));
  const base = resolve(root, contentDir);
  const names = (await glob('**/*', { cwd: base, dot: false, onlyFiles: true })).map(toPosix).sort();
  const shownBase = displayPath(root, base);
  const keepText = options.keepText ?? true;
  const prefix = `${ARTICLES_DIR}/`;
  const articles: ArticleFile[] = [];
  for (const name of names) {
    if (name === SECTIONS_FILE) continue;
    // Names come from the glob: relative, with forward slashes and no `..`.
    const file = shownBase === '' ? name : `${shownBase}/${name}`;
    if (!name.startsWith(prefix)) {
      problems.push({
        severity: 'warning',
        file,
        message: `not used by the site: articles go under ${ARTICLES_DIR}/, sections in ${SECTIONS_FILE}`,
      });
      continue;
    }
    if (!name.toLowerCase().endsWith('.md')) {
      problems.push({
        severity: 'error',
        file,
        message: 'not a Markdown file: only .md files belong in content/articles/ (put images under public/)',
      });
      continue;
    }
    const text = readText(`${base}/${name}`, keepText);
    const {
      record,
      body,
      problems: found,
      fieldLines,
    } = validateArticle(text, file, name.slice(prefix.length), schema);
    problems.push(...found);
    const article: ArticleFile = keepText ? { file, text, body, fieldLines } : { file, text: '', body: '', fieldLines };
    if (record) article.record = record;
    articles.push(article);
  }
  problems.sort(compareProblems);
  return { sections, articles, problems, fileCount: names.length };
}

/**
 * Every problem the build acts on: each file's own, and those across articles
 * (colliding URLs, `related` ids naming no article) among the articles that
 * are built, drafts left out. The build and the checker both call this.
 */
export function contentProblems(snapshot: ContentSnapshot, timeZone: string): ContentProblem[] {
  const built = snapshot.articles.flatMap((a) => (a.record && !a.record.data.draft ? [a.record] : []));
  const across = crossFileProblems(built, timeZone).map((problem) => {
    const field = problem.field;
    const line =
      field === undefined ? undefined : snapshot.articles.find((a) => a.file === problem.file)?.fieldLines.get(field);
    return line === undefined ? problem : { ...problem, line };
  });
  return [...snapshot.problems, ...across].sort(compareProblems);
}
