/**
 * The loader's render workers must give what Astro's `renderMarkdown` gives
 * with the configured processor: same HTML, same metadata (reading time,
 * headings, image paths), in the order asked, and errors back to the caller.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { createRenderPool } from '#src/loaders/render-pool.ts';
import { markdownPipeline } from '#src/site.ts';
import { generateCorpus } from '../support/synthetic-corpus.ts';
import { FIXTURES } from './fixtures.ts';

// What the loader passes from the project's config (markdown.gfm and smartypants unset).
const shared = {
  image: { domains: [], remotePatterns: [] },
  syntaxHighlight: false as const,
  gfm: undefined,
  smartypants: undefined,
};
const pool = createRenderPool({ pipeline: markdownPipeline, shared }, 2);
afterAll(() => pool.close());

/** What the content layer's `renderMarkdown` returns, built the way Astro builds it. */
async function reference() {
  const processor = astroConfig.markdown?.processor as MarkdownProcessor;
  const renderer = await processor.createRenderer(
    shared as unknown as Parameters<MarkdownProcessor['createRenderer']>[0],
  );
  return async (body: string, fileURL: URL) => {
    const { frontmatter, content } = parseFrontmatter(body);
    const { code, metadata } = await renderer.render(content, { frontmatter, fileURL });
    return {
      html: code,
      metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) },
    };
  };
}

const bodies = [
  ...readdirSync(FIXTURES).flatMap((group) =>
    readdirSync(join(FIXTURES, group)).map((name) => readFileSync(join(FIXTURES, group, name, 'input.md'), 'utf8')),
  ),
  ...generateCorpus({ count: 40, seed: 3, paragraphs: 4 }).map((a) => a.text.slice(a.text.indexOf('\n---\n', 4) + 5)),
  '# Titre\n\n![Photo](./images/photo.jpg) et ![Distante](https://images.example.org/a.jpg)\n',
];

describe('the render pool', () => {
  it('renders as renderMarkdown does, body for body, in the order asked', async () => {
    const render = await reference();
    const fileURL = new URL('file:///site/content/articles/2021/05/essai.md');
    const [expected, actual] = await Promise.all([
      Promise.all(bodies.map((b) => render(b, fileURL))),
      Promise.all(bodies.map((b) => pool.render(b, fileURL))),
    ]);
    expect(actual).toHaveLength(bodies.length);
    expect(actual).toEqual(expected);
    expect(actual.at(-1)!.metadata.imagePaths).toEqual(['./images/photo.jpg']);
    expect(actual.every((r) => (r.metadata['frontmatter'] as { readingMinutes?: number }).readingMinutes! >= 1)).toBe(
      true,
    );
  });

  it('reports a body that cannot be rendered to its caller, and keeps working', async () => {
    const fileURL = new URL('file:///site/essai.md');
    await expect(pool.render('---\ntitre: [non fermé\n---\nTexte', fileURL)).rejects.toThrow(
      /flow collection|unexpected end/i,
    );
    expect((await pool.render('Encore *un* texte.', fileURL)).html).toBe('<p>Encore <em>un</em> texte.</p>');
  });
});
