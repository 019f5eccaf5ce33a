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

/** Fields already read, by zone and instant: a build shows each article's dates on many pages. Bounded, for previews. */
const knownParts = new Map<string, Map<number, Readonly<ZonedParts>>>();
const KNOWN_PARTS_LIMIT = 100_000;

/** Wall-clock fields of `date` in `timeZone`, from `Intl`. */
export function zonedParts(date: Date, timeZone: string): Readonly<ZonedParts> {
  const instant = date.getTime();
  const known = knownParts.get(timeZone)?.get(instant);
  if (known) return known;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  // "GMT+08:00", or plain "GMT" for UTC itself.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : (parts.timeZoneName ?? '').replace('GMT', '');
  const fields: Readonly<ZonedParts> = Object.freeze({
    yyyy: parts.year ?? '',
    MM: parts.month ?? '',
    dd: parts.day ?? '',
    HH: parts.hour ?? '',
    mm: parts.minute ?? '',
    ss: parts.second ?? '',
    offset,
  });
  let zone = knownParts.get(timeZone);
  if (!zone) knownParts.set(timeZone, (zone = new Map<number, Readonly<ZonedParts>>()));
  if (zone.size >= KNOWN_PARTS_LIMIT) zone.clear();
  zone.set(instant, fields);
  return fields;
}

/** `2021-05-21T08:19:00+08:00`: the instant with the zone's offset, for `<time datetime>`. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.yyyy}-${p.MM}-${p.dd}T${p.HH}:${p.mm}:${p.ss}${p.offset}`;
}

/** A date and time as read on a wall clock: month 1–12, hour 0–23. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/**
 * The instant at which a wall clock in `timeZone` shows `wall`: 21.05.2021
 * 08h19 in `Asia/Shanghai` is 2021-05-21T00:19:00Z. `undefined` for an
 * impossible date or time (31 April, 24h00). Around a daylight-saving change,
 * a time that never shows (02h30 on a spring-forward night) is read with the
 * offset before the change, and a time that shows twice gives the later instant.
 */
export function zonedInstant(wall: WallClock, timeZone: string): Date | undefined {
  const { year, month, day, hour, minute, second = 0 } = wall;
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return undefined;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    hour < 0 ||
    minute < 0 ||
    second < 0
  )
    return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(asUtc).getUTCDate() !== day) return undefined;
  // The zone's offset at `t`: how far its wall clock runs ahead of UTC.
  const offsetAt = (t: number): number => {
    const p = zonedParts(new Date(t), timeZone);
    return Date.UTC(Number(p.yyyy), Number(p.MM) - 1, Number(p.dd), Number(p.HH), Number(p.mm), Number(p.ss)) - t;
  };
  // Two steps settle on the offset of the instant itself, even next to a change of offset.
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
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
 * ISO 8601 date-time, its offset (`Z` or `±hh:mm`) optional here so that a
 * missing one can be named; seconds and fractions optional.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** What reading an ISO 8601 date-time gives: the instant and the offset as written, or what is wrong. */
export type IsoReading =
  | { date: Date; offset: string }
  /** `format`: not an ISO 8601 date-time; `offset`: no offset; `day`: no such day; `time`: no such time. */
  | { problem: 'format' | 'offset' | 'day' | 'time'; year?: number; month?: number; day?: number };

/**
 * Reads an ISO 8601 date-time with an explicit offset (`2021-05-21T08:19:00+08:00`,
 * `…Z`). Without an offset it is refused: "08:19" alone would mean whatever
 * zone the build machine happens to be in.
 */
export function readIsoWithOffset(value: string): IsoReading {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return { problem: 'format' };
  const [, y, mo, d, h, mi, s = '00', fraction = '', written] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day)
    return { problem: 'day', year, month, day };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return { problem: 'time' };
  if (written === undefined) return { problem: 'offset' };
  // `+0800` as `+08:00`, the form `Date` is specified to read.
  const offset = written === 'Z' ? 'Z' : `${written.slice(0, 3)}:${written.slice(-2)}`;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return { problem: 'format' };
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${offset}`);
  return Number.isNaN(date.getTime()) ? { problem: 'format' } : { date, offset };
}

/** Parses an ISO 8601 date-time with offset; `undefined` when malformed, impossible or without offset. */
export function parseIsoWithOffset(value: string): Date | undefined {
  const reading = readIsoWithOffset(value);
  return 'date' in reading ? reading.date : undefined;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The instant written at a fixed offset, as an editor who wrote that offset
 * reads it: `2021-05-21T08:19:00+08:00` (offset `+08:00`) or `…Z`.
 */
export function isoAtOffset(date: Date, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const wall = new Date(date.getTime() + minutes * 60_000);
  const fields = `${String(wall.getUTCFullYear()).padStart(4, '0')}-${twoDigits(wall.getUTCMonth() + 1)}-${twoDigits(wall.getUTCDate())}`;
  const time = `${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}:${twoDigits(wall.getUTCSeconds())}`;
  return `${fields}T${time}${offset}`;
}
