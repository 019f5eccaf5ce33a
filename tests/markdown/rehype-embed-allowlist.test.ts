import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, it } from 'vitest';
import rehypeEmbedAllowlist from '#src/markdown/rehype-embed-allowlist.ts';
import rehypeSanitizeArticle from '#src/markdown/rehype-sanitize-article.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('rehypeEmbedAllowlist', () => {
  it.each(fixtureCases('embeds'))('keeps only titled iframes from allowed prefixes: %s', async (name) => {
    await expectFixture('embeds', name, async ({ input, options }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeSanitizeArticle, options)
          .use(rehypeEmbedAllowlist, options)
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });
});
