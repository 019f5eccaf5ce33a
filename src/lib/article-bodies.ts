/**
 * Rendered article bodies live in files in the build cache, not in the
 * content store.
 *
 * Astro bundles the whole content store into the build as one JavaScript
 * module, and bodies were 84 % of it (38 MB of 46 MB at 10,000 articles):
 * Vite parsed and wrote them once more, and the build held them in memory
 * several times over. The store keeps each body's metadata and the path of
 * its file (`rendered.metadata.bodyFile`); the article page reads the file
 * when it renders (`site-data.ts`).
 *
 * A file is named after the article and its digest (file and Markdown
 * pipeline), so an entry can never be paired with the body of another
 * version of its text, and the files of a build are exactly those its store
 * names: the others are deleted once the store is filled.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DISK_TASKS, inParallel } from './in-parallel.ts';

/** The key under `rendered.metadata` that holds the body's file. */
export const BODY_FILE = 'bodyFile';

/** The folder of rendered bodies under Astro's `cacheDir`. */
export function bodiesDir(cacheDir: string): string {
  return join(cacheDir, 'article-bodies');
}

/** The file of an article's body rendered from the text whose digest is `digest`. */
export function bodyFile(dir: string, id: string, digest: string): string {
  const name = createHash('sha256').update(`${id}\0${digest}`).digest('base64url');
  return join(dir, `${name}.html`);
}

/** Whether a stored rendering points at `file`, and the file is there. */
export function hasBody(metadata: Record<string, unknown> | undefined, file: string): boolean {
  return metadata?.[BODY_FILE] === file && existsSync(file);
}

/** Writes bodies (file and HTML), a few at a time. */
export async function writeBodies(dir: string, bodies: readonly { file: string; html: string }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await inParallel(bodies, DISK_TASKS, ({ file, html }) => writeFile(file, html));
}

/** Deletes the body files no entry of the store names any more; gives how many. */
export async function pruneBodies(dir: string, keep: ReadonlySet<string>): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.map((name) => join(dir, name)).filter((file) => !keep.has(file));
  await inParallel(stale, DISK_TASKS, (file) => rm(file, { force: true }));
  return stale.length;
}
