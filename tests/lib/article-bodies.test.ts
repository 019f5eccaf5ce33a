import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bodiesDir,
  bodyFile,
  contentDigest,
  imageDigests,
  pipelineDigest,
  pruneBodies,
  readBodyRecords,
  verifiedBody,
  writeBodies,
  writeBodyRecords,
} from '#src/lib/article-bodies.ts';
import { sha256 } from '#src/lib/verified-files.ts';
import { ROOT } from '../support/fixture-site.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rotative-bodies-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('article body files', () => {
  it('are named after the article and its content digest, inside the cache', () => {
    const dir = bodiesDir('/cache');
    expect(dir).toBe(join('/cache', 'article-bodies'));
    const file = bodyFile(dir, '2021/lavrov-blinken', 'abc');
    expect(file.startsWith(dir)).toBe(true);
    expect(file).toMatch(/\.html$/);
    expect(bodyFile(dir, '2021/lavrov-blinken', 'abc')).toBe(file);
    // Another version of the text, or another article with the same text, never shares the file.
    expect(bodyFile(dir, '2021/lavrov-blinken', 'abd')).not.toBe(file);
    expect(bodyFile(dir, '2021/autre', 'abc')).not.toBe(file);
  });

  it('are read back only when their HTML is the one recorded', async () => {
    const dir = await tempDir();
    const file = bodyFile(dir, 'a', '1');
    await writeBodies(dir, [{ file, html: '<p>Texte complet.</p>' }]);
    await writeBodyRecords(
      dir,
      new Map([[file.slice(dir.length + 1), { html: sha256('<p>Texte complet.</p>'), entry: 'e' }]]),
    );
    const records = await readBodyRecords(dir);
    expect(await verifiedBody(file, records)).toBe('<p>Texte complet.</p>');
    // Cut mid-sentence, or gone.
    await writeFile(file, '<p>Texte comp');
    expect(await verifiedBody(file, records)).toBeUndefined();
    await rm(file);
    expect(await verifiedBody(file, records)).toBeUndefined();
    // A file nobody recorded.
    await writeBodies(dir, [{ file: bodyFile(dir, 'b', '1'), html: 'x' }]);
    expect(await verifiedBody(bodyFile(dir, 'b', '1'), records)).toBeUndefined();
  });

  it('have no record at all when the record is damaged', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bodies.json'), '{"abc": {"html": "');
    expect((await readBodyRecords(dir)).size).toBe(0);
    await writeFile(join(dir, 'bodies.json'), '[1, 2]');
    expect((await readBodyRecords(dir)).size).toBe(0);
  });

  it('are pruned when no entry names them any more, and only then; the record stays', async () => {
    const dir = join(await tempDir(), 'article-bodies');
    const kept = [bodyFile(dir, 'a', '1'), bodyFile(dir, 'b', '1')];
    const stale = bodyFile(dir, 'a', '0');
    await writeBodies(
      dir,
      [...kept, stale].map((file) => ({ file, html: 'x' })),
    );
    await writeBodyRecords(dir, new Map());
    await writeFile(join(dir, 'stray.html'), 'y');
    expect(await pruneBodies(dir, new Set(kept))).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([...kept.map((f) => f.slice(dir.length + 1)), 'bodies.json'].sort());
    // A cache without the folder yet has nothing to prune.
    expect(await pruneBodies(join(dir, 'missing'), new Set())).toBe(0);
  });
});

describe('contentDigest', () => {
  it('changes with the text and with the pipeline', () => {
    const digest = contentDigest('# Titre', 'p1');
    expect(contentDigest('# Titre', 'p1')).toBe(digest);
    expect(contentDigest('# Titre.', 'p1')).not.toBe(digest);
    expect(contentDigest('# Titre', 'p2')).not.toBe(digest);
  });

  it('changes with the bytes of the images the article shows, and their order', () => {
    const digest = contentDigest('# Titre', 'p1', ['i1', 'i2']);
    expect(digest).not.toBe(contentDigest('# Titre', 'p1'));
    expect(contentDigest('# Titre', 'p1', ['i1', 'i2'])).toBe(digest);
    expect(contentDigest('# Titre', 'p1', ['i1', 'i3'])).not.toBe(digest);
    expect(contentDigest('# Titre', 'p1', ['i2', 'i1'])).not.toBe(digest);
  });
});

describe('imageDigests', () => {
  it('hashes each file’s bytes, reading a shared file once, and names a file it cannot read', async () => {
    const dir = await tempDir();
    const [a, b] = [join(dir, 'a.jpg'), join(dir, 'b.jpg')];
    await writeFile(a, 'photo A');
    await writeFile(b, 'photo B');
    const known = new Map<string, Promise<string>>();
    const [first, second] = await imageDigests([a, b], known);
    expect(first).not.toBe(second);
    await writeFile(a, 'photo A, replaced');
    // Read once per build: the map answers for the rest of this one.
    expect(await imageDigests([a], known)).toEqual([first]);
    expect(await imageDigests([a], new Map())).not.toEqual([first]);
    await expect(imageDigests([join(dir, 'absente.jpg')], new Map())).rejects.toThrow(
      /absente\.jpg: cannot read this image/,
    );
  });
});

describe('pipelineDigest', () => {
  /** A copy of the project's sources and lockfile, to edit. */
  async function project(): Promise<string> {
    const dir = await tempDir();
    await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    await cp(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
    return dir;
  }
  const append = async (dir: string, file: string, text: string) =>
    writeFile(join(dir, file), `${await readFile(join(dir, file), 'utf8')}${text}`);

  it('changes when any module the pipeline imports changes, the UI dictionaries included', async () => {
    const dir = await project();
    const before = await pipelineDigest(dir, {});
    await append(dir, 'src/i18n/fr.ts', '\n// footnote wording\n');
    expect(await pipelineDigest(dir, {})).not.toBe(before);
  });

  it('changes with the lockfile and the settings', async () => {
    const dir = await project();
    const before = await pipelineDigest(dir, { locale: 'fr-FR' });
    expect(await pipelineDigest(dir, { locale: 'en-GB' })).not.toBe(before);
    await append(dir, 'package-lock.json', ' ');
    expect(await pipelineDigest(dir, { locale: 'fr-FR' })).not.toBe(before);
  });

  it('stays the same when a template, a component or a page changes', async () => {
    const dir = await project();
    const before = await pipelineDigest(dir, {});
    await append(dir, 'src/components/SiteFooter.astro', '\n<!-- changed -->\n');
    await append(dir, 'src/layouts/BaseLayout.astro', '\n<!-- changed -->\n');
    await append(dir, 'src/lib/cache-keys.ts', '\n// changed\n');
    await mkdir(join(dir, 'src', 'pages', 'nouveau'), { recursive: true });
    await writeFile(join(dir, 'src', 'pages', 'nouveau', 'index.astro'), '<p>Nouveau</p>');
    expect(await pipelineDigest(dir, {})).toBe(before);
  });
});
