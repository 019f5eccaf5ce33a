import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '#src/i18n/index.ts';
import remarkFigures, { splitCaption } from '#src/markdown/remark-figures.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

describe('remarkFigures', () => {
  it.each(fixtureCases('figures'))('renders %s', async (name) => {
    await expectFixture('figures', name, async ({ input }) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkFigures, { creditLabel: dictionaryFor('fr-FR').imageCredit })
          .use(remarkRehype)
          .use(rehypeStringify)
          .process(input),
      ),
    );
  });

  it('words the credit in the site’s language', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkFigures, { creditLabel: dictionaryFor('en-GB').imageCredit })
        .use(remarkRehype)
        .use(rehypeStringify)
        .process('![A bridge](./bridge.jpg "The bridge | Alix Ferrand")'),
    );
    expect(html).toContain('<span class="credit">Photo: Alix Ferrand</span>');
  });

  it('requires a credit label with {credit}', () => {
    expect(() => unified().use(remarkParse).use(remarkFigures, { creditLabel: 'Photo' }).freeze()).toThrow(
      /creditLabel/,
    );
  });
});

describe('splitCaption', () => {
  it('takes what follows the last " | " as the credit', () => {
    expect(splitCaption('Le port | à l’aube | Alix Ferrand')).toEqual({
      caption: 'Le port | à l’aube',
      credit: 'Alix Ferrand',
    });
    expect(splitCaption('Le port')).toEqual({ caption: 'Le port', credit: undefined });
    expect(splitCaption(' | Alix Ferrand')).toEqual({ caption: '', credit: 'Alix Ferrand' });
  });
});
