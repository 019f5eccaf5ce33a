/**
 * A worker thread that indexes one search bundle with Pagefind's Node API.
 * Pagefind's service handles one message at a time, so each bundle built at
 * once needs a service of its own: a worker has its own copy of the `pagefind`
 * module, and so its own service process. Records are added in the order given
 * (sorted by the caller), which is the order Pagefind numbers pages in: the
 * same records give the same bytes on any machine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';

export interface SearchWorkerJob {
  /** Folder to write the bundle into. */
  outputPath: string;
  records: { url: string; content: string }[];
}

export type SearchWorkerReply = { pages: number; error?: undefined } | { error: string };

async function indexBundle({ outputPath, records }: SearchWorkerJob): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  // Sent all at once, answered in order: the service reads them one after another.
  const added = await Promise.all(records.map((record) => index.addHTMLFile(record)));
  for (const [i, result] of added.entries())
    if (result.errors.length > 0)
      throw new Error(`Pagefind could not index ${records[i]!.url}: ${result.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  return added.length;
}

let reply: SearchWorkerReply;
try {
  reply = { pages: await indexBundle(workerData as SearchWorkerJob) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
} finally {
  await close();
}
parentPort!.postMessage(reply!);
