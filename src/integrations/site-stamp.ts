/**
 * Brings the site-wide "last updated" stamp (masthead) and the copyright year
 * (footer) up to date in pages the incremental build copied from a previous
 * build instead of rendering, and the "Conseils de la rédaction" of articles
 * that show their section's newest articles.
 *
 * Every page shows the newest change of the whole site, so a new article
 * would otherwise make every page "changed". Page cache keys
 * (`lib/cache-keys.ts`) leave these two elements out; after the build, this
 * takes them from the homepage, which is always rendered afresh, and writes
 * them into every page whose copy differs. A page rendered in this build
 * already matches and is not touched, so the output is the same as a cold
 * build's, byte for byte.
 *
 * Picks work the same way: an article whose picks are its section's newest
 * (`picksAreSectionNewest`) marks its block with the section
 * (`data-section-newest`), and its key leaves the picks out; the block comes
 * from `build-fragments/picks/<section>/`, rendered afresh whenever the
 * section's newest change, and that folder is then deleted from the output.
 */
import { existsSync } from 'node:fs';
import { open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closingTag } from '../lib/html-element.ts';
import { DISK_TASKS, inParallel } from '../lib/in-parallel.ts';

const STAMP_OPEN = '<p class="site-updated">';
const STAMP_CLOSE = '</p>';
const FOOTER_OPEN = '<footer class="site-footer">';
const FOOTER_CLOSE = '</footer>';
const PICKS_MARK = ' data-section-newest="';

/** The build's own pages, never published: see `src/pages/build-fragments/`. */
export const FRAGMENTS_DIR = 'build-fragments';

type Span = [start: number, end: number];

/** The masthead's stamp: the first one, before anything an article body could hold. */
function stampSpan(page: Buffer): Span | undefined {
  const start = page.indexOf(STAMP_OPEN);
  if (start === -1) return undefined;
  const end = page.indexOf(STAMP_CLOSE, start);
  return end === -1 ? undefined : [start, end + STAMP_CLOSE.length];
}

/** The footer: the last one, after anything an article body could hold. */
function footerSpan(page: Buffer): Span | undefined {
  const start = page.lastIndexOf(FOOTER_OPEN);
  if (start === -1) return undefined;
  const end = page.indexOf(FOOTER_CLOSE, start);
  return end === -1 ? undefined : [start, end + FOOTER_CLOSE.length];
}

export interface StampParts {
  /** The masthead's stamp element, absent when nothing is published. */
  stamp: Buffer | undefined;
  footer: Buffer;
}

/** The stamp and footer of a freshly rendered page. */
export function stampParts(page: Buffer, file = 'the homepage'): StampParts {
  const footer = footerSpan(page);
  if (!footer) throw new Error(`site-stamp: no site footer in ${file}`);
  const stamp = stampSpan(page);
  return { stamp: stamp && page.subarray(...stamp), footer: page.subarray(...footer) };
}

/** Bytes to write at `offset`, over as many bytes. */
export interface Patch {
  offset: number;
  bytes: Buffer;
}

/**
 * What brings `page` up to date with `parts`: no patch when it already is;
 * patches in place when the new elements are as long as the old ones (the
 * usual case, as dates and years are written at a fixed width), so a kept
 * page costs a few dozen bytes written instead of the whole page; else the
 * whole new page. Throws on a page without the same elements.
 */
export function stampUpdate(page: Buffer, parts: StampParts, file: string): Patch[] | Buffer {
  const footer = footerSpan(page);
  // Pages without the site's layout (none today) are left alone.
  if (!footer) return [];
  const stamp = stampSpan(page);
  if ((stamp === undefined) !== (parts.stamp === undefined)) {
    // Cache keys include whether a stamp is shown, so a copied page always agrees with the homepage.
    throw new Error(`site-stamp: ${file} and the homepage disagree on showing the "last updated" stamp`);
  }
  const changes: { span: Span; bytes: Buffer }[] = [];
  if (stamp && parts.stamp && !page.subarray(...stamp).equals(parts.stamp))
    changes.push({ span: stamp, bytes: parts.stamp });
  if (!page.subarray(...footer).equals(parts.footer)) changes.push({ span: footer, bytes: parts.footer });
  if (changes.every(({ span: [start, end], bytes }) => bytes.length === end - start)) {
    return changes.map(({ span: [offset], bytes }) => ({ offset, bytes }));
  }
  // The stamp comes before the footer: cut the page at both, in order.
  const pieces: Buffer[] = [];
  let at = 0;
  for (const {
    span: [start, end],
    bytes,
  } of changes) {
    pieces.push(page.subarray(at, start), bytes);
    at = end;
  }
  pieces.push(page.subarray(at));
  return Buffer.concat(pieces);
}

