/** Where a path lies, for the checks that keep content in its folder and the preview's watcher. */
import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `folder` itself or lies under it (both absolute, already resolved). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
