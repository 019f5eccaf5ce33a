/**
 * The build renders article bodies on worker threads (src/loaders/render-pool.ts),
 * not through Astro's own `renderMarkdown`. Whatever the path, every built
 * article page must hold, byte for byte, what the configured Markdown
 * processor gives for its body: the reference rendering, made here as Astro's
 * content layer makes it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { buildSiteIndex } from '#src/lib/articles.ts';
import { readContent } from '#src/lib/read-content.ts';
import { site } from '#src/site.ts';
import { FIXTURE_NOW, OUTPUT, readPage, ROOT } from '../support/fixture-site.ts';

const dist = inject('fixtureDist');
const PLACEHOLDER = /<img __ASTRO_IMAGE_="[^"]*">/g;
const PICTURE = /<picture><source type="image\/avif"[^>]*><source type="image\/webp"[^>]*><img [^>]*><\/picture>/g;
const contentDir = join(OUTPUT, 'fixture', 'content');

interface Case {
  path: string;
  reference: string;
}

let cases: Case[];
beforeAll(async () => {
  const processor = astroConfig.markdown?.processor as MarkdownProcessor;
  // The settings Astro's content layer passes to the processor (see content-layer.js).
  const renderer = await processor.createRenderer({
    image: { domains: [], remotePatterns: [] },
    syntaxHighlight: astroConfig.markdown?.syntaxHighlight ?? false,
  } as Parameters<MarkdownProcessor['createRenderer']>[0]);
  const snapshot = await readContent(ROOT, contentDir, { now: new Date(FIXTURE_NOW), checkBody: () => [] });
  const records = snapshot.articles.flatMap((a) => (a.record ? [a.record] : []));
  const index = buildSiteIndex(records, snapshot.sections, { now: new Date(FIXTURE_NOW), timeZone: site.timeZone });
  cases = [];
  for (const article of snapshot.articles) {
    const published = article.record && index.byId.get(article.record.id);
    if (!published) continue;
    const { frontmatter, content } = parseFrontmatter(article.body);
    const { code } = await renderer.render(content, { frontmatter, fileURL: pathToFileURL(join(ROOT, article.file)) });
    cases.push({ path: published.path, reference: code });
  }
});

describe('article bodies in the built pages', () => {
  it('cover every published article of the fixture, one of them with a local image', () => {
    expect(cases.length).toBeGreaterThan(40);
    // Bodies with local images hold placeholders, which the page turns into <picture> (src/data/site-data.ts).
    expect(cases.filter((c) => c.reference.includes('__ASTRO_IMAGE_'))).toHaveLength(1);
  });

  it('are byte for byte the configured processor’s rendering', async () => {
    const different: string[] = [];
    for (const { path, reference } of cases) {
      const page = await readPage(dist, path);
      const start = page.indexOf('<div class="article-body">');
      const end = page.indexOf('<footer class="article-footer"', start);
      expect(start, path).toBeGreaterThan(0);
      const body = page.slice(start + '<div class="article-body">'.length, end);
      // Each image placeholder of the reference is a <picture> in the page; the rest is the same bytes.
      const images = reference.match(PLACEHOLDER)?.length ?? 0;
      const pictures = body.match(PICTURE)?.length ?? 0;
      const same =
        images === pictures &&
        body.replace(PICTURE, '<image>') === `${reference.replace(PLACEHOLDER, '<image>')}</div>`;
      if (!same) different.push(path);
    }
    expect(different).toEqual([]);
  });
});
