/**
 * Renders Markdown bodies on every core. Astro's `renderMarkdown` runs in the
 * build's one thread, and rendering is most of a cold build; each worker
 * builds the configured `unified()` processor from the same options as
 * `astro.config.mjs` and renders as `renderMarkdown` does.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroConfig } from 'astro';
import type { PipelineOptions } from '#src/markdown/index.ts';

/** What the loader context's `renderMarkdown` returns. */
export interface RenderedBody {
  html: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
}

/** Plain data, cloned into each worker. */
export interface RenderWorkerData {
  pipeline: PipelineOptions;
  /** The settings Astro passes to `createRenderer` besides the processor's own options. */
  shared: {
    image: Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>;
    syntaxHighlight: AstroConfig['markdown']['syntaxHighlight'];
    gfm: AstroConfig['markdown']['gfm'];
    smartypants: AstroConfig['markdown']['smartypants'];
  };
}

/** The settings Astro's content layer passes to `createRenderer`, as plain data. */
export function sharedMarkdownSettings(config: AstroConfig): RenderWorkerData['shared'] {
  const { domains, remotePatterns } = config.image;
  return {
    image: { domains, remotePatterns },
    syntaxHighlight: config.markdown.syntaxHighlight,
    gfm: config.markdown.gfm,
    smartypants: config.markdown.smartypants,
  };
}

export interface RenderJob {
  id: number;
  body: string;
  fileURL: string;
}

export type RenderReply = { id: number; rendered: RenderedBody; error?: undefined } | { id: number; error: string };

export interface RenderPool {
  render(body: string, fileURL: URL): Promise<RenderedBody>;
  close(): Promise<void>;
}

/** Starts `size` workers (one per core by default); `close()` must be called when done. */
export function createRenderPool(data: RenderWorkerData, size = availableParallelism()): RenderPool {
  const pending = new Map<number, { resolve: (r: RenderedBody) => void; reject: (e: Error) => void }>();
  const workers: { worker: Worker; load: number }[] = [];
  let next = 0;
  let failed: Error | undefined;
  for (let i = 0; i < Math.max(1, size); i++) {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: data });
    const slot = { worker, load: 0 };
    worker.on('message', (reply: RenderReply) => {
      slot.load--;
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error !== undefined) job?.reject(new Error(reply.error));
      else job?.resolve(reply.rendered);
    });
    // A worker that cannot start (or crashes) fails every job waiting on the pool.
    worker.on('error', (error: Error) => {
      failed = error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    workers.push(slot);
  }
  return {
    render(body, fileURL) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      // The least busy worker: bodies differ in length.
      const slot = workers.reduce((a, b) => (b.load < a.load ? b : a));
      slot.load++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, body, fileURL: fileURL.href } satisfies RenderJob);
      });
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
