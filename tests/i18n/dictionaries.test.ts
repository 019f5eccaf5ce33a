import { describe, expect, it } from 'vitest';
import en from '#src/i18n/en.ts';
import fr from '#src/i18n/fr.ts';
import { dictionaryFor, fill, uiLanguageOf, useTranslations } from '#src/i18n/index.ts';

describe('dictionaries', () => {
  it('fill the same keys with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
  });

  it('have no empty string', () => {
    for (const value of [...Object.values(fr), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });
});

describe('uiLanguageOf and dictionaryFor', () => {
  it('match regional locales to their language', () => {
    expect(uiLanguageOf('fr-CA')).toBe('fr');
    expect(uiLanguageOf('en-GB')).toBe('en');
    expect(dictionaryFor('fr-FR')).toBe(fr);
  });

  it('refuse a language without a dictionary', () => {
    expect(() => dictionaryFor('de-DE')).toThrow(/No UI dictionary for locale "de-DE"/);
  });
});

describe('useTranslations', () => {
  it('fills placeholders', () => {
    expect(useTranslations('fr-FR')('pageOf', { page: 2, pages: 3 })).toBe('Page 2 sur 3');
  });

  it('throws on a missing placeholder value', () => {
    expect(() => fill('Page {page}', {})).toThrow(/Missing value for \{page\}/);
  });
});
