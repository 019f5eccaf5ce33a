import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeTypography from '#src/markdown/rehype-typography.ts';
import { expectFixture, fixtureCases, readFixture } from './fixtures.ts';

function processor(locale: string, times = 1) {
  const chain = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  for (let i = 0; i < times; i++) chain.use(rehypeTypography, { locale });
  return chain.use(rehypeStringify);
}

const cases = fixtureCases('typography');

describe('rehypeTypography', () => {
  it.each(cases)('typesets %s', async (name) => {
    await expectFixture('typography', name, async ({ input, options }) =>
      String(await processor(String(options['locale'])).process(input)),
    );
  });

  it.each(cases)('changes nothing the second time in %s', async (name) => {
    const { input, options } = await readFixture('typography', name);
    const locale = String(options['locale']);
    const once = String(await processor(locale).process(input));
    expect(String(await processor(locale, 2).process(input))).toBe(once);
  });

  it('leaves text that already has the right spaces as it is', async () => {
    const input = '« Nous avons besoin de temps ; rien ne presse », a déclaré M. Oudin : 15 % à 08:19.'
      .replace(/« | »| ;| :/g, (m) => (m === ' :' ? '\u00a0:' : m.replace(' ', '\u202f')))
      .replace('M. ', 'M.\u00a0')
      .replace('15 ', '15\u00a0');
    expect(String(await processor('fr-FR').process(input))).toBe(`<p>${input}</p>`);
  });

  it('requires a locale', () => {
    expect(() =>
      unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeTypography, {} as { locale: string })
        .use(rehypeStringify)
        .processSync('x'),
    ).toThrow(/`locale` option is required/);
  });
});
