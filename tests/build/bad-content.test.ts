/**
 * One gate: every case of `tests/fixtures/bad-content/` is fed to `npm run check`
 * and to the build, which must both refuse the content (or warn about it) with the
 * same messages, at the same lines of the same files. A case is a file and the
 * lines expected of it (see that folder's README); adding one changes nothing here.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_EXTENSIONS } from '#src/lib/image-refs.ts';
import { runCli } from '../cli/run-cli.ts';
import { listFiles } from '../support/html.ts';
import {
  article,
  FIXTURE_NOW,
  OUTPUT,
  ROOT,
  buildSite,
  writeFixtureContent,
  type BuildResult,
} from '../support/fixture-site.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad-content');
const NAME = 'one-gate';
/**
 * The settings both run with: photos.example.org is an allowed image host (as in tests/lib/image-refs.test.ts),
 * so its images without a size reach the "needs its width and height" error; cdn.example.org is not allowed.
 */
const SETTINGS = { ROTATIVE_NOW: FIXTURE_NOW, ROTATIVE_REMOTE_IMAGE_HOSTS: 'photos.example.org' };

const content = join(OUTPUT, NAME, 'content');
const outside = join(OUTPUT, NAME, 'outside');
/** How both name the content folder: from the project root. */
const shown = relative(ROOT, content);

interface Case {
  name: string;
  /** The fixture file, under `tests/fixtures/bad-content/`, and what it is. */
  source?: { path: string; kind: 'md' | 'link' };
  /** The lines both must print, as they print them (`FILE` and `OUTSIDE` filled in once the folder exists). */
  expected: string[];
}

/** The cases, read when the tests are collected, so that each gets a test of its own. */
const cases: Case[] = [
  {
    name: 'sections.yaml',
    expected: expectedLines(readFileSync(join(FIXTURES, 'sections.expected'), 'utf8'), `${shown}/sections.yaml`),
  },
];
/** Image files the cases use, copied beside them as they are. */
const images: string[] = [];
for (const entry of readdirSync(join(FIXTURES, 'articles')).sort()) {
  if (IMAGE_EXTENSIONS.some((extension) => entry.toLowerCase().endsWith(extension))) {
    images.push(entry);
    continue;
  }
  const [, name, kind] = /^(.+)\.(md|link|expected)$/.exec(entry) ?? [];
  if (!name)
    throw new Error(
      `tests/fixtures/bad-content/articles/${entry}: expected <case>.md, .link or .expected, or an image`,
    );
  let found = cases.find((c) => c.name === name);
  if (!found) cases.push((found = { name, expected: [] }));
  if (kind === 'expected')
    found.expected = expectedLines(
      readFileSync(join(FIXTURES, 'articles', entry), 'utf8'),
      `${shown}/articles/gate/${name}.md`,
    );
  else found.source = { path: join(FIXTURES, 'articles', entry), kind: kind as 'md' | 'link' };
}

function expectedLines(text: string, file: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^FILE/, file));
}

let checked: { code: number | null; output: string };
let build: BuildResult;

/**
 * The cases that only warn, which both must publish: built a second time, beside the standard fixture, so that a
 * case the checker lets through and the build refuses (which the build above, stopped by the errors, cannot show)
 * fails here.
 */
const ACCEPTED = 'one-gate-accepted';
const acceptedContent = join(OUTPUT, ACCEPTED, 'content');
const acceptedShown = relative(ROOT, acceptedContent);
const warningOnly = () =>
  cases.filter((c) => c.source?.kind === 'md' && c.expected.every((line) => /:\d+: warning: /.test(line)));
let acceptedChecked: { code: number | null; output: string };
let acceptedBuild: BuildResult;

/** The lines of `output` about files under the content folder, from the path on (Astro's log prefix cut off). */
function contentLines(output: string): string[] {
  return (
    output
      .split('\n')
      // Astro's own "Location:" line (file:line:column) aside.
      .filter((line) => line.includes(shown) && !/:\d+:\d+$/.test(line))
      .map((line) => line.slice(line.indexOf(shown)).trimEnd())
  );
}

/** `npm run check` in this process (its spawned run is tests/cli/check.test.ts's), then the build as CI runs it. */
async function checkAndBuild(name: string, contentDir: string) {
  const result = await runCli('check.ts', [], { contentDir, env: SETTINGS });
  const checked = { code: result.code, output: result.stdout + result.stderr };
  return { checked, build: await buildSite(name, contentDir, { ...SETTINGS, TZ: 'UTC' }) };
}

