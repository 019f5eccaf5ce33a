/**
 * The site's wordings of dates and names, bound to a locale and a time zone:
 * "21.05.2021 08h19", "Dernière mise à jour à 09h05 le 21/05",
 * "(Rédacteurs : Ying Xie, Yishuang Liu)". Patterns come from the UI dictionary.
 */
import { dictionaryFor, fill } from '#src/i18n/index.ts';
import { formatLongDate, formatPattern, isoInZone } from './dates.ts';
import type { PageStamp, YearSpan } from './stamps.ts';

export interface Formatters {
  /** `2021-05-21T08:19:00+08:00`, for `<time datetime>`. */
  iso: (date: Date) => string;
  /** `21.05.2021 08h19` */
  dateTime: (date: Date) => string;
  /** `08h19` */
  time: (date: Date) => string;
  /** `21/05` */
  dayMonth: (date: Date) => string;
  /** `21 mai 2021` */
  longDate: (date: Date) => string;
  /** `Dernière mise à jour à 09h05 le 21/05`, or `… le 21/05/2021` when the stamp carries its year. */
  lastUpdated: (stamp: PageStamp) => string;
  /** `Mis à jour le 21 mai 2021 à 09h05` */
  updatedOn: (date: Date) => string;
  /** `(Rédacteurs : Ying Xie, Yishuang Liu)`, singular for one name. */
  editors: (names: readonly string[]) => string;
  /** The same line in parts, to link each name: `(Rédacteurs\u00a0: `, `, `, `)`. */
  editorsParts: (count: number) => { before: string; separator: string; after: string };
  /** `2020–2026`, or `2026` for one year. */
  years: (span: YearSpan) => string;
}

export function createFormatters(locale: string, timeZone: string): Formatters {
  const strings = dictionaryFor(locale);
  const plural = new Intl.PluralRules(locale);
  const time = (date: Date) => formatPattern(date, strings.timePattern, timeZone);
  const longDate = (date: Date) => formatLongDate(date, locale, timeZone);
  return {
    iso: (date) => isoInZone(date, timeZone),
    dateTime: (date) => formatPattern(date, strings.dateTimePattern, timeZone),
    time,
    dayMonth: (date) => formatPattern(date, strings.dayMonthPattern, timeZone),
    longDate,
    lastUpdated: ({ date, withYear }) =>
      fill(strings.lastUpdated, {
        time: time(date),
        date: formatPattern(date, withYear ? strings.dayMonthYearPattern : strings.dayMonthPattern, timeZone),
      }),
    updatedOn: (date) => fill(strings.updatedOn, { date: longDate(date), time: time(date) }),
    editors: (names) =>
      fill(plural.select(names.length) === 'one' ? strings.editorsOne : strings.editorsOther, {
        names: names.join(strings.namesSeparator),
      }),
    editorsParts: (count) => {
      const [before = '', after = ''] = (
        plural.select(count) === 'one' ? strings.editorsOne : strings.editorsOther
      ).split('{names}');
      return { before, separator: strings.namesSeparator, after };
    },
    years: ({ first, last }) => (first === last ? first : `${first}\u2013${last}`),
  };
}
