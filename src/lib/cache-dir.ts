/**
 * The build cache CI keeps between builds: Astro's (content store, incremental
 * manifest, page copies) and, in `search-index/`, the search bundles of the
 * last build. `ROTATIVE_CACHE_DIR` keeps per-build caches apart when tests or
 * benchmarks build several sites. Outside `node_modules`, which `npm ci` wipes.
 */
export function buildCacheDir(env: Record<string, string | undefined>): string {
  return env['ROTATIVE_CACHE_DIR'] ?? './.cache/astro';
}
