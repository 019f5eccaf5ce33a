/**
 * Date formatting in the site's time zone, never the machine's: every function
 * takes the zone (and locale) as arguments, so output does not depend on `TZ`.
 */

/** Calendar fields of an instant as seen on a wall clock in one time zone. */
export interface ZonedParts {
  yyyy: string;
  MM: string;
  dd: string;
  HH: string;
  mm: string;
  ss: string;
  /** Offset from UTC as `+08:00`, `-04:00` or `+00:00`. */
  offset: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    // en-US with h23 gives plain ASCII digits and a 00–23 hour in every runtime.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of `date` in `timeZone`. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  // "GMT+08:00", or plain "GMT" for UTC itself.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : (parts.timeZoneName ?? '').replace('GMT', '');
  return {
    yyyy: parts.year ?? '',
    MM: parts.month ?? '',
    dd: parts.day ?? '',
    HH: parts.hour ?? '',
    mm: parts.minute ?? '',
    ss: parts.second ?? '',
    offset,
  };
}

/** `2021-05-21T08:19:00+08:00`: the instant with the zone's offset, for `<time datetime>`. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.yyyy}-${p.MM}-${p.dd}T${p.HH}:${p.mm}:${p.ss}${p.offset}`;
}

/** Fills a pattern such as `{dd}.{MM}.{yyyy} {HH}h{mm}` with the wall-clock fields. */
export function formatPattern(date: Date, pattern: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return pattern.replace(/\{(yyyy|MM|dd|HH|mm|ss)\}/g, (_, token: keyof ZonedParts) => p[token]);
}

const longDateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The locale's long date, e.g. "21 mai 2021" or "21 May 2021". */
export function formatLongDate(date: Date, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = longDateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' });
    longDateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** The calendar year of `date` in `timeZone`, e.g. for a copyright line. */
export function yearInZone(date: Date, timeZone: string): string {
  return zonedParts(date, timeZone).yyyy;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), seconds and
 * fractions optional. An offset is required: without one, "08:19" would mean
 * whatever zone the build machine happens to be in.
 */
export const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 date-time with offset; `undefined` when malformed or impossible. */
export function parseIsoWithOffset(value: string): Date | undefined {
  const match = ISO_WITH_OFFSET.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || (s ?? 0) > 59) return undefined;
  const date = new Date(value.trim().replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject calendar overflow such as 31 April, which Date would roll into May.
  const check = new Date(Date.UTC(y!, mo! - 1, d!));
  if (check.getUTCDate() !== d) return undefined;
  return date;
}
