/**
 * Where an article's images may come from, one rule for `image.src` and body images, run by the checker and the build
 * alike (both call `readContent`): a path relative to the article that stays in the content folder (Astro's image
 * pipeline), a path under `public/` (served as it is, with a warning), an `https://` URL from `remoteImageHosts` with
 * its size (never downloaded); anything else is an error, and so is a file whose format and size cannot be read.
 * The file system is reached only through `rules.exists` and `rules.readable`.
 */
import { dirname, extname, relative, resolve, sep } from 'node:path';
import type { Html, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { definitions } from 'mdast-util-definitions';
import remarkGfmFast from '#src/markdown/remark-gfm-fast.ts';
import { isWithin } from './paths.ts';
import type { ContentProblem } from './problems.ts';

/** What Astro's image service turns into AVIF, WebP and a fallback. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'] as const;

export interface ImageRules {
  /** Absolute path of the content folder: relative paths may not leave it. */
  contentDir: string;
  /** Absolute path of `public/`, for `/…` paths. */
  publicDir: string;
  /** Hosts `https://` images may come from (`remoteImageHosts`). */
  remoteHosts: readonly string[];
  /** Whether a file exists at an absolute path. */
  exists(path: string): boolean;
  /** Whether an existing image file's format and size can be read, as Astro's image pipeline reads them. */
  readable(path: string): boolean | Promise<boolean>;
}

/** One image an article uses. */
export interface ImageRef {
  src: string;
  /** 1-based line in the file. */
  line?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
  /** How the editor wrote it, for the advice in messages. */
  form: 'frontmatter' | 'markdown' | 'figure' | 'html';
}

export type ImageVerdict =
  | { kind: 'local'; path: string }
  | { kind: 'public'; path: string; warning: string }
  | { kind: 'remote' }
  | { kind: 'error'; message: string };

const LOCAL_ADVICE = 'put the file beside the article or in content/images/ and write a path relative to the article';

function dimensionsAdvice(form: ImageRef['form']): string {
  if (form === 'frontmatter') return 'add width and height (in pixels) under image';
  if (form === 'html') return 'add width and height attributes';
  return 'write it as ::figure[caption]{src="…" alt="…" width=1200 height=800}';
}

/** An image reference as messages quote it, cut when long. */
function quoted(src: string): string {
  const trimmed = src.trim();
  return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed);
}

/** The verdict on one image reference of the article at `articlePath` (absolute). */
export function checkImageRef(ref: ImageRef, articlePath: string, rules: Omit<ImageRules, 'readable'>): ImageVerdict {
  const src = ref.src.trim();
  const shown = quoted(src);
  if (src.startsWith('//')) {
    return { kind: 'error', message: `${shown} has no scheme: write the full https:// URL` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https') {
    const hint = scheme === 'http' ? 'use its https:// address' : LOCAL_ADVICE;
    return { kind: 'error', message: `${shown}: "${scheme}:" images are not allowed: ${hint}` };
  }
  if (scheme === 'https') {
    let host: string;
    try {
      host = new URL(src).hostname.toLowerCase();
    } catch {
      return { kind: 'error', message: `${shown} is not a valid URL` };
    }
    if (!rules.remoteHosts.includes(host)) {
      return {
        kind: 'error',
        message: `${shown}: images from ${host} are not allowed: add "${host}" to remoteImageHosts in src/site.config.ts, or download the image and ${LOCAL_ADVICE}`,
      };
    }
    if (ref.width === undefined || ref.height === undefined) {
      return {
        kind: 'error',
        message: `${shown}: a remote image needs its width and height, since the build never downloads it: ${dimensionsAdvice(ref.form)}`,
      };
    }
    return { kind: 'remote' };
  }
  let path: string;
  try {
    path = decodeURI(src.split(/[?#]/)[0]!);
  } catch {
    return { kind: 'error', message: `${shown} is not a valid path` };
  }
  const extension = extname(path).toLowerCase();
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      kind: 'error',
      message: `${shown} is not an image the site can show: expected a ${IMAGE_EXTENSIONS.join(', ')} file`,
    };
  }
  if (path.startsWith('/')) {
    const file = resolve(rules.publicDir, `.${path}`);
    if (!isInside(file, rules.publicDir)) {
      return { kind: 'error', message: `${shown} leaves public/: ${LOCAL_ADVICE}` };
    }
    if (!rules.exists(file))
      return {
        kind: 'error',
        message: `${shown}: no such file under public/ (a path starting with / names a file there): check the name, or add public${path}; better, ${LOCAL_ADVICE}, so that it is optimised`,
      };
    return {
      kind: 'public',
      path: file,
      warning: `${shown} is served as it is, not optimised (no AVIF/WebP, no smaller sizes): ${LOCAL_ADVICE}`,
    };
  }
  if (ref.form === 'html') {
    return {
      kind: 'error',
      message: `${shown}: a local image in raw HTML is not processed: write it as ![alt](${src})`,
    };
  }
  const file = resolve(dirname(articlePath), path);
  if (!isInside(file, rules.contentDir)) {
    return { kind: 'error', message: `${shown} leaves the content folder: ${LOCAL_ADVICE}` };
  }
  if (!rules.exists(file)) {
    return {
      kind: 'error',
      message: `${shown}: no file at ${shownFile(file, rules)} (paths are relative to the article file): check the name, or add the file`,
    };
  }
  return { kind: 'local', path: file };
}

/** Whether `file` lies under `folder` (not the folder itself). */
function isInside(file: string, folder: string): boolean {
  return file !== folder && isWithin(file, folder);
}

/**
 * Bodies read as the pipeline reads them (GFM, then directives), so every image Astro's collector will find is found
 * here: without GFM, a footnote `[^1]: ![x](./x.png)` would read as a link definition and its image be missed.
 */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkGfmFast).use(remarkDirective);

/** Quick test before parsing: most bodies hold no image at all. */
const MAY_HOLD_IMAGE = /!\[|::figure|<img/i;

/** Every image a Markdown body uses, with its line in the file (`bodyLine`: the file line of the body's first line). */
export function bodyImageRefs(body: string, bodyLine: number): ImageRef[] {
  if (!MAY_HOLD_IMAGE.test(body)) return [];
  const tree = parser.parse(body);
  const definition = definitions(tree);
  const refs: ImageRef[] = [];
  const lineOf = (node: { position?: { start: { line: number } } | undefined }) =>
    node.position ? node.position.start.line + bodyLine - 1 : undefined;
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'image') refs.push({ src: node.url, line: lineOf(node), form: 'markdown' });
      else if (node.type === 'imageReference') {
        const url = definition(node.identifier)?.url;
        if (url !== undefined) refs.push({ src: url, line: lineOf(node), form: 'markdown' });
      } else if (node.type === 'leafDirective' && node.name === 'figure') {
        const { src, width, height } = node.attributes ?? {};
        if (typeof src === 'string') {
          refs.push({ src, line: lineOf(node), width: pixels(width), height: pixels(height), form: 'figure' });
        }
      } else if (node.type === 'html') refs.push(...htmlImages(node, lineOf(node)));
      if ('children' in node) visit(node.children);
    }
  };
  visit(tree.children);
  return refs;
}

