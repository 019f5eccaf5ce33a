/**
 * What `astro dev` need not watch: the build cache (it would reload for every
 * rendered body written there), and what builds, tests and benchmarks write
 * into the project (`dist/` and its siblings, `tests/.output/`,
 * `bench/.output/`), which can hold thousands of files that only slow the
 * preview's start-up. The content folder being previewed is always watched,
 * wherever it is (the preview test's lives under `tests/.output/`).
 */
import { relative, sep } from 'node:path';
import { isWithin } from './paths.ts';

export interface WatchedFolders {
  /** The project's root, absolute. */
  root: string;
  /** The build cache, absolute. */
  cacheDir: string;
  /** The content folder being previewed, absolute. */
  contentDir: string;
}

/** A test for the watcher's `ignored` option: true for a path it may skip. */
export function devWatchIgnored({ root, cacheDir, contentDir }: WatchedFolders): (path: string) => boolean {
  const written = [`${root}${sep}tests${sep}.output`, `${root}${sep}bench${sep}.output`];
  return (path) => {
    // The content folder, what is in it, and the folders on the way to it.
    if (isWithin(path, contentDir) || isWithin(contentDir, path)) return false;
    if (isWithin(path, cacheDir)) return true;
    if (written.some((folder) => isWithin(path, folder))) return true;
    // dist/, and the build's dist.building/ and dist.previous-…/ beside it.
    const top = relative(root, path).split(sep)[0] ?? '';
    return top === 'dist' || top.startsWith('dist.');
  };
}
