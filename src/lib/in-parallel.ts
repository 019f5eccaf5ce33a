/**
 * Runs `task` on every item, at most `limit` at a time, and gives the results
 * in input order. For file work over a whole site: all at once would exhaust
 * file descriptors, one at a time would leave the CPU waiting on the disk.
 */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/** File operations in flight at once over a site: they wait on the disk far more than on the CPU. */
export const DISK_TASKS = 16;
