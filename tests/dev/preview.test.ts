/**
 * The editors' live preview: `astro dev` on the fixture content, then the edits
 * an editor makes (headline, body, new article, rename, deletion, sections,
 * a mistake and its fix), each followed by waiting for the page to show it.
 * Every wait is for a state of the server, never a fixed delay; its time limit
 * only turns a hang into a failure with the server's output.
 */
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireAstroLock } from '../support/astro-lock.ts';
import { type DevServer, startDevServer } from '../support/dev-server.ts';
import {
  article,
  FIXTURE_NOW,
  OUTPUT,
  ROOT,
  SEED_PATH,
  SEED_URL,
  writeFixtureContent,
} from '../support/fixture-site.ts';

const NAME = 'dev-preview';
const content = join(OUTPUT, NAME, 'content');
const cache = join(OUTPUT, NAME, 'cache');
const bodies = join(cache, 'article-bodies');
const seedFile = join(content, 'articles', SEED_PATH);

let server: DevServer | undefined;
/** What the server printed so far. */
const output = (): string => server?.output() ?? '';
/** Releases the Astro lock (tests/support/astro-lock.ts), held while the dev server runs. */
let releaseLock: (() => void) | undefined;
/** How many rendered bodies the cache holds: one an article, once a change has been taken in. */
let bodyCount: number;

