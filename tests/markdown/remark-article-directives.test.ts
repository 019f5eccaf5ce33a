import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '#src/i18n/index.ts';
import remarkArticleDirectives from '#src/markdown/remark-article-directives.ts';
import { expectFixture, fixtureCases } from './fixtures.ts';

const creditLabel = dictionaryFor('fr-FR').imageCredit;

function render(markdown: string): Promise<string> {
  return unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkArticleDirectives, { creditLabel })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown)
    .then(String);
}

describe('remarkArticleDirectives', () => {
  it.each(fixtureCases('directives'))('renders %s', async (name) => {
    await expectFixture('directives', name, ({ input }) => render(input));
  });

  it('keeps what looked like an inline directive exactly as written', async () => {
    expect(await render('Il est 08:19, voir:ici et a:b[c]{d=1}.')).toBe(
      '<p>Il est 08:19, voir:ici et a:b[c]{d=1}.</p>',
    );
  });

  it.each([
    [':::citaton\nTexte\n:::', /unknown directive ":::citaton": expected one of "citation", "encadre", "figure"/],
    ['::video{src="x"}', /unknown directive "::video"/],
    ['::figure{src="./a.jpg"}', /::figure needs src and alt/],
    ['::figure{alt="Un pont"}', /::figure needs src and alt/],
    [
      '::figure{src="./a.jpg" alt="Un pont" width=grand}',
      /::figure width must be a whole number of pixels, got "grand"/,
    ],
    [
      '::figure{src="./a.jpg" alt="Un pont" widht=300}',
      /unknown attribute "widht" on ::figure: expected "src", "alt", "width", "height", "credit"/,
    ],
    ['::figure{src="./a.jpg" alt="Un pont" .large}', /unknown attribute "class" on ::figure/],
    [':::encadre[Repères]{id=x}\nTexte\n:::', /unknown attribute "id" on :::encadre, which takes none/],
  ])('refuses %j with a message that names the problem', async (markdown, message) => {
    await expect(render(markdown)).rejects.toThrow(message);
  });

  it('reads every attribute it allows', async () => {
    expect(await render('::figure[Le pont]{src="./a.jpg" alt="Un pont" width=300 height=200 credit="Alix"}')).toContain(
      'width="300" height="200"',
    );
    expect(await render(':::citation[Basile Oudin]\nTexte\n:::')).toContain('<figcaption>Basile Oudin</figcaption>');
  });

  it('requires the credit label', () => {
    expect(() => unified().use(remarkParse).use(remarkArticleDirectives, { creditLabel: 'Photo' }).freeze()).toThrow(
      /creditLabel/,
    );
  });
});
