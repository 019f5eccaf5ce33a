/**
 * Reads the content folder from disk and validates all of it. The build's
 * loader and the editors' checker both call it, with the content folder, the
 * clock and the body checker as arguments.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type ArticleRecord, type Section, crossFileProblems } from './articles.ts';
import { createImageProbe } from './image-header.ts';
import { isWithin } from './paths.ts';
import { checkArticleImages, IMAGE_EXTENSIONS, type ImageRef } from './image-refs.ts';
import { type ContentProblem, compareProblems } from './problems.ts';
import { makeArticleSchema } from './schema.ts';
import { ARTICLES_DIR, fieldLine, SECTIONS_FILE, validateArticle, validateSections } from './validate.ts';

export interface ArticleFile {
  /** Path from the project root, forward slashes. */
  file: string;
  /** Full text of the file, for digests (empty when read with `keepText: false`). */
  text: string;
  /** The Markdown after the frontmatter (empty when read with `keepText: false`). */
  body: string;
  /** The file's line where the body starts. */
  bodyLine: number;
  /** The frontmatter's YAML, to find a field's line for a message. */
  frontmatter: string;
  /** Set when the file is valid. */
  record?: ArticleRecord;
  /**
   * Absolute paths of the image files it shows (in the content folder or under
   * `public/`): their bytes are part of the article's content digest.
   */
  images: string[];
}

export interface ContentSnapshot {
  sections: Section[];
  articles: ArticleFile[];
  /** Every problem of every file, errors and warnings, by file and line. */
  problems: ContentProblem[];
  /** How many files the content folder holds (editors' and systems' litter aside), all of them read. */
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

/**
 * Hidden names that are not content and are passed over: version control,
 * macOS folder settings, and the swap and lock files editors (Vim, Emacs)
 * keep beside the file being edited.
 */
export function isLitter(name: string): boolean {
  return /^(?:\.git|\.gitkeep|\.gitignore|\.gitattributes|\.DS_Store|\.#.*|\..*\.sw[a-p])$/.test(name);
}

function isImageFile(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** The frontmatter image as an image reference; its line is `leadImageLine`'s, found only for a message. */
function leadImageRef(
  image: { src: string; width?: number | undefined; height?: number | undefined } | undefined,
): ImageRef | undefined {
  if (!image) return undefined;
  return { src: image.src, width: image.width, height: image.height, form: 'frontmatter' };
}

/** The line of the lead image's `src` (or of `image`), for a message about it. */
function leadImageLine(frontmatter: string): number | undefined {
  return fieldLine(frontmatter, 'image.src') ?? fieldLine(frontmatter, 'image');
}

/**
 * The names at the top of `public/` (relative to `root`), folders with a trailing slash: Astro copies them to the
 * site's root, so they are addresses a section may not take. None when there is no such folder.
 */
export function publicEntries(root: string): string[] {
  try {
    const entries = readdirSync(resolve(root, 'public'), { withFileTypes: true });
    return entries.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).sort();
  } catch {
    return [];
  }
}

/** Reads and validates `sections.yaml`; with no readable file, no section is known. */
export async function readSections(
  root: string,
  contentDir: string,
): Promise<{ sections: Section[]; problems: ContentProblem[] }> {
  const absolute = resolve(root, contentDir, SECTIONS_FILE);
  const file = displayPath(root, absolute);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch {
    return {
      sections: [],
      problems: [{ severity: 'error', file, message: 'missing: expected the list of sections here' }],
    };
  }
  // Read on when it is not UTF-8, so that articles still find their sections: one error, not one per article.
  const encoding = encodingProblem(bytes, file);
  const read = validateSections(bytes.toString('utf8'), file, { publicEntries: publicEntries(root) });
  return encoding ? { ...read, problems: [encoding, ...read.problems] } : read;
}

/** A problem found in an article's body, placed by the body checker. */
export type BodyChecker = (
  body: string,
  where: {
    file: string;
    bodyLine: number;
    /** Whether the article is a draft (undefined when its frontmatter is invalid): only others must show something. */
    draft?: boolean | undefined;
  },
) => ContentProblem[] | Promise<ContentProblem[]>;

export interface ReadOptions {
  /** The build's clock: `updated` after it is an error. */
  now: Date;
  /** Checks each article's body: the Markdown pipeline's own checks (`src/markdown/check-body.ts`). */
  checkBody: BodyChecker;
  /** Hosts `https://` images may come from (the `remoteImageHosts` setting). Default none. */
  remoteImageHosts?: readonly string[] | undefined;
  /**
   * Keep each article's text and body, which the build renders. Default true.
   * The checker needs neither once checked.
   */
  keepText?: boolean;
}

/** A file under the content folder, found by `listFiles`. */
interface Listed {
  /** Path relative to the content folder, forward slashes. */
  name: string;
  /** What to report instead of reading it. */
  problem?: Omit<ContentProblem, 'file'>;
}

/**
 * Every file under `base`, sorted, with what is wrong with its place: hidden
 * files and folders are reported (never published, so never silently
 * skipped), links leaving the content folder or pointing at folders too.
 */
async function listFiles(base: string): Promise<Listed[]> {
  let realBase: string;
  try {
    realBase = realpathSync(base);
  } catch {
    // No content folder: nothing to list (the missing sections.yaml says where it was expected).
    return [];
  }
  const found: Listed[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = `${prefix}${entry.name}`;
      if (isLitter(entry.name)) continue;
      const hidden = entry.name.startsWith('.');
      if (entry.isDirectory()) {
        if (hidden) {
          found.push({
            name: `${name}/`,
            problem: {
              severity: 'error',
              message:
                'hidden folder: nothing in it is published; rename it without the leading dot, or move it out of the content folder',
            },
          });
        } else await walk(join(dir, entry.name), `${name}/`);
        continue;
      }
      if (hidden) {
        found.push({
          name,
          problem: {
            severity: 'error',
            message: 'hidden file: it is never published; rename it without the leading dot, or delete it',
          },
        });
        continue;
      }
      if (entry.isSymbolicLink()) {
        const problem = linkProblem(join(dir, entry.name), realBase);
        found.push(problem ? { name, problem } : { name });
        continue;
      }
      if (entry.isFile()) found.push({ name });
    }
  };
  await walk(base, '');
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What is wrong with a symbolic link in the content folder: one to a file inside it is read like that file. */
function linkProblem(path: string, realBase: string): Omit<ContentProblem, 'file'> | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return { severity: 'error', message: 'broken link: it points at nothing; delete it' };
  }
  if (!isWithin(target, realBase))
    return {
      severity: 'error',
      message: `link to ${target}, outside the content folder: the site publishes only what is in it; copy the file in instead`,
    };
  if (statSync(target).isDirectory())
    return {
      severity: 'error',
      message: 'link to a folder: links to folders are not followed; move the folder here instead',
    };
  return undefined;
}

