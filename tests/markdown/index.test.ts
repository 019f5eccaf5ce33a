import { readFile } from 'node:fs/promises';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { markdownProcessorOptions, rehypePlugins, remarkPlugins } from '#src/markdown/index.ts';
import { READING_MINUTES } from '#src/markdown/remark-reading-time.ts';
import { site } from '#src/site.ts';

const SEED = new URL(
  '../../content/articles/2021/05/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans.md',
  import.meta.url,
);
const options = { siteUrl: 'https://rotative.example.org', locale: 'fr-FR' };

async function renderer(locale = 'fr-FR') {
  const processor = await createMarkdownProcessor({
    ...markdownProcessorOptions({ ...options, locale }),
    syntaxHighlight: false,
  });
  return (markdown: string) => processor.render(markdown);
}

/** Options that hold functions (rehype-external-links' `test` and `rel`) compare by the functions' source. */
const comparable = (options: unknown): unknown =>
  options !== null && typeof options === 'object'
    ? Object.fromEntries(
        Object.entries(options).map(([key, value]) => [key, typeof value === 'function' ? String(value) : value]),
      )
    : options;

/** Plugins as comparable values: the plugin function itself and its options. */
const shape = (list: unknown[]) =>
  list.map((entry) => (Array.isArray(entry) ? [entry[0], comparable(entry[1])] : [entry, undefined]));

describe('markdownProcessorOptions', () => {
  it('is what astro.config.mjs gives Astro’s unified() processor', () => {
    const processor = astroConfig.markdown?.processor as unknown as {
      options: ReturnType<typeof markdownProcessorOptions>;
    };
    const expected = markdownProcessorOptions({ siteUrl: site.url, locale: site.locale });
    expect(shape(processor.options.remarkPlugins)).toEqual(shape(expected.remarkPlugins));
    expect(shape(processor.options.rehypePlugins)).toEqual(shape(expected.rehypePlugins));
    const { footnoteBackLabel, ...remarkRehype } = processor.options.remarkRehype;
    const { footnoteBackLabel: expectedBackLabel, ...expectedRemarkRehype } = expected.remarkRehype;
    expect(remarkRehype).toEqual(expectedRemarkRehype);
    expect(footnoteBackLabel(1, 2)).toBe(expectedBackLabel(1, 2));
    expect(processor.options.smartypants).toBe(false);
    expect(processor.options.gfm).toBe(true);
  });

  it('tells the site’s own links from external ones with the site’s URL', async () => {
    const processor = await createMarkdownProcessor({
      ...(astroConfig.markdown?.processor as unknown as { options: ReturnType<typeof markdownProcessorOptions> })
        .options,
      syntaxHighlight: false,
    });
    const { code } = await processor.render(`[ici](${site.url}/culture/) et [ailleurs](https://ailleurs.example/)`);
    const $ = cheerio.load(code);
    expect($('a').eq(0).attr('rel')).toBeUndefined();
    expect($('a').eq(1).attr('rel')).toBe('noopener noreferrer');
  });

  it('builds its lists from remarkPlugins() and rehypePlugins()', () => {
    const built = markdownProcessorOptions(options);
    expect(shape(built.remarkPlugins)).toEqual(shape(remarkPlugins(options)));
    expect(shape(built.rehypePlugins)).toEqual(shape(rehypePlugins(options)));
  });

  it('refuses a locale it has no words for', () => {
    expect(() => markdownProcessorOptions({ ...options, locale: 'de-DE' })).toThrow(
      /No UI dictionary for locale "de-DE"/,
    );
  });
});

describe('the pipeline on the seed article', () => {
  it('renders « » and the French spaces while the Markdown file keeps its straight quotes', async () => {
    const source = await readFile(SEED, 'utf8');
    expect(source).toContain('"Notre position est très simple", a poursuivi le diplomate russe.');
    const body = source.slice(source.indexOf('\n---\n', 4) + 5);
    const { code, metadata } = await (await renderer())(body);
    const $ = cheerio.load(code, null, false);
    const paragraphs = $('p')
      .map((_, p) => $(p).text())
      .get();
    expect(paragraphs).toHaveLength(9);
    expect(paragraphs[3]).toBe(
      '«\u202fNotre position est très simple\u202f», a poursuivi le diplomate russe. «\u202fNous sommes prêts à discuter de toutes les questions sans exception, mais dans la perspective que la discussion sera honnête, avec les faits sur la table, et bien entendu sur la base du respect mutuel\u202f».',
    );
    expect(paragraphs[1]).toContain('M.\u00a0Lavrov avait déclaré');
    expect(paragraphs[0]).toContain('le secrétaire d’Etat américain');
    expect(code).not.toMatch(/["']/);
    expect(metadata.frontmatter[READING_MINUTES]).toBe(2);
  });
});

describe('the pipeline on article furniture', () => {
  const article = [
    '## Où en est la coopération ?',
    '',
    'Le conseil de Valmorin a voté[^vote] ; le budget atteint 15 %[^budget].',
    '',
    ':::citation[Basile Oudin]',
    '"Nous avons besoin de temps."',
    ':::',
    '',
    '| Ville | Habitants |',
    '|---|---|',
    '| Valmorin | 12 000 |',
    '',
    '[^vote]: Vote fictif du 3 mai.',
    '[^budget]: Chiffre fictif.',
  ].join('\n');

  it('gives footnotes French labels and links that reach their targets both ways', async () => {
    const { code } = await (await renderer())(article);
    const $ = cheerio.load(code, null, false);
    expect($('section.footnotes h2').text()).toBe('Notes');
    expect($('a[data-footnote-backref]').first().attr('aria-label')).toBe('Retour à l’appel de note 1');
    const links = $('a[href^="#"]');
    expect(links.length).toBe(4);
    links.each((_, link) => {
      const target = $(link).attr('href')!.slice(1);
      expect(target, target).toMatch(/^user-content-fn(ref)?-/);
      expect($(`[id="${target}"]`).length, target).toBe(1);
    });
    expect($('sup a').first().attr('aria-describedby')).toBe($('section.footnotes h2').attr('id'));
  });

  it('keeps its ASCII heading ids through Astro’s heading collector', async () => {
    const { code, metadata } = await (await renderer())(article);
    expect(code).toContain('<h2 id="ou-en-est-la-cooperation">Où en est la coopération\u202f?</h2>');
    expect(metadata.headings[0]).toMatchObject({ depth: 2, slug: 'ou-en-est-la-cooperation' });
  });

  it('renders pull quotes and tables as semantic HTML', async () => {
    const { code } = await (await renderer())(article);
    const $ = cheerio.load(code, null, false);
    expect($('figure.pullquote > blockquote > p').text()).toBe('«\u202fNous avons besoin de temps.\u202f»');
    expect($('figure.pullquote > figcaption').text()).toBe('Basile Oudin');
    expect(
      $('table thead th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['Ville', 'Habitants']);
  });

  it('speaks English in an English site', async () => {
    const { code } = await (await renderer('en-GB'))(article);
    const $ = cheerio.load(code, null, false);
    expect($('section.footnotes h2').text()).toBe('Footnotes');
    expect($('a[data-footnote-backref]').first().attr('aria-label')).toBe('Back to reference 1');
    expect($('figure.pullquote p').text()).toBe('“Nous avons besoin de temps.”');
    expect(code).toContain('voté<sup>');
  });
});
