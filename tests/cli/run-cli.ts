/**
 * Runs the editors' commands over a temporary content folder: in this process,
 * through the function each script exports (its arguments, environment, clock
 * and streams given by the test), or as editors do, in a Node of its own (the
 * one running the tests, 24; never a bare `node`) for one smoke test a command.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { check } from '#src/cli/check.ts';
import { type Command, ROOT, runCommand } from '#src/cli/common.ts';
import { importWire } from '#src/cli/import-wire.ts';
import { newArticle } from '#src/cli/new-article.ts';
import { sectionsYaml, writeFiles } from '../support/synthetic-corpus.ts';

export { ROOT };

const commands: Record<string, Command> = {
  'check.ts': check,
  'new-article.ts': newArticle,
  'import-wire.ts': importWire,
};

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  contentDir: string;
  /** Variables on top of `ROTATIVE_CONTENT_DIR`; in this process, the command sees no other. */
  env?: Record<string, string>;
  input?: string;
  /** The folder `npm run` was started in (`INIT_CWD`); by default, as if started in the project root. */
  cwd?: string;
}

/** Runs `src/cli/<script>`'s command in this process with `args`, `ROTATIVE_CONTENT_DIR` set to `contentDir`, and `input` on stdin. */
export async function runCli(script: string, args: string[], options: CliOptions): Promise<CliResult> {
  const command = commands[script];
  if (!command) throw new Error(`No command exported by src/cli/${script}`);
  let stdout = '';
  let stderr = '';
  const code = await runCommand(command, {
    argv: args,
    env: {
      ROTATIVE_CONTENT_DIR: options.contentDir,
      ...options.env,
      ...(options.cwd ? { INIT_CWD: options.cwd } : {}),
    },
    now: new Date(),
    cwd: ROOT,
    stdin: () => Promise.resolve(options.input ?? ''),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Runs `src/cli/<script>` as `npm run` does: a Node process of its own, started in the project root. */
export async function spawnCli(script: string, args: string[], options: CliOptions): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ROTATIVE_CONTENT_DIR: options.contentDir, ...options.env };
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
