import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_FILE, bodiesDir, bodyFile, hasBody, pruneBodies, writeBodies } from '#src/lib/article-bodies.ts';

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
  it('are named after the article and the digest of its text, inside the cache', () => {
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

  it('count as stored only when the entry names that very file and it exists', async () => {
    const dir = await tempDir();
    const file = bodyFile(dir, 'a', '1');
    expect(hasBody({ [BODY_FILE]: file }, file)).toBe(false);
    await writeBodies(dir, [{ file, html: '<p>Texte</p>' }]);
    expect(await readFile(file, 'utf8')).toBe('<p>Texte</p>');
    expect(hasBody({ [BODY_FILE]: file }, file)).toBe(true);
    expect(hasBody({ [BODY_FILE]: bodyFile(dir, 'a', '0') }, file)).toBe(false);
    expect(hasBody({}, file)).toBe(false);
    expect(hasBody(undefined, file)).toBe(false);
  });

  it('are pruned when no entry names them any more, and only then', async () => {
    const dir = join(await tempDir(), 'article-bodies');
    const kept = [bodyFile(dir, 'a', '1'), bodyFile(dir, 'b', '1')];
    const stale = bodyFile(dir, 'a', '0');
    await writeBodies(
      dir,
      [...kept, stale].map((file) => ({ file, html: 'x' })),
    );
    await writeFile(join(dir, 'stray.html'), 'y');
    expect(await pruneBodies(dir, new Set(kept))).toBe(2);
    expect((await readdir(dir)).map((name) => join(dir, name)).sort()).toEqual([...kept].sort());
    // A cache without the folder yet has nothing to prune.
    expect(await pruneBodies(join(dir, 'missing'), new Set())).toBe(0);
  });
});
