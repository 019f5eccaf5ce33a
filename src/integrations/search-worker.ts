/**
 * A child process that indexes one search bundle with Pagefind's Node API, started by `search-index.ts` (`fork`). A
 * process, not a thread: each bundle indexed at once needs a Pagefind service of its own (one handles one message at a
 * time), and the records stay out of Astro's process. Records go in the caller's order, which numbers Pagefind's pages,
 * so the same records give the same bytes on any machine; each body is checked against its recorded digest.
 */
import { readFile } from 'node:fs/promises';
import { close, createIndex } from 'pagefind';
import { searchRecord } from '#src/lib/search-bundles.ts';
import { sha256 } from '#src/lib/verified-files.ts';

export interface SearchWorkerJob {
  /** Folder to write the bundle into. */
  outputPath: string;
  records: {
    url: string;
    /** The record without its body (`recordShell`). */
    shell: string;
    /** The rendered body's file, and the digest recorded for it. */
    bodyFile: string;
    bodyDigest: string;
    /** Names the article in messages. */
    source: string;
  }[];
}

export type SearchWorkerReply = { pages: number; error?: undefined } | { error: string };

async function indexBundle({ outputPath, records }: SearchWorkerJob): Promise<number> {
  const contents: string[] = [];
  for (const record of records) {
    const body = await readFile(record.bodyFile, 'utf8').catch(() => undefined);
    if (body === undefined || sha256(body) !== record.bodyDigest)
      throw new Error(`${record.source}: its rendered body is missing or damaged in the build cache; build again`);
    contents.push(searchRecord(record.shell, body));
  }
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  // Sent all at once, answered in order: the service reads them one after another.
  const added = await Promise.all(records.map(({ url }, i) => index.addHTMLFile({ url, content: contents[i]! })));
  for (const [i, result] of added.entries())
    if (result.errors.length > 0)
      throw new Error(`Pagefind could not index ${records[i]!.url}: ${result.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  return added.length;
}

process.once('message', (job: SearchWorkerJob) => {
  void indexBundle(job)
    .then((pages): SearchWorkerReply => ({ pages }))
    .catch((error: unknown): SearchWorkerReply => ({ error: error instanceof Error ? error.message : String(error) }))
    .then(async (reply) => {
      await close();
      process.send!(reply, () => process.disconnect());
    });
});
