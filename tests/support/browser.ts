/**
 * A real headless Chromium for browser tests, driven by playwright-core.
 * `CHROME_PATH` picks the reader's own Chrome or Chromium; otherwise the
 * Chromium carried by the @sparticuz/chromium package is used, so `npm ci`
 * alone brings a browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';

/** Flags of @sparticuz/chromium that would make the browser less like a reader's. */
const UNSAFE = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
]);

/** Keeps Chromium off the network it has no business reaching in tests. */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

/**
 * Unpacks the packaged Chromium (into the system's temporary folder) unless
 * `CHROME_PATH` names another: the package's check that it is there would let a
 * second test file launch it half unpacked.
 */
export async function prepareBrowser(): Promise<void> {
  if (process.env['CHROME_PATH']) return;
  const { default: packaged } = await import('@sparticuz/chromium');
  await packaged.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  const own = process.env['CHROME_PATH'];
  if (own) {
    return chromium.launch({ executablePath: own, headless: true, args: ['--no-sandbox', ...QUIET] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  const args = packaged.args.filter((arg) => !UNSAFE.has(arg));
  return chromium.launch({
    executablePath: await packaged.executablePath(),
    headless: true,
    args: [...args, ...QUIET],
  });
}

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built `dist/` on a free loopback port, as a static host would:
 * folders answer with their index.html, unknown paths with 404.html.
 * `basePath` mounts the site under a sub-path; `headers` are added to every answer.
 */
export async function serveStatic(
  dist: string,
  options: { basePath?: string; headers?: Record<string, string> } = {},
): Promise<StaticSite> {
  const base = options.basePath ?? '/';
  const files = sirv(dist, { dev: true, etag: false, extensions: ['html'] });
  const notFound = join(dist, '404.html');
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('Not under the base path');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      // A real 404 status, with the site's own 404 page, so link checkers see missing pages.
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * The headers a `_headers` file (Netlify, Cloudflare Pages syntax) sets for
 * every path (`/*`), so tests can serve pages as those hosts would.
 */
export function siteWideHeaders(dist: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inBlock = false;
  for (const line of readFileSync(join(dist, '_headers'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    if (!inBlock) continue;
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** The WCAG 2.x A and AA rules, up to 2.2, that axe-core checks. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and returns one line per violation
 * (`rule: help at selectors`). axe is injected as an inline script, so the page
 * must be opened without its CSP (`bypassCSP`, or a route that drops it).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    interface Violation {
      id: string;
      help: string;
      nodes: { target: string[] }[];
    }
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}
