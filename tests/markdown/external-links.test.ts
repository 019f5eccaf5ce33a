import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, it } from 'vitest';
import rehypeExternalLinks from 'rehype-external-links';
import { externalLinksOptions } from '#src/markdown/external-links.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('externalLinksOptions', () => {
  it.each(fixtureCases('external-links'))('marks links that leave the site noopener noreferrer: %s', async (name) => {
    await expectFixture('external-links', name, async ({ input, options }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeRaw)
          .use(rehypeExternalLinks, externalLinksOptions((options as { siteUrl?: string }).siteUrl))
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });
});