/** Polls `state` until it holds; fails with the server's output after `seconds`. */
async function until(what: string, state: () => Promise<boolean>, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  while (Date.now() < deadline) {
    if (
      await state().catch((error: unknown) => {
        last = error;
        return false;
      })
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const cause = last instanceof Error && last.cause instanceof Error ? `: ${last.cause.message}` : '';
  const why = last instanceof Error ? ` (last: ${last.message}${cause})` : '';
  throw new Error(`Waited ${seconds} s for ${what}${why}. Server output:\n${output()}`);
}

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(new URL(path, server!.base));
  return { status: response.status, html: await response.text() };
}

const shows = (path: string, text: string) => async () => {
  const { status, html } = await page(path);
  return status === 200 && html.includes(text);
};

/** Body files in the build cache, with their modification times. */
/** The rendered bodies (the record of their digests, `bodies.json`, aside). */
async function bodyFiles(): Promise<Map<string, number>> {
  const names = (await readdir(bodies)).filter((n) => n.endsWith('.html'));
  return new Map(await Promise.all(names.map(async (n) => [n, (await stat(join(bodies, n))).mtimeMs] as const)));
}

beforeAll(async () => {
  await rm(join(OUTPUT, NAME), { recursive: true, force: true });
  await writeFixtureContent(content);
  releaseLock = await acquireAstroLock();
  server = await startDevServer({ content, cache, now: FIXTURE_NOW });
  await until('the server to answer', async () => (await page('/')).status === 200, 120);
  bodyCount = (await bodyFiles()).size;
});

afterAll(async () => {
  await server?.stop();
  releaseLock?.();
});

describe('npm run dev', () => {
  it('starts without a log line per article', () => {
    const lines = output().split('\n');
    // The two warnings the fixture deserves (the seed's long headline, an image under public/), and no line per body written.
    const warnings = lines.filter((line) => line.includes('/articles/'));
    expect(warnings).toHaveLength(2);
    expect(warnings.find((line) => line.includes('logo-du-festival.md'))).toContain(
      'is served as it is, not optimised',
    );
    expect(output()).not.toContain('article-bodies');
    expect(output()).toMatch(/\d+ files, 0 errors, 2 warnings; 1 draft; 1 scheduled: /);
  });

  it('shows an edited headline', async () => {
    const text = await readFile(seedFile, 'utf8');
    await writeFile(seedFile, text.replace("title: 'La Russie", "title: 'Édité : la Russie"));
    await until('the new headline', shows(SEED_URL, 'Édité'));
  });

  it('shows an edited body, rendering that body alone again', async () => {
    // The body files of the headline's edit settled: the old one pruned.
    await until('one body file an article', async () => (await bodyFiles()).size === bodyCount);
    const before = await bodyFiles();
    const text = await readFile(seedFile, 'utf8');
    await writeFile(seedFile, `${text}\nUn paragraphe ajouté pendant l’aperçu.\n`);
    await until('the new paragraph', shows(SEED_URL, 'Un paragraphe ajouté pendant l’aperçu.'));
    await until('the old body file to be pruned', async () => (await bodyFiles()).size === bodyCount);
    const after = await bodyFiles();
    const added = [...after.keys()].filter((name) => !before.has(name));
    const removed = [...before.keys()].filter((name) => !after.has(name));
    expect(added).toHaveLength(1);
    expect(removed).toHaveLength(1);
    for (const [name, mtime] of after) if (before.has(name)) expect(mtime, name).toBe(before.get(name));
  });

  const fresh = join(content, 'articles', '2021', '06', 'nouvel-article.md');
  const freshUrl = '/culture/2021/06/29/nouvel-article/';

  it('shows a new article', async () => {
    await mkdir(dirname(fresh), { recursive: true });
    await writeFile(
      fresh,
      article({ title: '[Fictif] Un article ajouté', date: '2021-06-29T10:00:00+08:00', section: 'culture' }),
    );
    await until('the new article', shows(freshUrl, 'Un article ajouté'));
    await until('the new article in its section', shows('/culture/', 'Un article ajouté'));
  });

  it('follows a renamed article to its new address', async () => {
    const renamed = join(content, 'articles', '2021', '06', 'article-renomme.md');
    await rename(fresh, renamed);
    await until('the new address', shows('/culture/2021/06/29/article-renomme/', 'Un article ajouté'));
    await until('the old address to be gone', async () => (await page(freshUrl)).status === 404);
    await unlink(renamed);
    await until(
      'the deleted article to be gone',
      async () => (await page('/culture/2021/06/29/article-renomme/')).status === 404,
    );
    await until(
      'the deleted article out of its section',
      async () => !(await page('/culture/')).html.includes('Un article ajouté'),
    );
  });

  it('shows an edited sections.yaml', async () => {
    const file = join(content, 'sections.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace("name: 'Culture'", "name: 'Culture et idées'"));
    await until('the new section name', shows('/', 'Culture et idées'));
  });

  it('shows a mistake in the terminal and in the error overlay, as path:line: field: message, and recovers once it is fixed', async () => {
    // The overlay is drawn from what Vite's websocket sends the page: listen as the page does.
    const client = await (await fetch(new URL('@vite/client', server!.base))).text();
    const token = /wsToken = "([^"]+)"/.exec(client)?.[1];
    const socket = new WebSocket(`${server!.base.replace('http', 'ws')}?token=${token}`, 'vite-hmr');
    const overlays: string[] = [];
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; err?: { message: string } };
      if (message.type === 'error' && message.err) overlays.push(message.err.message);
    });
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    try {
      const good = await readFile(seedFile, 'utf8');
      await writeFile(seedFile, good.replace(/^date: .*$/m, 'date: 2021-02-30T08:19:00+08:00'));
      const line = `${relative(ROOT, seedFile)}:3: date: the day 30 February 2021 does not exist (February 2021 has 28 days), got "2021-02-30T08:19:00+08:00"`;
      await until('the error in the terminal', () => Promise.resolve(output().includes(line)));
      await until('the error page', async () => (await page('/')).status === 500);
      await until('the error in the overlay', () =>
        Promise.resolve(overlays.some((shown) => shown.replace(/&quot;/g, '"').includes(line))),
      );
      await writeFile(seedFile, good);
      await until('the page back once fixed', shows(SEED_URL, 'Édité'));
      expect(output()).toContain('Content errors fixed.');
    } finally {
      socket.close();
    }
  });
});
