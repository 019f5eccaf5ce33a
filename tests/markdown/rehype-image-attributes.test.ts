import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, it } from 'vitest';
import rehypeImageAttributes from '#src/markdown/rehype-image-attributes.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('rehypeImageAttributes', () => {
  it.each(fixtureCases('image-attributes'))('makes images lazy and async unless told otherwise: %s', async (name) => {
    await expectFixture('image-attributes', name, async ({ input }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeRaw)
          .use(rehypeImageAttributes)
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });
});
