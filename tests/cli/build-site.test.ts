/**
 * `npm run build`'s own logic, around an Astro that the tests play: the output
 * is swapped in only when the build succeeds, a failure leaves the previous
 * output byte for byte, and one clock is pinned for the whole build. Real
 * builds go through the same script in every build test; a real failing one
 * is tests/build/safe-output.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type AstroRunner, buildPlan, buildSite } from '#src/cli/build-site.ts';

const NOW = new Date('2021-05-21T01:05:00Z');
let dir: string;
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotative-build-'));
  made.push(dir);
});

/** Runs the build script's logic in `dir` with `astro`; what it wrote, and the folders it left to remove. */
async function build(astro: AstroRunner, argv: string[] = [], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const removed: string[] = [];
  const code = await buildSite({
    argv,
    env,
    now: NOW,
    cwd: dir,
    pid: 42,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    astro,
    removeLater: (path) => removed.push(path),
  });
  return { code, stdout, stderr, removed };
}

/** An Astro that writes `files` into the folder it was given, and exits with `code`. */
const astroWriting =
  (files: Record<string, string>, code = 0): AstroRunner =>
  async (args) => {
    const out = args[args.indexOf('--outDir') + 1]!;
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(out, name, '..'), { recursive: true });
      await writeFile(join(out, name), text);
    }
    return code;
  };

async function previousSite(): Promise<void> {
  await mkdir(join(dir, 'dist', 'international'), { recursive: true });
  await writeFile(join(dir, 'dist', 'index.html'), 'ancienne une');
  await writeFile(join(dir, 'dist', 'international', 'index.html'), 'ancienne rubrique');
}

describe('buildPlan', () => {
  it('builds into <outDir>.building beside the output, and passes the other flags and arguments to astro build', () => {
    expect(
      buildPlan(['--outDir', 'public-site', '--verbose', '--site=https://x.example', 'extra'], '/p', '7-8'),
    ).toEqual({
      out: '/p/public-site',
      building: '/p/public-site.building',
      previous: '/p/public-site.previous-7-8',
      astroArgs: ['build', '--outDir', '/p/public-site.building', 'extra', '--verbose', '--site', 'https://x.example'],
    });
    expect(buildPlan([], '/p', '7-8').out).toBe('/p/dist');
  });
});

describe('npm run build', () => {
  it('swaps the new output in when Astro succeeds, and has the previous one removed', async () => {
    await previousSite();
    const result = await build(astroWriting({ 'index.html': 'nouvelle une' }));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Site written to ${join(dir, 'dist')}\n`);
    expect(await readFile(join(dir, 'dist', 'index.html'), 'utf8')).toBe('nouvelle une');
    expect(existsSync(join(dir, 'dist', 'international'))).toBe(false);
    const previous = join(dir, `dist.previous-42-${NOW.getTime()}`);
    expect(result.removed).toEqual([previous]);
    expect(await readFile(join(previous, 'index.html'), 'utf8')).toBe('ancienne une');
    expect((await readdir(dir)).sort()).toEqual(['dist', `dist.previous-42-${NOW.getTime()}`]);
  });

  it('writes the output when there was none, with nothing to remove', async () => {
    const result = await build(astroWriting({ 'index.html': 'une' }), ['--outDir', 'site']);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'site', 'index.html'), 'utf8')).toBe('une');
    expect(result.removed).toEqual([]);
    expect(await readdir(dir)).toEqual(['site']);
  });

  it('keeps the previous output byte for byte when Astro fails, removes what it half wrote, and exits with Astro’s code', async () => {
    await previousSite();
    const result = await build(astroWriting({ 'index.html': 'à moitié' }, 3));
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`\nBuild failed (exit 3): ${join(dir, 'dist')} was left as it was.\n`);
    expect(result.stdout).toBe('');
    expect(await readFile(join(dir, 'dist', 'index.html'), 'utf8')).toBe('ancienne une');
    expect(await readFile(join(dir, 'dist', 'international', 'index.html'), 'utf8')).toBe('ancienne rubrique');
    expect(await readdir(dir)).toEqual(['dist']);
    expect(result.removed).toEqual([]);
  });

  it('clears what an interrupted build left beside the output before building', async () => {
    await mkdir(join(dir, 'dist.building'), { recursive: true });
    await writeFile(join(dir, 'dist.building', 'stale.html'), 'x');
    await mkdir(join(dir, 'dist.previous-1-2'), { recursive: true });
    await mkdir(join(dir, 'other.previous-1-2'), { recursive: true });
    let seen: string[] = [];
    const result = await build(async (args, env) => {
      seen = (await readdir(dir)).sort();
      return astroWriting({ 'index.html': 'une' })(args, env);
    });
    expect(result.code).toBe(0);
    expect(seen).toEqual(['other.previous-1-2']);
    expect(await readdir(join(dir, 'dist'))).toEqual(['index.html']);
  });

  it('gives Astro its environment and one clock for the whole build: ROTATIVE_NOW when set, else the moment the build started', async () => {
    const envs: Record<string, string | undefined>[] = [];
    const astro: AstroRunner = (args, env) => {
      envs.push({ ...env });
      return astroWriting({ 'index.html': 'une' })(args, env);
    };
    await build(astro, [], { SITE_URL: 'https://news.example.org' });
    await build(astro, [], { ROTATIVE_NOW: '2021-05-21T09:05:00+08:00' });
    expect(envs).toEqual([
      { SITE_URL: 'https://news.example.org', ROTATIVE_NOW: NOW.toISOString() },
      { ROTATIVE_NOW: '2021-05-21T09:05:00+08:00' },
    ]);
  });
});
