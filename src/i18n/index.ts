import en from './en.ts';
import fr from './fr.ts';
import type { UILanguage, UIStrings } from './types.ts';

export type { UILanguage, UIStrings };

const dictionaries: Record<UILanguage, UIStrings> = { fr, en };

/** Languages with a dictionary, for config validation and messages. */
export const uiLanguages = Object.keys(dictionaries) as UILanguage[];

/** The dictionary's language for a BCP 47 locale: `fr-FR`, `fr-CA` → `fr`. */
export function uiLanguageOf(locale: string): UILanguage | undefined {
  const language = locale.split('-')[0]?.toLowerCase();
  return uiLanguages.find((l) => l === language);
}

export type Translate = (key: keyof UIStrings, vars?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; an unknown placeholder is a bug, so it throws. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Missing value for {${name}} in "${template}"`);
    return String(value);
  });
}

/** The dictionary for a locale; throws when Rotative has none for it. */
export function dictionaryFor(locale: string): UIStrings {
  const language = uiLanguageOf(locale);
  if (!language) {
    throw new Error(
      `No UI dictionary for locale "${locale}": expected one of ${uiLanguages.join(', ')} (e.g. fr-FR, en-GB)`,
    );
  }
  return dictionaries[language];
}

/** A `t(key, vars)` bound to the locale's dictionary. */
export function useTranslations(locale: string): Translate {
  const strings = dictionaryFor(locale);
  return (key, vars) => fill(strings[key], vars);
}
