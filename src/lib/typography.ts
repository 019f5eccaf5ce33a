/**
 * Typography of running text for the site's language, as one pure function: the article pipeline
 * (`rehype-typography.ts`) runs it over every text node, the templates over headlines, standfirsts and section names.
 * French follows the Imprimerie nationale's Lexique, `fr-CA` the Office québécois de la langue française (no space
 * before `;` `!` `?`); English gets “ ” ‘ ’ and no added space. URLs and e-mail addresses are left alone, and running
 * it twice changes nothing. The rules one by one: README, Markdown.
 *
 * @example
 * typography('"Notre position est très simple", a-t-il dit : 15 %...', 'fr-FR')
 * // '«\u202fNotre position est très simple\u202f», a-t-il dit\u00a0: 15\u00a0%…'
 */

/** U+202F, before `;` `!` `?` and inside guillemets. */
export const NNBSP = '\u202f';
/** U+00A0, before `:`, between a number and its unit, after `M.`. */
export const NBSP = '\u00a0';

/** Which rules a locale gets. */
export interface TypographyRules {
  /** The locale these rules were made for, as given. */
  locale: string;
  /** `fr` (France, Belgium, Switzerland…), `fr-CA`, or `en`. */
  family: 'fr' | 'fr-CA' | 'en';
  /** One expression matching everything the rules may change, compiled once. */
  pattern: RegExp;
  /** The same, also matching URLs and e-mail addresses to keep them verbatim. */
  protectedPattern: RegExp;
}

/**
 * What one text carries over to the next inside the same block: the last
 * character written, and whether a quotation is open. `"*mot*"` is three text
 * nodes; the closing quote needs to know what came before it.
 */
export interface TypesetState {
  previous: string;
  inQuote: boolean;
}

/** A fresh state, for the start of a block or a standalone string. */
export function newState(): TypesetState {
  return { previous: '', inQuote: false };
}

// Parts of the one pattern. Each alternative is a capture group, tested in this order.
const SPACES = '[ \\u00a0\\u202f]*';
const URL = String.raw`(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"«»]*[^\s<>"«».,;:!?)\]'’]`;
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const UNITS = [
  '°C',
  '°F',
  'km/h',
  'km²',
  'm²',
  'm³',
  'km',
  'cm',
  'mm',
  'µm',
  'nm',
  'm',
  'kg',
  'mg',
  'g',
  't',
  'ha',
  'l',
  'cl',
  'ml',
  'L',
  'mL',
  'h',
  'min',
  's',
  'ms',
  'kWh',
  'MWh',
  'GWh',
  'TWh',
  'W',
  'kW',
  'MW',
  'GW',
  'ko',
  'Mo',
  'Go',
  'To',
  'Hz',
  'kHz',
  'MHz',
  'GHz',
  'dB',
  '€',
  'M€',
  'Md€',
  '\\$',
  '£',
  '¥',
  'CHF',
  '°',
];
const TITLES = ['M\\.', 'MM\\.', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Pr'];

/** Characters after which a quotation mark opens rather than closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/«“‘]/;
/** Characters after which a quotation mark closes even with a space before it. */
const CLOSES_BEFORE = /[.,;:!?)\]…]/;
const SPACE = /\s/;
/** A never-matching group keeps group numbers the same in every variant. */
const NEVER = '((?!))';
const WORD = /[\p{L}\p{N}]/u;

function compile(family: TypographyRules['family'], protect: boolean): RegExp {
  const french = family !== 'en';
  const groups = [
    // 1: URLs and e-mail addresses, kept verbatim; anchored at a word start so words are not rescanned.
    protect ? `((?<![\\w.+-])(?:${URL}|${EMAIL}))` : NEVER,
    // 2: exactly three dots.
    String.raw`((?<!\.)\.\.\.(?!\.))`,
    // 3: a straight double quote with the spaces around it; spaces before `;` `!` `?` `:` are theirs.
    `(${SPACES}"(?:[ \\u00a0\\u202f]+(?![ \\u00a0\\u202f;!?:]))?)`,
    // 4: a straight apostrophe or single quote.
    `(')`,
    // 5, 6: guillemets already there, with whatever spaces they have (French only).
    french ? `(«${SPACES})` : NEVER,
    french ? `(${SPACES}»)` : NEVER,
    // 7: `;` `!` `?` (a run of them, "?!"), with the spaces before.
    french ? `(${SPACES}[;!?]+)` : NEVER,
    // 8: a colon followed by a space or the end, with the spaces before.
    french ? String.raw`(${SPACES}:(?=\s|$))` : NEVER,
    // 9: percent and per mille after a number, with at most one ordinary space.
    french ? String.raw`((?<=\d) ?[%‰])` : NEVER,
    // 10: a unit after a number and an ordinary space.
    french ? String.raw`((?<=\d) (?:${UNITS.join('|')})(?![\p{L}\p{N}'’]))` : NEVER,
    // 11: a title before a capitalised name.
    french ? String.raw`((?<![\p{L}\p{N}])(?:${TITLES.join('|')}) (?=\p{Lu}))` : NEVER,
  ];
  // Letters and lone spaces are most of any text: a first look rejects them before the
  // alternatives are tried one by one (figures: README, Performance).
  // URLs start with letters, so the pattern that protects them goes without it.
  const quickLook = french
    ? String.raw`(?=[ \u00a0\u202f]*["»;!?:%‰]|(?<=\d) |[.'«MDP])`
    : String.raw`(?=[ \u00a0\u202f]*"|[.'])`;
  return new RegExp(`${protect ? '' : quickLook}(?:${groups.join('|')})`, 'gu');
}

