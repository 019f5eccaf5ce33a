import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, it } from 'vitest';
import rehypeFragmentLinks from '#src/markdown/rehype-fragment-links.ts';
import rehypeHeadingIds from '#src/markdown/rehype-heading-ids.ts';
import rehypeSanitizeArticle from '#src/markdown/rehype-sanitize-article.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('rehypeFragmentLinks', () => {
  it.each(fixtureCases('fragment-links'))('points in-page links at the sanitised ids: %s', async (name) => {
    await expectFixture('fragment-links', name, async ({ input }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
          .use(rehypeSanitizeArticle)
          .use(rehypeFragmentLinks)
          .use(rehypeHeadingIds)
          .use(rehypeStringify)
          .process(`${input}\n## Le titre\n`),
      ),
    );
  });
});
