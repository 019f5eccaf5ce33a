/**
 * A digest of source modules and everything they import from the project,
 * followed through the import graph: a cache of what those modules produce
 * (the Markdown pipeline's rendered bodies) is then renewed when any of them
 * changes, and only then, without a list of files kept by hand. Imports of
 * packages are left to the lockfile, which the caller adds.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { sha256 } from './verified-files.ts';

/** The specifiers a module imports (static, dynamic with a literal, and re-exports), type-only ones included. */
export async function importSpecifiers(source: string, file: string): Promise<string[]> {
  await init;
  let imports;
  try {
    [imports] = parse(source, file);
  } catch (error) {
    throw new Error(`${file}: cannot read its imports (${(error as Error).message})`, { cause: error });
  }
  return imports.flatMap((i) => (i.n === undefined ? [] : [i.n]));
}

/** The project file a specifier names (`./x.ts`, `../x.ts`, `#src/x.ts`), or `undefined` for a package. */
export function localModule(root: string, importer: string, specifier: string): string | undefined {
  if (specifier.startsWith('#src/')) return join(root, 'src', specifier.slice('#src/'.length));
  if (specifier.startsWith('./') || specifier.startsWith('../')) return resolve(dirname(importer), specifier);
  return undefined;
}

/**
 * The project modules reachable from `entries` (paths relative to `root`),
 * sorted, each with its source.
 */
export async function moduleGraph(root: string, entries: readonly string[]): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  const pending = entries.map((entry) => resolve(root, entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    const name = relative(root, file).replace(/\\/g, '/');
    if (sources.has(name)) continue;
    const source = await readFile(file, 'utf8');
    sources.set(name, source);
    // Only script modules import others; JSON and styles end the walk.
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    for (const specifier of await importSpecifiers(source, name)) {
      const target = localModule(root, file, specifier);
      if (target) pending.push(target);
    }
  }
  return new Map([...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One digest of the modules reachable from `entries`: their names and sources. */
export async function moduleGraphDigest(root: string, entries: readonly string[]): Promise<string> {
  const graph = await moduleGraph(root, entries);
  return sha256([...graph].map(([name, source]) => `${name}\0${source.length}\0${source}`).join('\0'));
}
