/**
 * remark-gfm-fast must change nothing but speed: the same syntax tree as
 * remark-gfm alone (positions included) and the same rendering through the
 * whole pipeline, on bodies with and without autolink literals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownProcessorOptions } from '#src/markdown/index.ts';
import remarkGfmFast, { mayHaveAutolinkLiteral, mayHaveTable } from '#src/markdown/remark-gfm-fast.ts';
import { generateCorpus } from '../support/synthetic-corpus.ts';
import { FIXTURES } from './fixtures.ts';

const handWritten = [
  'Écrire à contact@valmorin.example ou à <contact@valmorin.example>.',
  'Voir www.valmorin.example/plan, WWW.VALMORIN.EXAMPLE et https://valmorin.example/a?b#c.',
  'HTTP://VALMORIN.EXAMPLE/ et mailto:maire@valmorin.example, xmpp:quai@port-lumiere.example/ressource.',
  'Un [lien vers www.example.org](https://example.org) et [crochet ouvert www.example.org.',
  'Sans lien : le budget atteint 15 % ; « rien ne presse » ; a_b-c.d+e ; ~~barré~~ ; - [x] tâche',
  '| a | b |\n|---|---|\n| c@d | www |\n\nNote[^1].\n\n[^1]: Pied de page.',
  'wwwx.example, http:/example, https:example, www, @, @@, a@b, www.',
  '* [ ] à faire\n* [x] fait\n\n> citation avec _emphase_ et **gras** et `code@x`',
  'Ville | Habitants\n:-- | --:\nValmorin | 12 000\n\nSans tableau\n:-\n\nTitre\n---',
  'a | b\n- | -\nc | www.example.org\n\n| seul |\n| --- |',
];

function fixtureInputs(): string[] {
  const inputs: string[] = [];
  for (const group of readdirSync(FIXTURES)) {
    for (const name of readdirSync(join(FIXTURES, group)))
      inputs.push(readFileSync(join(FIXTURES, group, name, 'input.md'), 'utf8'));
  }
  return inputs;
}

const corpus = generateCorpus({ count: 60, seed: 11, paragraphs: 6 }).map((a) =>
  a.text.slice(a.text.indexOf('\n---\n', 4) + 5),
);
const bodies = [...handWritten, ...fixtureInputs(), ...corpus];

describe('remark-gfm-fast', () => {
  it('is exercised on both paths by these bodies', () => {
    const withLinks = bodies.filter(mayHaveAutolinkLiteral).length;
    expect(withLinks).toBeGreaterThan(5);
    expect(bodies.length - withLinks).toBeGreaterThan(50);
    expect(mayHaveAutolinkLiteral('le 3 mai à Valmorin')).toBe(false);
    expect(mayHaveAutolinkLiteral('voir WwW.example.org')).toBe(true);
    expect(mayHaveAutolinkLiteral('voir Https://example.org')).toBe(true);
    const withTables = bodies.filter(mayHaveTable).length;
    expect(withTables).toBeGreaterThan(3);
    expect(bodies.filter((b) => mayHaveTable(b) && !mayHaveAutolinkLiteral(b)).length).toBeGreaterThan(0);
  });

  it('gives the syntax tree remark-gfm gives, positions included', () => {
    const reference = unified().use(remarkParse).use(remarkGfm);
    const fast = unified().use(remarkParse).use(remarkGfm).use(remarkGfmFast);
    for (const body of bodies) expect(fast.parse(body), body.slice(0, 80)).toEqual(reference.parse(body));
  });

  it('leaves the rendering of the whole pipeline unchanged', async () => {
    const options = markdownProcessorOptions({ siteUrl: 'https://rotative.example.org', locale: 'fr-FR' });
    const withoutFast = {
      ...options,
      remarkPlugins: options.remarkPlugins.filter((plugin) => plugin !== remarkGfmFast),
    };
    expect(withoutFast.remarkPlugins).toHaveLength(options.remarkPlugins.length - 1);
    const [fast, reference] = await Promise.all([
      createMarkdownProcessor({ ...options, syntaxHighlight: false }),
      createMarkdownProcessor({ ...withoutFast, syntaxHighlight: false }),
    ]);
    const fileURL = new URL('file:///articles/essai.md');
    for (const body of bodies) {
      expect(await fast.render(body, { fileURL }), body.slice(0, 80)).toEqual(
        await reference.render(body, { fileURL }),
      );
    }
  });

  it('does nothing without remark-gfm', () => {
    const plain = unified().use(remarkParse);
    const withFast = unified().use(remarkParse).use(remarkGfmFast);
    expect(withFast.parse('www.example.org ~~a~~')).toEqual(plain.parse('www.example.org ~~a~~'));
  });
});
