/**
 * What the editors' commands share: how they are run (in a process of their
 * own, or called by a test with its own arguments, environment, clock and
 * streams), their settings, paths as the editor typed them, refusing to
 * overwrite, and checking a file before writing it with the checker's validation.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { text as readStream } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Section } from '#src/lib/articles.ts';
import { type ContentProblem, formatProblem } from '#src/lib/problems.ts';
import { displayPath, readSections } from '#src/lib/read-content.ts';
import { makeArticleSchema } from '#src/lib/schema.ts';
import { ARTICLES_DIR, validateArticle } from '#src/lib/validate.ts';
import { createBodyChecker } from '#src/markdown/check-body.ts';
import { resolveSettings, type Settings } from '#src/site.ts';

/** The project root, wherever the command is started from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where a command's text goes: `process.stdout`, or a test's collector. */
export interface Output {
  write(text: string): unknown;
}

/** Everything a command reads from outside: a process's own, or a test's. */
export interface CommandIo {
  /** The arguments after the script's name. */
  argv: readonly string[];
  /** The environment: the site's overrides (`ROTATIVE_CONTENT_DIR`, `ROTATIVE_NOW`…), `ROTATIVE_EDITOR`, npm's `INIT_CWD`. */
  env: Readonly<Record<string, string | undefined>>;
  /** The clock, unless `ROTATIVE_NOW` pins it. */
  now: Date;
  /** The working folder, for relative paths when npm's `INIT_CWD` is not set. */
  cwd: string;
  /** Standard input's text, read only by a command that needs it. */
  stdin: () => Promise<string>;
  stdout: Output;
  stderr: Output;
}

/** A command: resolves to its exit code. */
export type Command = (io: CommandIo) => Promise<number>;

/** The running process's arguments, environment, clock and streams. */
export function processIo(): CommandIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    now: new Date(),
    cwd: process.cwd(),
    stdin: () => readStream(process.stdin),
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

/** Ends a command early with `code`, after writing `lines` (to stderr, or stdout for `--help`). */
class CommandExit extends Error {
  readonly code: number;
  readonly lines: readonly string[];
  readonly to: 'stdout' | 'stderr';
  constructor(code: number, lines: readonly string[], to: 'stdout' | 'stderr' = 'stderr') {
    super(lines.join('\n'));
    this.code = code;
    this.lines = lines;
    this.to = to;
  }
}

/** Runs `command`; a `fail` (or `--help`) inside it writes its lines and gives its exit code. */
export async function runCommand(command: Command, io: CommandIo): Promise<number> {
  try {
    return await command(io);
  } catch (error) {
    if (!(error instanceof CommandExit)) throw error;
    io[error.to].write(`${error.lines.join('\n')}\n`);
    return error.code;
  }
}

/** Prints each line to stderr and ends the command with exit code 1. */
export function fail(...lines: string[]): never {
  throw new CommandExit(1, lines);
}

/**
 * The command line, read by `parseArgs`; a mistake in it (an unknown option, a
 * missing value) stops the command with the mistake and the usage. `--help`
 * prints the usage.
 */
export function readCommandLine<T extends ParseArgsConfig>(
  io: CommandIo,
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs<T>({ ...config, args: [...io.argv] });
  } catch (error) {
    fail((error as Error).message, '', usage);
  }
  if ((parsed.values as Record<string, unknown>)['help']) throw new CommandExit(0, [usage], 'stdout');
  return parsed;
}

/** A command's settings: `src/site.config.ts` resolved against its environment and clock, as the build's are. */
export type CommandSettings = Settings;

export function commandSettings(io: Pick<CommandIo, 'env' | 'now'>): CommandSettings {
  return resolveSettings(io.env, io.now);
}

/** A path as the editor typed it: `npm run` starts scripts in the project root, and keeps the editor's folder in `INIT_CWD`. */
export function userPath(io: CommandIo, path: string): string {
  return resolve(io.env['INIT_CWD'] ?? io.cwd, path);
}

/** The site's sections; stops the command when `sections.yaml` has errors, since nothing can be checked without it. */
export async function loadSections({ site }: CommandSettings): Promise<Section[]> {
  const { sections, problems } = await readSections(ROOT, site.contentDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    fail(...errors.map(formatProblem), 'Fix the sections file first (npm run check lists every problem).');
  return sections;
}

/** Where an article at `pathInArticles` (e.g. `2021/05/x.md`) lives: absolute, and as messages show it. */
export function articleLocation({ site }: CommandSettings, pathInArticles: string): { absolute: string; file: string } {
  const absolute = resolve(ROOT, site.contentDir, ARTICLES_DIR, pathInArticles);
  return { absolute, file: displayPath(ROOT, absolute) };
}

/**
 * Validates a file about to be written exactly as the checker will, body
 * included; returns its problems (an error means: do not write it).
 */
export async function problemsOf(
  { site, markdownPipeline }: CommandSettings,
  text: string,
  file: string,
  pathInArticles: string,
  sections: readonly Section[],
): Promise<ContentProblem[]> {
  const schema = makeArticleSchema(sections.map((s) => s.slug));
  const { problems, body, bodyLine, draft } = validateArticle(text, file, pathInArticles, schema, { now: site.now });
  return [...problems, ...(await createBodyChecker(markdownPipeline)(body, { file, bodyLine, draft }))];
}

/** Writes `text`, creating folders; refuses to replace an existing file unless `force`. Returns false when it exists. */
export async function writeNewFile(absolute: string, text: string, force = false): Promise<boolean> {
  await mkdir(dirname(absolute), { recursive: true });
  try {
    // `wx` fails if the file exists, with no window between checking and writing.
    await writeFile(absolute, text, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
