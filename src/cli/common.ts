/**
 * What the editors' commands share: the project root, paths as the editor
 * typed them, refusing to overwrite, and checking a file before writing it
 * with the same validation as the checker and the build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Section } from '../lib/articles.ts';
import { type ContentProblem, formatProblem } from '../lib/problems.ts';
import { displayPath, readSections } from '../lib/read-content.ts';
import { makeArticleSchema } from '../lib/schema.ts';
import { ARTICLES_DIR, validateArticle } from '../lib/validate.ts';
import { createBodyChecker } from '../markdown/check-body.ts';
import { markdownPipeline, site } from '../site.ts';

/** The project root, wherever the command is started from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path as the editor typed it: `npm run` starts scripts in the project root, and keeps the editor's folder in `INIT_CWD`. */
export function userPath(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

/** Prints each line to stderr and ends the command with exit code 1. */
export function fail(...lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

/**
 * The command line, read by `parseArgs`; a mistake in it (an unknown option, a
 * missing value) stops the command with the mistake and the usage. `--help`
 * prints the usage.
 */
export function readCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    fail((error as Error).message, '', usage);
  }
  if ((parsed.values as Record<string, unknown>)['help']) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}

/** The site's sections; stops the command when `sections.yaml` has errors, since nothing can be checked without it. */
export async function loadSections(): Promise<Section[]> {
  const { sections, problems } = await readSections(ROOT, site.contentDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    fail(...errors.map(formatProblem), 'Fix the sections file first (npm run check lists every problem).');
  return sections;
}

/** Where an article at `pathInArticles` (e.g. `2021/05/x.md`) lives: absolute, and as messages show it. */
export function articleLocation(pathInArticles: string): { absolute: string; file: string } {
  const absolute = resolve(ROOT, site.contentDir, ARTICLES_DIR, pathInArticles);
  return { absolute, file: displayPath(ROOT, absolute) };
}

/**
 * Validates a file about to be written exactly as the checker will, body
 * included; returns its problems (an error means: do not write it).
 */
export async function problemsOf(
  text: string,
  file: string,
  pathInArticles: string,
  sections: readonly Section[],
): Promise<ContentProblem[]> {
  const schema = makeArticleSchema(sections.map((s) => s.slug));
  const { problems, body, bodyLine } = validateArticle(text, file, pathInArticles, schema, { now: site.now });
  return [...problems, ...(await createBodyChecker(markdownPipeline)(body, { file, bodyLine }))];
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
