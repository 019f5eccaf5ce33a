/**
 * `npm run build` (src/cli/build-site.ts) never leaves a half-built site: a
 * failed build keeps the previous output byte for byte, and no temporary
 * folder is left behind.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  article,
  BUILD_ENV,
  type BuildResult,
  OUTPUT,
  runBuildScript,
  writeFixtureContent,
} from '../support/fixture-site.ts';
import { listFiles } from '../support/html.ts';

const dir = join(OUTPUT, 'safe-output');
const out = join(dir, 'dist');

function buildScript(contentDir: string): Promise<BuildResult> {
  // As buildSite() builds, but over the output the test keeps from one build to the next.
  return runBuildScript(out, {
    ...BUILD_ENV,
    ROTATIVE_CONTENT_DIR: contentDir,
    ROTATIVE_CACHE_DIR: join(dir, 'cache'),
  });
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
