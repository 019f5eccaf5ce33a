/**
 * Problems found in content, worded for editors and shared by the build and the
 * command-line checker: `content/articles/x.md:3: date: expected …, got …`.
 */
import { isAbsolute, relative } from 'node:path';
import type * as z from 'zod';

export type Severity = 'error' | 'warning';

export interface ContentProblem {
  severity: Severity;
  /** Path from the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** Frontmatter field (dotted path, e.g. `image.alt`), when the problem has one. */
  field?: string;
  message: string;
}

/** `path:line: field: message`, leaving out what the problem does not have. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return problem.field === undefined
    ? `${where}: ${prefix}${problem.message}`
    : `${where}: ${prefix}${problem.field}: ${problem.message}`;
}

/** Orders problems by file, then line (a problem without a line first); stable otherwise. */
export function compareProblems(a: ContentProblem, b: ContentProblem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/** The dotted field path of a zod issue: `image.alt`, `editors.1`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * The line of the deepest part of `path` that `fieldLines` knows: `editors.1`
 * when that item is there, else `editors`; `image` for a missing `image.alt`.
 */
export function lineOfField(path: readonly PropertyKey[], fieldLines: ReadonlyMap<string, number>): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const line = fieldLines.get(fieldPath(path.slice(0, length)));
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * Turns a zod failure into one problem per issue, each pointing at the line of
 * its field (or of the nearest enclosing one) when `fieldLines` knows it.
 */
export function problemsFromZod(
  error: z.ZodError,
  file: string,
  fieldLines: ReadonlyMap<string, number> = new Map(),
): ContentProblem[] {
  return error.issues.map((issue) => {
    const line = lineOfField(issue.path, fieldLines);
    const problem: ContentProblem = { severity: 'error', file, message: issue.message };
    if (line !== undefined) problem.line = line;
    if (issue.path.length > 0) problem.field = fieldPath(issue.path);
    return problem;
  });
}

/** An error that carries every problem found, so a build can report them all at once. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  /** The first error's place, which Astro's error overlay shows with the lines around it. */
  readonly loc?: { file: string; line: number; column: number };

  /** `root`: the project root, from which Astro reads a file named by a relative path. */
  constructor(problems: ContentProblem[], root?: string) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `${errors.length} content ${errors.length === 1 ? 'error' : 'errors'}; fix ${errors.length === 1 ? 'it' : 'them'} before publishing:\n` +
        errors.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
    const first = errors.find((p) => p.line !== undefined);
    if (first?.line !== undefined) {
      // Astro joins a path outside the project to the project's root: it is given relative to it.
      const file = root && isAbsolute(first.file) ? relative(root, first.file) : first.file;
      this.loc = { file, line: first.line, column: 1 };
    }
  }
}
