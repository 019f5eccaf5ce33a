/**
 * Runs the editors' commands as editors do, in a child process on the Node
 * running the tests (24; never a bare `node`), over a temporary content folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { sectionsYaml, writeFiles } from '../support/synthetic-corpus.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli/<script>` with `args`, `ROTATIVE_CONTENT_DIR` set to `contentDir`, and `input` on stdin. */
export async function runCli(
  script: string,
  args: string[],
  options: { contentDir: string; env?: Record<string, string>; input?: string; cwd?: string },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ROTATIVE_CONTENT_DIR: options.contentDir,
    NO_COLOR: '1',
    ...options.env,
  };
  // As if started by `npm run` in the project root, unless a test says otherwise.
  delete env['INIT_CWD'];
  if (options.cwd) env['INIT_CWD'] = options.cwd;
  const child = spawn(process.execPath, [join(ROOT, 'src', 'cli', script), ...args], { cwd: ROOT, env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/** The sections the CLI tests use, as in the fixture site. */
export const SECTIONS_YAML = sectionsYaml();

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * A fresh temporary content folder holding `files` (paths relative to it),
 * `sections.yaml` included unless `files` replaces it; removed after the test file.
 */
export async function contentDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rotative-cli-'));
  made.push(dir);
  await writeFiles(dir, { 'sections.yaml': SECTIONS_YAML, ...files });
  return dir;
}
