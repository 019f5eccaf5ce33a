/**
 * Brings the site-wide "last updated" stamp (masthead) and the copyright year
 * (footer) up to date in pages the incremental build copied from a previous
 * build instead of rendering.
 *
 * Every page shows the newest change of the whole site, so a new article
 * would otherwise make every page "changed". Page cache keys
 * (`lib/cache-keys.ts`) leave these two elements out; after the build, this
 * takes them from the homepage, which is always rendered afresh, and writes
 * them into every page whose copy differs. A page rendered in this build
 * already matches and is not touched, so the output is the same as a cold
 * build's, byte for byte.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inParallel } from '../lib/in-parallel.ts';

const STAMP = /<p class="site-updated">.*?<\/p>/s;
const FOOTER_OPEN = '<footer class="site-footer">';
const FOOTER_CLOSE = '</footer>';

/** The footer's position: the last one, after anything an article body could hold. */
function footerSpan(html: string): [number, number] | undefined {
  const start = html.lastIndexOf(FOOTER_OPEN);
  if (start === -1) return undefined;
  const end = html.indexOf(FOOTER_CLOSE, start);
  return end === -1 ? undefined : [start, end + FOOTER_CLOSE.length];
}

export interface StampParts {
  /** The masthead's stamp element, absent when nothing is published. */
  stamp: string | undefined;
  footer: string;
}

/** The stamp and footer of a freshly rendered page. */
export function stampParts(html: string, file = 'the homepage'): StampParts {
  const span = footerSpan(html);
  if (!span) throw new Error(`site-stamp: no site footer in ${file}`);
  return { stamp: STAMP.exec(html)?.[0], footer: html.slice(...span) };
}

/** `html` with the stamp and footer of `parts`; throws on a page without the same elements. */
export function withStamp(html: string, parts: StampParts, file: string): string {
  const span = footerSpan(html);
  // Pages without the site's layout (none today) are left alone.
  if (!span) return html;
  const stamp = STAMP.exec(html);
  if ((stamp === null) !== (parts.stamp === undefined)) {
    // Cache keys include whether a stamp is shown, so a copied page always agrees with the homepage.
    throw new Error(`site-stamp: ${file} and the homepage disagree on showing the "last updated" stamp`);
  }
  let out = html.slice(0, span[0]) + parts.footer + html.slice(span[1]);
  if (stamp && parts.stamp) out = out.slice(0, stamp.index) + parts.stamp + out.slice(stamp.index + stamp[0].length);
  return out;
}

/** Updates every HTML page under `dir`; returns how many changed. */
export async function refreshStamps(dir: string): Promise<number> {
  const parts = stampParts(await readFile(join(dir, 'index.html'), 'utf8'));
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const rewritten = await inParallel(files, 16, async (file) => {
    const path = join(dir, file);
    const html = await readFile(path, 'utf8');
    const updated = withStamp(html, parts, file);
    if (updated === html) return false;
    await writeFile(path, updated);
    return true;
  });
  return rewritten.filter(Boolean).length;
}

export default function siteStamp(): AstroIntegration {
  return {
    name: 'rotative-site-stamp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const changed = await refreshStamps(fileURLToPath(dir));
        if (changed > 0) logger.info(`"Last updated" stamp brought up to date in ${changed} page(s) kept from the previous build`);
      },
    },
  };
}