/** A marked picks block: its section and where it is. The last one of the page, after anything an article body could hold. */
function picksBlock(page: Buffer): { section: string; span: Span } | undefined {
  const mark = page.lastIndexOf(PICKS_MARK);
  if (mark === -1) return undefined;
  const valueStart = mark + PICKS_MARK.length;
  const section = page.toString('latin1', valueStart, page.indexOf('"', valueStart));
  const start = page.lastIndexOf('<', mark);
  const close = closingTag(page, start);
  return close && { section, span: [start, close[1]] };
}

/** Each section's picks block, from the pages under `FRAGMENTS_DIR`. */
export async function sectionPicks(dir: string): Promise<Map<string, Buffer>> {
  const root = join(dir, FRAGMENTS_DIR, 'picks');
  const blocks = new Map<string, Buffer>();
  if (!existsSync(root)) return blocks;
  for (const section of await readdir(root)) {
    const page = await readFile(join(root, section, 'index.html'));
    const block = picksBlock(page);
    // A section with too few articles for shared picks shows none.
    if (block) blocks.set(block.section, page.subarray(...block.span));
  }
  return blocks;
}

/** `page` with its marked picks block replaced by its section's; undefined when it already matches or has none. */
export function withSectionPicks(page: Buffer, blocks: ReadonlyMap<string, Buffer>, file: string): Buffer | undefined {
  const block = picksBlock(page);
  if (!block) return undefined;
  const current = blocks.get(block.section);
  if (!current)
    throw new Error(
      `site-stamp: ${file} shows the newest of section "${block.section}", which has no picks block in ${FRAGMENTS_DIR}/`,
    );
  if (page.subarray(...block.span).equals(current)) return undefined;
  return Buffer.concat([page.subarray(0, block.span[0]), current, page.subarray(block.span[1])]);
}

/** Updates every HTML page under `dir`, then deletes the build's fragments; returns how many pages changed. */
export async function refreshStamps(dir: string): Promise<number> {
  const parts = stampParts(await readFile(join(dir, 'index.html')));
  const picks = await sectionPicks(dir);
  await rm(join(dir, FRAGMENTS_DIR), { recursive: true, force: true });
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const rewritten = await inParallel(files, DISK_TASKS, async (file) => {
    const path = join(dir, file);
    const read = await readFile(path);
    const withPicks = withSectionPicks(read, picks, file);
    const page = withPicks ?? read;
    const update = stampUpdate(page, parts, file);
    if (Buffer.isBuffer(update) || withPicks) {
      await writeFile(path, Buffer.isBuffer(update) ? update : applyPatches(page, update));
      return true;
    }
    if (update.length === 0) return false;
    // Astro copied the page from its cache (a file of its own), so writing into it is safe.
    const handle = await open(path, 'r+');
    try {
      for (const { offset, bytes } of update) await handle.write(bytes, 0, bytes.length, offset);
    } finally {
      await handle.close();
    }
    return true;
  });
  return rewritten.filter(Boolean).length;
}

/** Writes `patches` into `page` (a buffer of this process's own) and gives it. */
function applyPatches(page: Buffer, patches: readonly Patch[]): Buffer {
  for (const { offset, bytes } of patches) bytes.copy(page, offset);
  return page;
}

export default function siteStamp(): AstroIntegration {
  return {
    name: 'rotative-site-stamp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const changed = await refreshStamps(fileURLToPath(dir));
        if (changed > 0)
          logger.info(
            `"Last updated" stamp and section picks brought up to date in ${changed} page(s) kept from the previous build`,
          );
      },
    },
  };
}
