import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, it } from 'vitest';
import rehypeTableAlign from '#src/markdown/rehype-table-align.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('rehypeTableAlign', () => {
  it.each(fixtureCases('table-align'))('turns Markdown column alignment into classes: %s', async (name) => {
    await expectFixture('table-align', name, async ({ input }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkRehype)
          .use(rehypeTableAlign)
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });
});
