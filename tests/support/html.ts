/** Helpers to read built pages in tests. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';

/** Text with every run of white space (no-break spaces included) folded to one space. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export function load(html: string, options: { xml?: boolean } = {}): cheerio.CheerioAPI {
  return cheerio.load(html, options.xml ? { xml: true } : undefined);
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replace(/\\/g, '/'))
    .sort();
}

/** Site paths of every HTML page in `dist` (`index.html` → `/`, `404.html` → `/404.html`). */
export async function listPages(dist: string): Promise<string[]> {
  return (await listFiles(dist))
    .filter((f) => f.endsWith('.html'))
    .map((f) => (f.endsWith('index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`));
}

/** Files of `a` whose bytes differ from the same file in `b` (or that `b` lacks). */
export async function differingFiles(a: string, b: string): Promise<string[]> {
  const different: string[] = [];
  for (const file of await listFiles(a)) {
    const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file)).catch(() => undefined)]);
    if (!y || !x.equals(y)) different.push(file);
  }
  return different;
}
