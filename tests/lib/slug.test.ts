import { describe, expect, it } from 'vitest';
import { slugify } from '#src/lib/slug.ts';

describe('slugify', () => {
  it.each([
    ['coopération', 'cooperation'],
    ['La Russie et les États-Unis', 'la-russie-et-les-etats-unis'],
    ['« Sérieuses différences » !', 'serieuses-differences'],
    ['L’œuvre d’Ærø', 'l-oeuvre-d-aero'],
    ['Straße 15 %', 'strasse-15'],
    ['---', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('cuts long titles at a word boundary within the bound', () => {
    const slug = slugify(
      'La Russie et les Etats-Unis recherchent la coopération dans un contexte de relations tendues',
      60,
    );
    expect(slug).toBe('la-russie-et-les-etats-unis-recherchent-la-cooperation-dans');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it('only ever yields lower-case ASCII letters, digits and single hyphens', () => {
    expect(slugify('Ελληνικά 中文 Ünïcödé — 2021 !!')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