const cache = new Map<string, TypographyRules>();

/** Which rules a BCP 47 locale takes; undefined for a language without rules. */
function familyOf(locale: string): TypographyRules['family'] | undefined {
  const [language = '', region = ''] = locale.split('-');
  if (language.toLowerCase() === 'fr') return region.toUpperCase() === 'CA' ? 'fr-CA' : 'fr';
  if (language.toLowerCase() === 'en') return 'en';
  return undefined;
}

/** Whether `typographyRules(locale)` has rules to give (French and English). */
export function hasTypographyRules(locale: string): boolean {
  return familyOf(locale) !== undefined;
}

/** The rules for a BCP 47 locale; throws for a language without rules. */
export function typographyRules(locale: string): TypographyRules {
  const cached = cache.get(locale);
  if (cached) return cached;
  const family = familyOf(locale);
  if (!family)
    throw new Error(`No typography rules for locale "${locale}": expected a French (fr-*) or English (en-*) locale`);
  const rules = { locale, family, pattern: compile(family, false), protectedPattern: compile(family, true) };
  cache.set(locale, rules);
  return rules;
}

/**
 * Typesets one text, continuing from `state` (which it updates). Use it for
 * consecutive texts of one block; `typography()` for a standalone string.
 */
export function typeset(text: string, rules: TypographyRules, state: TypesetState): string {
  if (text === '') return text;
  const french = rules.family !== 'en';
  // Most texts hold no URL or address: they skip that costlier alternative.
  const mayHoldUrl = text.includes('@') || text.includes('//') || text.includes('www.');
  const out = text.replace(mayHoldUrl ? rules.protectedPattern : rules.pattern, (match: string, ...args: unknown[]) => {
    const offset = args[11] as number;
    if (args[0] !== undefined) return match;
    if (args[1] !== undefined) return '…';
    const before = offset > 0 ? text[offset - 1]! : state.previous;
    if (args[2] !== undefined) {
      const quote = match.indexOf('"');
      const spaceBefore = match.slice(0, quote);
      const spaceAfter = match.slice(quote + 1);
      const after = text[offset + match.length];
      const open = opens(
        spaceBefore !== '' || before === '' || OPENS_AFTER.test(before),
        spaceAfter,
        after,
        state.inQuote,
      );
      state.inQuote = open;
      if (french) return open ? `${spaceBefore}«${NNBSP}` : `${NNBSP}»${spaceAfter}`;
      return open ? `${spaceBefore}“${spaceAfter}` : `${spaceBefore}”${spaceAfter}`;
    }
    if (args[3] !== undefined) {
      if (french) return '’';
      const after = text[offset + 1] ?? '';
      const opening =
        (before === '' || OPENS_AFTER.test(before)) &&
        WORD.test(after) &&
        !/^\d\d/.test(text.slice(offset + 1, offset + 3));
      return opening ? '‘' : '’';
    }
    if (args[4] !== undefined) {
      state.inQuote = true;
      return `«${NNBSP}`;
    }
    if (args[5] !== undefined) {
      state.inQuote = false;
      return `${NNBSP}»`;
    }
    if (args[6] !== undefined) {
      const marks = match.replace(/[ \u00a0\u202f]+/g, '');
      if (rules.family === 'fr-CA') return marks;
      return needsSpace(match, marks.length, before) ? `${NNBSP}${marks}` : marks;
    }
    if (args[7] !== undefined) return needsSpace(match, 1, before) ? `${NBSP}:` : ':';
    if (args[8] !== undefined) return `${NBSP}${match.slice(-1)}`;
    if (args[9] !== undefined) return `${NBSP}${match.slice(1)}`;
    return `${match.slice(0, -1)}${NBSP}`;
  });
  state.previous = out[out.length - 1] ?? state.previous;
  return out;
}

/** A standalone string (headline, standfirst, section name) typeset for `locale`. */
export function typography(text: string, locale: string): string {
  return typeset(text, typographyRules(locale), newState());
}

/**
 * Whether a straight quote opens. Letters right before it close it (`mot"`);
 * a word right after a space opens it (` "mot`); otherwise (`"` between
 * spaces, or at the end of a text node) the open quotation decides.
 */
function opens(boundaryBefore: boolean, spaceAfter: string, after: string | undefined, inQuote: boolean): boolean {
  if (!boundaryBefore) return false;
  if (after !== undefined && CLOSES_BEFORE.test(after)) return false;
  if (spaceAfter === '' && after !== undefined && !SPACE.test(after)) return true;
  return !inQuote;
}

/**
 * Whether punctuation (`match`, ending with `length` marks) gets a space:
 * yes when the editor put one, or when it follows a word; no at the start of a
 * block or after an opening bracket (`(?)`).
 */
function needsSpace(match: string, length: number, before: string): boolean {
  if (match.length > length) return true;
  return before !== '' && !SPACE.test(before) && !OPENS_AFTER.test(before);
}
