/**
 * Rendered article bodies live in files of the build cache, not in the content store Astro bundles into the build
 * (bodies were most of its size); the store keeps each body's path (`rendered.metadata.bodyFile`). A file is named
 * after the article and its content digest, and used again only while its HTML and the store entry naming it match the
 * digests recorded beside them (`bodies.json`); otherwise the body is rendered again.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DISK_TASKS, inParallel } from './in-parallel.ts';
import { moduleGraphDigest } from './module-graph.ts';
import { readRecord, sha256, writeRecord } from './verified-files.ts';

/** The key under `rendered.metadata` that holds the body's file. */
export const BODY_FILE = 'bodyFile';

/**
 * The modules that render Markdown: the pipeline, the render workers' own
 * code, and the excerpt kept with each rendering (`src/lib/description.ts`).
 */
export const PIPELINE_ENTRIES = ['src/markdown/index.ts', 'src/loaders/render-worker.ts', 'src/lib/description.ts'];

const RECORD = 'bodies.json';

/** The folder of rendered bodies under Astro's `cacheDir`. */
export function bodiesDir(cacheDir: string): string {
  return join(cacheDir, 'article-bodies');
}

/**
 * What renders a body besides its text: the pipeline's modules (followed
 * through their imports), the lockfile (packages, Astro included) and the
 * settings they are given. A template or a component is not part of it.
 */
export async function pipelineDigest(root: string, settings: unknown): Promise<string> {
  const lockfile = join(root, 'package-lock.json');
  const locked = existsSync(lockfile) ? await readFile(lockfile, 'utf8') : '';
  return sha256([await moduleGraphDigest(root, PIPELINE_ENTRIES), sha256(locked), JSON.stringify(settings)].join('\0'));
}

/**
 * An article's content digest: its file's text, the pipeline that renders it
 * and the digests of the image files it shows (`imageDigests`): an image
 * replaced under the same name changes the pages that show it.
 */
export function contentDigest(text: string, pipeline: string, images: readonly string[] = []): string {
  return sha256([pipeline, text, ...images].join('\0'));
}

/**
 * The SHA-256 of each image file of an article (absolute paths), read once
 * per `known` map however many articles share a file. A file that cannot be
 * read (it was checked a moment ago) is an error naming it.
 */
export function imageDigests(files: readonly string[], known: Map<string, Promise<string>>): Promise<string[]> {
  return Promise.all(
    files.map((file) => {
      let digest = known.get(file);
      if (!digest) {
        digest = readFile(file).then(
          (bytes) => sha256(bytes),
          (error: unknown) => {
            throw new Error(`${file}: cannot read this image (${(error as Error).message})`, { cause: error });
          },
        );
        known.set(file, digest);
      }
      return digest;
    }),
  );
}

/** The file of an article's body rendered from the text whose digest is `digest`. */
export function bodyFile(dir: string, id: string, digest: string): string {
  const name = sha256(`${id}\0${digest}`);
  return join(dir, `${name}.html`);
}

/** What was recorded when a body file was written. */
export interface BodyRecord {
  /** SHA-256 of the file's HTML. */
  html: string;
  /** `entryDigest` of the store entry that names it. */
  entry: string;
}

/** The digest of what the content store holds for an article. */
export function entryDigest(entry: {
  data: unknown;
  filePath?: string | undefined;
  digest?: string | number | undefined;
  rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
  assetImports?: readonly string[] | undefined;
}): string {
  return sha256(
    JSON.stringify([entry.data, entry.filePath, entry.digest, entry.rendered?.metadata, entry.assetImports ?? []]),
  );
}

/** The records of the body files, by file name; empty when there is none or it is damaged. */
export async function readBodyRecords(dir: string): Promise<Map<string, BodyRecord>> {
  const record = await readRecord<Record<string, BodyRecord>>(join(dir, RECORD));
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return new Map();
  return new Map(Object.entries(record));
}

export async function writeBodyRecords(dir: string, records: ReadonlyMap<string, BodyRecord>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeRecord(join(dir, RECORD), Object.fromEntries([...records].sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** The body in `file` when its HTML is the one recorded; `undefined` when missing or damaged. */
export async function verifiedBody(
  file: string,
  records: ReadonlyMap<string, BodyRecord>,
): Promise<string | undefined> {
  const record = records.get(basename(file));
  if (!record) return undefined;
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  return sha256(html) === record.html ? html : undefined;
}

/** Writes bodies (file and HTML), a few at a time. */
export async function writeBodies(dir: string, bodies: readonly { file: string; html: string }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await inParallel(bodies, DISK_TASKS, ({ file, html }) => writeFile(file, html));
}

/** Deletes the body files no entry of the store names any more (the record aside); gives how many. */
export async function pruneBodies(dir: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names
    .filter((name) => name !== RECORD)
    .map((name) => join(dir, name))
    .filter((file) => !keep.has(file));
  await inParallel(stale, DISK_TASKS, (file) => rm(file, { force: true }));
  return stale.length;
}
