/**
 * The GitHub Actions workflow is checked like code: it parses, publishes only
 * from main and the schedule, grants the least it can, and runs exactly the
 * README's commands, so the two cannot drift apart.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/fixture-site.ts';
import { PIPELINE_ENTRIES } from '#src/lib/article-bodies.ts';
import { buildCacheDir } from '#src/lib/cache-dir.ts';
import { moduleGraph } from '#src/lib/module-graph.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[] }; pull_request: unknown; schedule: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

let workflow: Workflow;
let readme: string;
beforeAll(async () => {
  workflow = parse(await readFile(join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
  readme = await readFile(join(ROOT, 'README.md'), 'utf8');
});

const steps = () => Object.values(workflow.jobs).flatMap((job) => job.steps);
const uses = () => steps().flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));

/** The shell commands in the README's "Set-up" section. */
function readmeSetupCommands(): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Set-up'))!;
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n'));
}

const job = (name: string) => workflow.jobs[name]!;

/** Runs the `changes` job's script as GitHub would, in a throwaway repository; gives its `code` output. */
function changesOutput(event: string, edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotative-changes-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  try {
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '--allow-empty', '-m', 'before');
    const before = git('rev-parse', 'HEAD');
    edit(dir);
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '--allow-empty', '-m', 'after');
    const output = join(dir, 'github-output');
    const script = job('changes').steps.find((s) => s.id === 'diff')!.run!;
    execFileSync('bash', ['-e', '-c', script], {
      cwd: dir,
      env: { ...process.env, EVENT: event, BEFORE: before, AFTER: git('rev-parse', 'HEAD'), GITHUB_OUTPUT: output },
    });
    return /^code=(.*)$/m.exec(readFileSync(output, 'utf8'))![1]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the publish workflow', () => {
  it('runs on pushes to main, pull requests and every 15 minutes', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
  });

  it('tests with exactly the README’s test command, and builds with its build command after the checker', () => {
    const commands = readmeSetupCommands();
    expect(commands).toEqual(['npm ci && npm run build', 'npm ci && npm test']);
    expect(job('test').steps.flatMap((s) => (s.run ? [s.run.trim()] : []))).toEqual(['npm ci && npm test']);
    const build = job('build').steps.flatMap((s) => (s.run && !s.id ? [s.run.trim()] : []));
    expect(build).toEqual(['npm ci && npm run check && npm run build']);
  });

  it('checks content as the first part of npm test', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test']).toMatch(/^npm run check && /);
  });

  it('is the same test command CI’s .ci/run uses', async () => {
    expect(await readFile(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm ci && npm test$/m);
  });

  it('runs the whole suite on pull requests and code changes, not on content-only pushes or schedules', () => {
    expect(job('test').needs).toBe('changes');
    expect(job('test').if).toBe("needs.changes.outputs.code == 'true'");
    expect(changesOutput('push', (dir) => mkdirSync(join(dir, 'content', 'articles'), { recursive: true }))).toBe(
      'false',
    );
    expect(
      changesOutput('push', (dir) => {
        mkdirSync(join(dir, 'content'));
        writeFileSync(join(dir, 'content', 'a.md'), 'x');
      }),
    ).toBe('false');
    expect(
      changesOutput('push', (dir) => {
        mkdirSync(join(dir, 'src'));
        writeFileSync(join(dir, 'src', 'a.ts'), 'x');
      }),
    ).toBe('true');
    expect(changesOutput('pull_request', () => {})).toBe('true');
    expect(changesOutput('schedule', () => {})).toBe('false');
  });

  it('builds without waiting for the tests, and deploys after the build, and after the tests only when they ran', () => {
    expect(job('build').needs).toBeUndefined();
    expect(job('deploy').needs).toEqual(['changes', 'test', 'build']);
    const condition = job('deploy').if!;
    expect(condition).toMatch(
      /^always\(\) && github\.event_name != 'pull_request' && needs\.build\.result == 'success'/,
    );
    expect(condition).toContain("needs.test.result == 'success'");
    expect(condition).toContain("needs.test.result == 'skipped' && needs.changes.outputs.code == 'false'");
  });

  it('grants only read access, and Pages rights only to the deploy job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, j] of Object.entries(workflow.jobs)) {
      if (name === 'deploy') expect(j.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
      else expect(j.permissions, name).toBeUndefined();
    }
  });

  it('deploys with the official Pages actions, never from a pull request', () => {
    expect(uses()).toEqual(
      expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
    const upload = steps().find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!;
    expect(upload.if).toBe("github.event_name != 'pull_request'");
    expect(upload.with).toEqual({ path: 'dist' });
  });

  it('lets only one deployment run at a time, and a newer build of a branch stop an older one', () => {
    expect(job('deploy').concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(job('build').concurrency).toEqual({ group: 'build-${{ github.ref }}', 'cancel-in-progress': true });
  });

  it('keeps the screenshots of every test run', () => {
    const keep = job('test').steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(keep.if).toBe('always()');
    expect(keep.with).toMatchObject({ path: 'tests/.output/screenshots/' });
  });

  it('keys each layer of the build cache by every module its files depend on', async () => {
    const keys = job('build').steps.find((s) => s.id === 'keys')!.run!;
    const globs = (layer: string) => {
      const line = keys.split('\n').find((l) => l.includes(`echo "${layer}=`))!;
      return [...line.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    };
    const covered = (layer: string, files: Iterable<string>) =>
      [...files].filter((file) => !globs(layer).some((glob) => matchesGlob(file, glob)));
    // What renders a body (src/lib/article-bodies.ts's digest), and what writes a search bundle.
    const markdown = await moduleGraph(ROOT, PIPELINE_ENTRIES);
    const search = await moduleGraph(ROOT, ['src/integrations/search-index.ts', 'src/integrations/search-worker.ts']);
    const settings = ['package-lock.json', 'astro.config.mjs', 'src/site.ts', 'src/site.config.ts'];
    expect(covered('markdown', [...markdown.keys(), ...settings])).toEqual([]);
    expect(covered('search', [...search.keys(), ...markdown.keys(), ...settings])).toEqual([]);
    expect(covered('pages', ['src/components/SiteFooter.astro', 'src/pages/index.astro', ...settings])).toEqual([]);
    // The check has teeth: a module outside every glob is reported.
    expect(covered('markdown', ['src/components/SiteFooter.astro'])).toEqual(['src/components/SiteFooter.astro']);
  });

  it('builds for the Pages URL and base path', () => {
    const build = job('build').steps.find((s) => s.run?.includes('npm run build'))!;
    expect(build.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
  });

  it('caches npm, and the build cache in layers, restored from any version, saved by scheduled runs only', async () => {
    const setups = steps().filter((s) => s.uses?.startsWith('actions/setup-node'));
    expect(setups.length).toBeGreaterThan(0);
    for (const s of setups) expect(s.with).toMatchObject({ cache: 'npm', 'node-version-file': '.nvmrc' });
    const cacheDir = buildCacheDir({}).replace(/^\.\//, '');
    const restores = job('build').steps.filter((s) => s.uses?.startsWith('actions/cache/restore'));
    const saves = job('build').steps.filter((s) => s.uses?.startsWith('actions/cache/save'));
    expect(restores.map((s) => s.with!['path'])).toEqual(saves.map((s) => s.with!['path']));
    const paths = restores.flatMap((s) => s.with!['path']!.trim().split('\n'));
    // Every layer lives in the folder Astro is given as cacheDir; together they hold all the build keeps.
    for (const path of paths) expect(path.startsWith(`${cacheDir}/`), path).toBe(true);
    expect(paths.map((p) => p.slice(cacheDir.length + 1)).sort()).toEqual([
      'article-bodies',
      'data-store.json',
      'dist',
      'incremental-build.json',
      'page-digests.json',
      'search-index',
    ]);
    for (const restore of restores) {
      const layer = /^\$\{\{ steps\.keys\.outputs\.(\w+) \}\}/.exec(restore.with!['key']!)![1]!;
      // The same dependencies, then the newest cache of the layer whatever its version.
      expect(restore.with!['restore-keys']!.trim().split('\n')).toEqual([
        `\${{ steps.keys.outputs.${layer} }}-`,
        `${layer}-\${{ runner.os }}-`,
      ]);
    }
    for (const save of saves)
      expect(save.if).toBe("github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'");
    // Saved after the site is uploaded, never before.
    const order = job('build').steps.map((s) => s.uses?.split('@')[0] ?? s.run);
    expect(order.indexOf('actions/upload-pages-artifact')).toBeLessThan(order.indexOf('actions/cache/save'));
    expect(await readFile(join(ROOT, 'astro.config.mjs'), 'utf8')).toContain('cacheDir: buildCacheDir(process.env)');
  });
});