function pixels(value: string | null | undefined): number | undefined {
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function htmlImages(node: Html, line: number | undefined): ImageRef[] {
  const refs: ImageRef[] = [];
  for (const [tag] of node.value.matchAll(/<img\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src === undefined) continue;
    refs.push({
      src,
      line,
      width: pixels(attribute(tag, 'width')),
      height: pixels(attribute(tag, 'height')),
      form: 'html',
    });
  }
  return refs;
}

/** A checked image of an article: errors and warnings, and the local files it uses. */
export interface ArticleImages {
  problems: ContentProblem[];
  /** Absolute paths of the local images (content folder) the article uses. */
  localFiles: string[];
  /** Absolute paths of every image file the article shows, local or under `public/`, once each, in order. */
  files: string[];
}

/** How a message names an image file: from the content folder's parent (`content/images/x.jpg`), or `public/…`. */
function shownFile(path: string, rules: Pick<ImageRules, 'contentDir' | 'publicDir'>): string {
  const from = isInside(path, rules.contentDir) ? dirname(rules.contentDir) : dirname(rules.publicDir);
  return relative(from, path).split(sep).join('/');
}

/**
 * Checks the lead image and every body image of one article. The lead image's line may be left to `imageLine`,
 * asked only for a message: finding a frontmatter field's line costs more than the rest of the check.
 */
export async function checkArticleImages(
  article: {
    file: string;
    path: string;
    image?: ImageRef | undefined;
    imageLine?: () => number | undefined;
    body: string;
    bodyLine: number;
  },
  rules: ImageRules,
): Promise<ArticleImages> {
  const problems: ContentProblem[] = [];
  const localFiles: string[] = [];
  const files = new Set<string>();
  const refs = [
    ...(article.image ? [{ ref: article.image, field: 'image.src' }] : []),
    ...bodyImageRefs(article.body, article.bodyLine).map((ref) => ({ ref, field: 'body' })),
  ];
  for (const { ref, field } of refs) {
    const verdict = checkImageRef(ref, article.path, rules);
    const at = () => {
      const line = ref.line ?? (ref === article.image ? article.imageLine?.() : undefined);
      return line === undefined ? {} : { line };
    };
    if ((verdict.kind === 'local' || verdict.kind === 'public') && !(await rules.readable(verdict.path)))
      problems.push({
        severity: 'error',
        file: article.file,
        ...at(),
        field,
        message: `${quoted(ref.src)}: ${shownFile(verdict.path, rules)} is not an image the site can read (neither its format nor its size can be read from it: a damaged file, or a web page saved under an image name): open it in an image editor and export it again as JPEG, PNG, WebP or AVIF`,
      });
    if (verdict.kind === 'error')
      problems.push({ severity: 'error', file: article.file, ...at(), field, message: verdict.message });
    else if (verdict.kind === 'public') {
      problems.push({ severity: 'warning', file: article.file, ...at(), field, message: verdict.warning });
      files.add(verdict.path);
    } else if (verdict.kind === 'local') {
      localFiles.push(verdict.path);
      files.add(verdict.path);
    }
  }
  return { problems, localFiles, files: [...files] };
}
