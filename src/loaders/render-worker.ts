/**
 * A worker thread of the render pool (`render-pool.ts`): builds the same
 * renderer Astro builds from `markdown.processor` (`unified(options)
 * .createRenderer(shared)`) and renders bodies the way the loader context's
 * `renderMarkdown` does, so the HTML and metadata are the same.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { markdownProcessorOptions } from '#src/markdown/index.ts';
import type { RenderJob, RenderReply, RenderWorkerData } from './render-pool.ts';

const { pipeline, shared } = workerData as RenderWorkerData;
const processor = unified(markdownProcessorOptions(pipeline));
// The same settings Astro's content layer passes, read from the same config.
const renderer = await processor.createRenderer(shared as Parameters<typeof processor.createRenderer>[0]);

async function renderJob({ id, body, fileURL }: RenderJob): Promise<void> {
  let reply: RenderReply;
  try {
    // As Astro's renderMarkdown: a body that opens with a frontmatter fence loses it.
    const { frontmatter, content } = parseFrontmatter(body);
    const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: new URL(fileURL) });
    const imagePaths = (metadata.localImagePaths ?? []).concat(metadata.remoteImagePaths ?? []);
    reply = { id, rendered: { html: code, metadata: { ...metadata, imagePaths } } };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
}

parentPort!.on('message', (job: RenderJob) => void renderJob(job));
