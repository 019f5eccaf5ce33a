/**
 * `npm run build` (src/cli/build-site.ts) never leaves a half-built site: a
 * failed build keeps the previous output byte for byte, and no temporary
 * folder is left behind.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, OUTPUT, ROOT, writeFixtureContent } from '../support/fixture-site.ts';
import { listFiles } from '../support/html.ts';

const dir = join(OUTPUT, 'safe-output');
const out = join(dir, 'dist');

function buildScript(contentDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/build-site.ts'), '--outDir', out], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ROTATIVE_CONTENT_DIR: contentDir,
      ROTATIVE_CACHE_DIR: join(dir, 'cache'),
      ROTATIVE_NOW: '2021-06-30T12:00:00+08:00',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

async function snapshot(): Promise<Map<string, string>> {
  const files = await listFiles(out);
  return new Map(
    await Promise.all(files.map(async (f) => [f, (await readFile(join(out, f))).toString('base64')] as const)),
  );
}

let good: Awaited<ReturnType<typeof buildScript>>;
let before: Map<string, string>;
let bad: Awaited<ReturnType<typeof buildScript>>;

beforeAll(async () => {
  const goodContent = join(dir, 'good');
  await writeFixtureContent(goodContent);
  good = await buildScript(goodContent);
  before = await snapshot();
  const badContent = join(dir, 'bad');
  await writeFixtureContent(badContent, { 'articles/2021/cassé.md': article({ title: 'Cassé', date: 'hier soir' }) });
  bad = await buildScript(badContent);
});

describe('npm run build', () => {
  it('writes the site when the build succeeds', () => {
    expect(good.code, good.output).toBe(0);
    expect(before.has('index.html')).toBe(true);
    expect(good.output).toContain(`Site written to ${out}`);
  });

  it('fails, and keeps the previous site byte for byte, when the build fails', async () => {
    expect(bad.code).not.toBe(0);
    expect(bad.output).toMatch(/cassé\.md:3: date: expected an ISO 8601 date with offset/);
    expect(bad.output).toContain(`${out} was left as it was`);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves no temporary folder behind', async () => {
    expect((await readdir(dirname(out))).filter((name) => name.startsWith('dist.'))).toEqual([]);
  });
});
