import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, it } from 'vitest';
import rehypeHeadingIds from '#src/markdown/rehype-heading-ids.ts';
import { PAGE_IDS } from '#src/markdown/index.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('rehypeHeadingIds', () => {
  it.each(fixtureCases('heading-ids'))('gives ASCII, unique ids: %s', async (name) => {
    await expectFixture('heading-ids', name, async ({ input }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeRaw)
          .use(rehypeHeadingIds, { reserved: PAGE_IDS })
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });
});
