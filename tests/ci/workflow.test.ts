/**
 * The GitHub Actions workflow is checked like code: it parses, publishes only
 * from main and the schedule, grants the least it can, and runs exactly the
 * README's commands, so the two cannot drift apart.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/fixture-site.ts';
import { buildCacheDir } from '#src/lib/cache-dir.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[] }; pull_request: unknown; schedule: { cron: string }[] };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
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

describe('the publish workflow', () => {
  it('runs on pushes to main, pull requests and every 15 minutes', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
  });

  it('runs exactly the README’s build and test commands', () => {
    const commands = readmeSetupCommands();
    expect(commands).toEqual(['npm ci && npm run build', 'npm ci && npm test']);
    expect(
      steps()
        .flatMap((s) => (s.run ? [s.run.trim()] : []))
        .sort(),
    ).toEqual([...commands].sort());
  });

  it('checks content as the first part of npm test', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test']).toMatch(/^npm run check && /);
  });

  it('is the same test command CI’s .ci/run uses', async () => {
    expect(await readFile(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm ci && npm test$/m);
  });

  it('grants only read access, and Pages rights only to the deploy job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (name === 'deploy') expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
      else expect(job.permissions, name).toBeUndefined();
    }
  });

  it('deploys with the official Pages actions, never from a pull request', () => {
    expect(uses()).toEqual(
      expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
    expect(workflow.jobs['deploy']!.if).toBe("github.event_name != 'pull_request'");
    expect(workflow.jobs['deploy']!.needs).toBe('build');
    expect(workflow.jobs['build']!.needs).toBe('check');
    const upload = steps().find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!;
    expect(upload.if).toBe("github.event_name != 'pull_request'");
    expect(upload.with).toEqual({ path: 'dist' });
  });

  it('lets only one deployment run at a time', () => {
    expect(workflow.concurrency.group).toMatch(/^pages/);
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('builds for the Pages URL and base path', () => {
    const build = steps().find((s) => s.run === 'npm ci && npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
  });

  it('caches npm, and the build cache (Astro’s content store and pages, the search bundles) where the build keeps it', async () => {
    const setups = steps().filter((s) => s.uses?.startsWith('actions/setup-node'));
    expect(setups.length).toBeGreaterThan(0);
    for (const s of setups) expect(s.with).toMatchObject({ cache: 'npm', 'node-version-file': '.nvmrc' });
    const cache = steps().find((s) => s.uses?.startsWith('actions/cache'))!;
    expect(buildCacheDir({})).toBe(`./${String(cache.with!['path'])}`);
    // Astro's cacheDir, which also holds the rendered bodies, the page digests and the search bundles.
    expect(await readFile(join(ROOT, 'astro.config.mjs'), 'utf8')).toContain('cacheDir: buildCacheDir(process.env)');
  });
});