beforeAll(async () => {
  await rm(join(OUTPUT, NAME), { recursive: true, force: true });
  const gate = join(content, 'articles', 'gate');
  await mkdir(gate, { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'ailleurs.md'), '---\ntitle: Ailleurs\n---\n\nHors du dossier.\n');
  await copyFile(join(FIXTURES, 'sections.yaml'), join(content, 'sections.yaml'));
  // Valid articles that wait unpublished, for the summaries.
  await writeFile(
    join(gate, '..', 'brouillon.md'),
    article({ title: '[Fictif] Brouillon', date: '2021-06-01T10:00:00+08:00', draft: true }),
  );
  await writeFile(
    join(gate, '..', 'programme.md'),
    article({ title: '[Fictif] Programmé', date: '2021-07-02T14:00:00+08:00' }),
  );
  for (const { name, source, expected } of cases) {
    for (const [i, line] of expected.entries()) expected[i] = line.replace('OUTSIDE', realpathSync(outside));
    if (source?.kind === 'md') await copyFile(source.path, join(gate, `${name}.md`));
    if (source?.kind === 'link') await symlink((await readFile(source.path, 'utf8')).trim(), join(gate, `${name}.md`));
  }
  for (const image of images) await copyFile(join(FIXTURES, 'articles', image), join(gate, image));

  ({ checked, build } = await checkAndBuild(NAME, content));

  await writeFixtureContent(acceptedContent);
  await mkdir(join(acceptedContent, 'articles', 'gate'), { recursive: true });
  for (const { name, source } of warningOnly())
    await copyFile(source!.path, join(acceptedContent, 'articles', 'gate', `${name}.md`));
  ({ checked: acceptedChecked, build: acceptedBuild } = await checkAndBuild(ACCEPTED, acceptedContent));
});

describe('every bad-content fixture, through npm run check and the build', () => {
  it('is refused by both, and the build writes no page', () => {
    expect(checked.code, checked.output).toBe(1);
    expect(build.code, build.output).not.toBe(0);
    expect(existsSync(join(build.dist, 'index.html'))).toBe(false);
  });

  it('has a file and its expected lines for every case', () => {
    expect(cases.length).toBeGreaterThan(30);
    for (const { name, source, expected } of cases) {
      expect(expected.length, name).toBeGreaterThan(0);
      if (name !== 'sections.yaml') expect(source, name).toBeDefined();
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: both print its lines', (_, { expected }) => {
    const fromCheck = contentLines(checked.output);
    const fromBuild = contentLines(build.output);
    for (const line of expected) {
      expect(fromCheck, 'npm run check').toContain(line);
      expect(fromBuild, 'the build').toContain(line);
    }
  });

  it('gives the same lines from both, no more, no fewer, and nothing the fixtures do not expect', () => {
    const expected = new Set(cases.flatMap((c) => c.expected));
    expect(new Set(contentLines(checked.output))).toEqual(expected);
    expect(new Set(contentLines(build.output))).toEqual(expected);
  });

  it('gives the same summary, with drafts and scheduled articles', () => {
    const summary = /^\d+ files?, \d+ errors?, \d+ warnings?.*$/m.exec(checked.output)?.[0];
    expect(summary).toMatch(/; 1 draft; 1 scheduled: "\[Fictif\] Programmé" at 02\.07\.2021 14h00$/);
    expect(build.output).toContain(summary);
  });
});

describe('the fixtures that only warn, beside the standard fixture', () => {
  it('are published by both, with the same warnings', async () => {
    const cases = warningOnly();
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(acceptedChecked.code, acceptedChecked.output).toBe(0);
    expect(acceptedBuild.code, acceptedBuild.output).toBe(0);
    const lines = (output: string) => contentLines(output.replaceAll(acceptedShown, shown));
    const expected = cases.flatMap((c) => c.expected);
    expect(lines(acceptedChecked.output)).toEqual(expect.arrayContaining(expected));
    expect(new Set(lines(acceptedBuild.output))).toEqual(new Set(lines(acceptedChecked.output)));
    const files = await listFiles(acceptedBuild.dist);
    for (const { name } of cases)
      expect(
        files.some((file) => file.endsWith(`/${name}/index.html`)),
        name,
      ).toBe(true);
  });
});
