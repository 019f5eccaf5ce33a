import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FRAGMENTS_DIR,
  type Patch,
  refreshStamps,
  stampParts,
  stampUpdate,
  withSectionPicks,
} from '#src/integrations/site-stamp.ts';

const page = (stamp: string, year: string, body = '') =>
  `<header><p class="site-name">R</p>${stamp}</header><main>${body}</main><footer class="site-footer"><nav>…</nav><p>© ${year} Rotative</p></footer>`;
const stamp = (iso: string, words = 'Dernière mise à jour') =>
  `<p class="site-updated"><time datetime="${iso}">${words} ${iso}</time></p>`;

/** The page after an update, whichever form it took. */
function applied(before: string, update: Patch[] | Buffer): string {
  if (Buffer.isBuffer(update)) return update.toString();
  const bytes = Buffer.from(before);
  for (const { offset, bytes: patch } of update) patch.copy(bytes, offset);
  return bytes.toString();
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('site-stamp', () => {
  const fresh = stampParts(Buffer.from(page(stamp('2022-01-02T08:00:00+08:00'), '2022')));

  it('brings the stamp and the copyright year of a kept page up to date, in place', () => {
    const kept = page(stamp('2021-12-31T20:00:00+08:00'), '2021');
    const update = stampUpdate(Buffer.from(kept), fresh, 'a.html');
    // Same lengths: two patches, not a new page.
    expect(Array.isArray(update) && update.length).toBe(2);
    expect(applied(kept, update)).toBe(page(stamp('2022-01-02T08:00:00+08:00'), '2022'));
  });

  it('writes the whole page when the new stamp is not as long as the old one', () => {
    const kept = page(stamp('2021-12-31T20:00:00+08:00', 'Mis à jour'), '2021', '<p>Texte « accentué »</p>');
    const update = stampUpdate(Buffer.from(kept), fresh, 'a.html');
    expect(Buffer.isBuffer(update)).toBe(true);
    expect(applied(kept, update)).toBe(page(stamp('2022-01-02T08:00:00+08:00'), '2022', '<p>Texte « accentué »</p>'));
  });

  it('leaves a page rendered in this build as it is', () => {
    const current = page(stamp('2022-01-02T08:00:00+08:00'), '2022');
    expect(stampUpdate(Buffer.from(current), fresh, 'a.html')).toEqual([]);
  });

  it('touches only the site’s own elements, not look-alikes in an article body', () => {
    const body = `${stamp('1999-01-01T00:00:00Z')}<footer class="site-footer">copie</footer>`;
    const kept = page(stamp('2021-12-31T20:00:00+08:00'), '2021', body);
    expect(applied(kept, stampUpdate(Buffer.from(kept), fresh, 'a.html'))).toBe(
      page(stamp('2022-01-02T08:00:00+08:00'), '2022', body),
    );
  });

  it('refuses a page that disagrees with the homepage on showing a stamp', () => {
    expect(() => stampUpdate(Buffer.from(page('', '2021')), fresh, 'a.html')).toThrow(/disagree/);
  });

  it('updates every kept page of a built site, and counts only those it changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotative-stamp-'));
    dirs.push(dir);
    const now = page(stamp('2022-01-02T08:00:00+08:00'), '2022');
    await writeFile(join(dir, 'index.html'), now);
    await mkdir(join(dir, 'monde', 'a'), { recursive: true });
    await mkdir(join(dir, 'monde', 'b'), { recursive: true });
    await writeFile(
      join(dir, 'monde', 'a', 'index.html'),
      page(stamp('2021-12-31T20:00:00+08:00'), '2021', '<p>é</p>'),
    );
    await writeFile(
      join(dir, 'monde', 'b', 'index.html'),
      page(stamp('2022-01-02T08:00:00+08:00'), '2022', '<p>b</p>'),
    );
    const untouched = (await stat(join(dir, 'monde', 'b', 'index.html'))).mtimeMs;
    expect(await refreshStamps(dir)).toBe(1);
    expect(await readFile(join(dir, 'monde', 'a', 'index.html'), 'utf8')).toBe(
      page(stamp('2022-01-02T08:00:00+08:00'), '2022', '<p>é</p>'),
    );
    expect((await stat(join(dir, 'monde', 'b', 'index.html'))).mtimeMs).toBe(untouched);
  });
});

const picks = (section: string, ...titles: string[]) =>
  `<section class="picks" aria-labelledby="picks-heading" data-section-newest="${section}"><h2 id="picks-heading">Conseils</h2><ul>${titles.map((t) => `<li><section><h3>${t}</h3></section></li>`).join('')}</ul></section>`;
const article = (body: string, related: string) =>
  page(
    stamp('2022-01-02T08:00:00+08:00'),
    '2022',
    `<article>${body}</article><div class="article-related">${related}</div>`,
  );

describe('section picks', () => {
  const blocks = new Map([['monde', Buffer.from(picks('monde', 'Nouveau', 'Ancien'))]]);

  it('replaces a kept page’s picks of its section’s newest with the section’s current ones', () => {
    const kept = article('<p>Texte</p>', picks('monde', 'Ancien', 'Plus ancien'));
    expect(withSectionPicks(Buffer.from(kept), blocks, 'a.html')?.toString()).toBe(
      article('<p>Texte</p>', picks('monde', 'Nouveau', 'Ancien')),
    );
  });

  it('leaves pages with current picks, or with picks of their own, as they are', () => {
    expect(
      withSectionPicks(Buffer.from(article('', picks('monde', 'Nouveau', 'Ancien'))), blocks, 'a.html'),
    ).toBeUndefined();
    const own = '<section class="picks" aria-labelledby="picks-heading"><h2 id="picks-heading">Conseils</h2></section>';
    expect(withSectionPicks(Buffer.from(article('', own)), blocks, 'a.html')).toBeUndefined();
  });

  it('takes the page’s own block, not a look-alike in the article body', () => {
    const lookAlike = picks('monde', 'Copie');
    const kept = article(lookAlike, picks('monde', 'Ancien'));
    expect(withSectionPicks(Buffer.from(kept), blocks, 'a.html')?.toString()).toBe(
      article(lookAlike, picks('monde', 'Nouveau', 'Ancien')),
    );
  });

  it('refuses a page marked with a section that has no current block', () => {
    expect(() => withSectionPicks(Buffer.from(article('', picks('sport', 'Ancien'))), blocks, 'a.html')).toThrow(
      /section "sport"/,
    );
  });

  it('are brought up to date from the build’s fragments, which are then deleted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotative-picks-'));
    dirs.push(dir);
    await writeFile(join(dir, 'index.html'), page(stamp('2022-01-02T08:00:00+08:00'), '2022'));
    await mkdir(join(dir, FRAGMENTS_DIR, 'picks', 'monde'), { recursive: true });
    await writeFile(
      join(dir, FRAGMENTS_DIR, 'picks', 'monde', 'index.html'),
      `<html><body>${picks('monde', 'Nouveau', 'Ancien')}</body></html>`,
    );
    await mkdir(join(dir, 'monde', 'a'), { recursive: true });
    await writeFile(
      join(dir, 'monde', 'a', 'index.html'),
      article('<p>é</p>', picks('monde', 'Ancien', 'Plus ancien')),
    );
    expect(await refreshStamps(dir)).toBe(1);
    expect(await readFile(join(dir, 'monde', 'a', 'index.html'), 'utf8')).toBe(
      article('<p>é</p>', picks('monde', 'Nouveau', 'Ancien')),
    );
    expect(existsSync(join(dir, FRAGMENTS_DIR))).toBe(false);
  });
});