/** The line and column of the first byte that is not UTF-8, for a message. */
function firstInvalidByte(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) break;
    i += length;
  }
  return { line, column: i - lineStart + 1 };
}

/** Bytes that are not UTF-8 (which pages would show as �), at the first one's line. */
function encodingProblem(bytes: Buffer, file: string): ContentProblem | undefined {
  if (isUtf8(bytes)) return undefined;
  const { line, column } = firstInvalidByte(bytes);
  return {
    severity: 'error',
    file,
    line,
    message: `not UTF-8 text (column ${column}): the file was probably saved as Latin-1 or Windows-1252; save it again as UTF-8`,
  };
}

/**
 * Reads everything under `contentDir` (relative to `root`) and validates it.
 * Nothing is silently skipped: a non-Markdown file in the articles folder is
 * an error, and a file the site does not use elsewhere in the folder a warning.
 */
export async function readContent(root: string, contentDir: string, options: ReadOptions): Promise<ContentSnapshot> {
  const { sections, problems } = await readSections(root, contentDir);
  const schema = makeArticleSchema(sections.map((s) => s.slug));
  const base = resolve(root, contentDir);
  const listed = await listFiles(base);
  const shownBase = displayPath(root, base);
  const keepText = options.keepText ?? true;
  const prefix = `${ARTICLES_DIR}/`;
  const articles: ArticleFile[] = [];
  const checks: Promise<ContentProblem[]>[] = [];
  const imageFiles: { name: string; file: string }[] = [];
  const usedImages = new Set<string>();
  const imageRules = {
    contentDir: base,
    publicDir: resolve(root, 'public'),
    remoteHosts: options.remoteImageHosts ?? [],
    exists: (path: string) => existsSync(path) && statSync(path).isFile(),
    readable: createImageProbe(),
  };
  for (const { name, problem } of listed) {
    if (name === SECTIONS_FILE) continue;
    // Names come from the listing: relative, with forward slashes and no `..`.
    const file = shownBase === '' ? name : `${shownBase}/${name}`;
    if (problem) {
      problems.push({ ...problem, file });
      continue;
    }
    if (isImageFile(name)) {
      imageFiles.push({ name, file });
      continue;
    }
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
        message: `not a Markdown file: only .md files and images (${IMAGE_EXTENSIONS.join(', ')}) belong in the content folder`,
      });
      continue;
    }
    const bytes = readFileSync(`${base}/${name}`);
    const encoding = encodingProblem(bytes, file);
    if (encoding) {
      problems.push(encoding);
      continue;
    }
    const text = bytes.toString('utf8');
    const validated = validateArticle(text, file, name.slice(prefix.length), schema, { now: options.now });
    problems.push(...validated.problems);
    const { body, bodyLine, frontmatter } = validated;
    let record = validated.record;
    let shown: string[] = [];
    if (record) {
      const images = await checkArticleImages(
        {
          file,
          path: `${base}/${name}`,
          image: leadImageRef(record.data.image),
          imageLine: () => leadImageLine(frontmatter),
          body,
          bodyLine,
        },
        imageRules,
      );
      problems.push(...images.problems);
      for (const used of images.localFiles) usedImages.add(used);
      shown = images.files;
      if (images.problems.some((p) => p.severity === 'error')) record = undefined;
    }
    const checked = options.checkBody(body, { file, bodyLine, draft: validated.draft });
    if (Array.isArray(checked)) problems.push(...checked);
    else checks.push(checked);
    const article: ArticleFile = {
      file,
      text: keepText ? text : '',
      body: keepText ? body : '',
      bodyLine,
      frontmatter,
      images: shown,
    };
    if (record) article.record = record;
    articles.push(article);
  }
  for (const found of await Promise.all(checks)) problems.push(...found);
  for (const { name, file } of imageFiles) {
    if (usedImages.has(resolve(base, name))) continue;
    problems.push({ severity: 'warning', file, message: 'image not used by any article' });
  }
  problems.sort(compareProblems);
  return { sections, articles, problems, fileCount: listed.length };
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
    const frontmatter = snapshot.articles.find((a) => a.file === problem.file)?.frontmatter;
    const line = field === undefined || frontmatter === undefined ? undefined : fieldLine(frontmatter, field);
    return line === undefined ? problem : { ...problem, line };
  });
  return [...snapshot.problems, ...across].sort(compareProblems);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The last line of the checker's report and the build's: files, errors and
 * warnings, then drafts and scheduled articles (`2 drafts; 1 scheduled:
 * "…" at 02.12.2026 14h00`), so nothing waits unpublished without a word.
 */
export function contentSummary(
  snapshot: Pick<ContentSnapshot, 'articles' | 'fileCount'>,
  problems: readonly ContentProblem[],
  options: { now: Date; dateTime: (date: Date) => string },
): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const parts = [
    `${count(snapshot.fileCount, 'file')}, ${count(errors, 'error')}, ${count(problems.length - errors, 'warning')}`,
  ];
  const records = snapshot.articles.flatMap((a) => (a.record ? [a.record] : []));
  const drafts = records.filter((r) => r.data.draft).length;
  if (drafts > 0) parts.push(count(drafts, 'draft'));
  const scheduled = records
    .filter((r) => !r.data.draft && r.data.date.getTime() > options.now.getTime())
    .sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || (a.id < b.id ? -1 : 1));
  if (scheduled.length > 0)
    parts.push(
      `${scheduled.length} scheduled: ${scheduled.map((r) => `"${r.data.title}" at ${options.dateTime(r.data.date)}`).join(', ')}`,
    );
  return parts.join('; ');
}
