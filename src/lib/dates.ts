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

/** Wall-clock fields of `date` in `timeZone`, from `Intl` itself. */
function intlParts(date: Date, timeZone: string): ZonedParts {
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

const DAY = 86_400_000;
/** Per zone, per UTC day: the zone's offset in ms all that day, or `null` when it changes that day. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** How far the zone's wall clock runs ahead of UTC at `t` (a whole second), per `Intl`. */
function intlOffset(t: number, timeZone: string): number {
  const p = intlParts(new Date(t), timeZone);
  return Date.UTC(Number(p.yyyy), Number(p.MM) - 1, Number(p.dd), Number(p.HH), Number(p.mm), Number(p.ss)) - t;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Wall-clock fields of `date` in `timeZone`. `Intl`'s `formatToParts` costs
 * about 10 µs a call, which the checker and the build pay for every article:
 * the zone's offset is asked of `Intl` twice per UTC day instead (at its first
 * and last second), and when it is the same at both ends the fields are
 * computed from it. Days with a change of offset, offsets with seconds (old
 * local mean times) and years outside 1000–9999 always go to `Intl`.
 */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const t = date.getTime();
  const day = Math.floor(t / DAY);
  let offsets = dayOffsets.get(timeZone);
  if (!offsets) dayOffsets.set(timeZone, (offsets = new Map<number, number | null>()));
  let offset = offsets.get(day);
  if (offset === undefined) {
    const first = intlOffset(day * DAY, timeZone);
    offset = first === intlOffset(day * DAY + DAY - 1000, timeZone) && first % 60_000 === 0 ? first : null;
    offsets.set(day, offset);
  }
  const local = offset === null ? undefined : new Date(t + offset);
  if (offset === null || !local || local.getUTCFullYear() < 1000 || local.getUTCFullYear() > 9999)
    return intlParts(date, timeZone);
  const minutes = Math.abs(offset) / 60_000;
  return {
    yyyy: String(local.getUTCFullYear()),
    MM: twoDigits(local.getUTCMonth() + 1),
    dd: twoDigits(local.getUTCDate()),
    HH: twoDigits(local.getUTCHours()),
    mm: twoDigits(local.getUTCMinutes()),
    ss: twoDigits(local.getUTCSeconds()),
    offset: `${offset < 0 ? '-' : '+'}${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`,
  };
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
 * ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), seconds and
 * fractions optional. An offset is required: without one, "08:19" would mean
 * whatever zone the build machine happens to be in.
 */
export const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 date-time with offset; `undefined` when malformed or impossible. */
export function parseIsoWithOffset(value: string): Date | undefined {
  const text = value.trim();
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || (s ?? 0) > 59) return undefined;
  // Reject calendar overflow such as 31 April, which Date would roll into May.
  if (new Date(Date.UTC(y!, mo! - 1, d)).getUTCDate() !== d) return undefined;
  // The usual `…T08:19:00+08:00` or `…Z` is computed; parsing the text again
  // with `Date` cost 0.1 s of the checker's time on 10,000 articles. Anything
  // else (fractions, `+0800`, odd offsets, years before 1000) goes to `Date`.
  const offset = match[7]!;
  const sign = offset[0] === '-' ? -1 : 1;
  const offsetHours = Number(offset.slice(1, 3));
  const offsetMinutes = Number(offset.slice(4, 6));
  if (
    !text.includes('.') &&
    y! >= 1000 &&
    (offset === 'Z' || (offset[3] === ':' && offsetHours <= 23 && offsetMinutes <= 59))
  ) {
    const shift = offset === 'Z' ? 0 : sign * (offsetHours * 60 + offsetMinutes) * 60_000;
    return new Date(Date.UTC(y!, mo! - 1, d, h, mi, Number.isNaN(s) ? 0 : s!) - shift);
  }
  const date = new Date(text.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
