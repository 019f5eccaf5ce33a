import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownProcessorOptions } from '#src/markdown/index.ts';
import rehypeSanitizeArticle from '#src/markdown/rehype-sanitize-article.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';
import { payloads, threats } from './xss-payloads.ts';

/** The same Markdown with raw HTML passed through as written: what a payload would do unchecked. */
async function unsafe(markdown: string): Promise<string> {
  return String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .process(markdown),
  );
}

let render: (markdown: string) => Promise<string>;
beforeAll(async () => {
  // The site's whole pipeline, as Astro builds it.
  const processor = await createMarkdownProcessor({
    ...markdownProcessorOptions({ siteUrl: 'https://rotative.example.org', locale: 'fr-FR' }),
    syntaxHighlight: false,
  });
  render = async (markdown) => (await processor.render(markdown)).code;
});

describe('rehypeSanitizeArticle', () => {
  it.each(fixtureCases('sanitize'))('keeps what editors may use and removes the rest: %s', async (name) => {
    await expectFixture('sanitize', name, async ({ input, options }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
          .use(rehypeSanitizeArticle, options)
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });

  it('leaves a body without raw HTML as it was', async () => {
    const markdown = '## Titre\n\nUn *paragraphe* avec un [lien](https://valmorin.example/).';
    const plain = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeSanitizeArticle)
        .use(rehypeStringify)
        .process(markdown),
    );
    expect(plain).toBe(
      '<h2>Titre</h2>\n<p>Un <em>paragraphe</em> avec un <a href="https://valmorin.example/">lien</a>.</p>',
    );
  });
});

describe('the XSS corpus', () => {
  it('holds at least 30 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
    expect(new Set(payloads.map((p) => p.name)).size).toBe(payloads.length);
  });

  it.each(payloads.map((p) => [p.name, p.markdown]))('defuses %s', async (_, markdown) => {
    // The payload is dangerous as written…
    expect(threats(await unsafe(markdown))).not.toEqual([]);
    // …and nothing of it survives the site's pipeline.
    expect(threats(await render(markdown))).toEqual([]);
  });

  it('defuses them all in one article', async () => {
    const html = await render(payloads.map((p) => p.markdown).join('\n\n'));
    expect(threats(html)).toEqual([]);
    expect(html).not.toMatch(/<script|javascript:|onerror|onload/i);
  });
});
