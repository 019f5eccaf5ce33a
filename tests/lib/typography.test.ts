import { describe, expect, it } from 'vitest';
import { NBSP, NNBSP, newState, typeset, typography, typographyRules } from '#src/lib/typography.ts';

const N = NNBSP;
const B = NBSP;

describe('typography', () => {
  describe.each([
    [
      'a semicolon, an exclamation and a question mark',
      'Rien ; tout ! Vraiment ?',
      `Rien${N}; tout${N}! Vraiment${N}?`,
    ],
    ['marks attached to the word', 'Rien; tout! Vraiment?', `Rien${N}; tout${N}! Vraiment${N}?`],
    ['a run of marks as one', 'Quoi ?!', `Quoi${N}?!`],
    ['a colon followed by a space', 'Rédacteurs : Alix, Basile', `Rédacteurs${B}: Alix, Basile`],
    ['a colon at the end', 'Deux points:', `Deux points${B}:`],
    ['straight quotes', '"Notre position est simple", a-t-il dit', `«${N}Notre position est simple${N}», a-t-il dit`],
    ['guillemets with ordinary spaces or none', '« oui » et «non»', `«${N}oui${N}» et «${N}non${N}»`],
    ['apostrophes', "l'Arctique et aujourd'hui", 'l’Arctique et aujourd’hui'],
    ['three dots', 'Et puis...', 'Et puis…'],
    ['a percentage with or without a space', '15 % et 12%', `15${B}% et 12${B}%`],
    ['units after a number', '3 km, 45 t, 10 €, 2 h', `3${B}km, 45${B}t, 10${B}€, 2${B}h`],
    ['titles before a name', 'M. Lavrov et Mme Ferrand', `M.${B}Lavrov et Mme${B}Ferrand`],
  ])('in fr-FR, %s', (_, input, expected) => {
    it('get the French spaces and signs', () => {
      expect(typography(input, 'fr-FR')).toBe(expected);
    });
  });

  it.each([
    ['a time', 'à 08:19 précises'],
    ['a URL', 'voir https://valmorin.example/a?b=c:d;e!f'],
    ['a bare domain', 'voir www.valmorin.example/a?b=1'],
    ['an e-mail address', 'écrire à alix.ferrand+presse@valmorin.example'],
    ['a word followed by a number that is no unit', 'les 2 chats et 3 lampes'],
    ['four dots', 'quatre....'],
    ['a colon inside a word', 'ratio a:b'],
  ])('leaves %s alone in fr-FR', (_, text) => {
    expect(typography(text, 'fr-FR')).toBe(text);
  });

  it('follows Quebec usage in fr-CA: no space before ; ! ?, the rest as in France', () => {
    expect(typography('"Rien ; tout !" Vraiment ? Deux points : 15 %', 'fr-CA')).toBe(
      `«${N}Rien; tout!${N}» Vraiment? Deux points${B}: 15${B}%`,
    );
  });

  it('gives English curly quotes and apostrophes, and adds no space', () => {
    expect(typography(`"Really?" she said; it's 'fine': 15 %...`, 'en-GB')).toBe(
      '“Really?” she said; it’s ‘fine’: 15 %…',
    );
    expect(typography("the '90s", 'en-US')).toBe('the ’90s');
  });

  it.each(['fr-FR', 'fr-CA', 'fr-BE', 'en-GB', 'en-US'])('is idempotent in %s', (locale) => {
    const samples = [
      `"Notre position est très simple", a poursuivi le diplomate. "Nous sommes prêts" ; vraiment ? M. Lavrov : 15 % à 08:19...`,
      `« Déjà typographié » ; « encore » ! l’apostrophe… 3 km`,
      `"*x*" " espaces " 'simple' https://a.example/?q=1 ; a@b.example !`,
    ];
    for (const text of samples) {
      const once = typography(text, locale);
      expect(typography(once, locale), text).toBe(once);
    }
  });

  it('refuses a locale without rules', () => {
    expect(() => typography('Hallo', 'de-DE')).toThrow(/No typography rules for locale "de-DE"/);
  });
});

describe('typeset', () => {
  it('carries an open quotation from one text to the next', () => {
    const rules = typographyRules('fr-FR');
    const state = newState();
    // "*Bonjour*" is three texts: the quote, the word, the quote.
    expect([typeset('"', rules, state), typeset('Bonjour', rules, state), typeset('" !', rules, state)].join('')).toBe(
      `«${N}Bonjour${N}»${N}!`,
    );
  });

  it('spaces a mark that follows a word from the text before', () => {
    const rules = typographyRules('fr-FR');
    const state = newState();
    expect(typeset('mot', rules, state) + typeset('? oui', rules, state)).toBe(`mot${N}? oui`);
  });
});

describe('typographyRules', () => {
  it('maps regional locales to their rules and compiles them once', () => {
    expect(typographyRules('fr-CH').family).toBe('fr');
    expect(typographyRules('fr-CA').family).toBe('fr-CA');
    expect(typographyRules('en-AU').family).toBe('en');
    expect(typographyRules('fr-FR')).toBe(typographyRules('fr-FR'));
  });
});
