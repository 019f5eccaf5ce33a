import { afterAll, describe, expect, it } from 'vitest';
import {
  formatLongDate,
  formatPattern,
  isoInZone,
  isValidTimeZone,
  parseIsoWithOffset,
  zonedInstant,
  zonedParts,
} from '#src/lib/dates.ts';
import { random } from '../support/synthetic-corpus.ts';

const published = new Date('2021-05-21T08:19:00+08:00');
const originalTz = process.env['TZ'];
afterAll(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe.each(['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'])('under TZ=%s', (tz) => {
  it('formats 08h19 in Beijing time whatever TZ is', () => {
    process.env['TZ'] = tz;
    expect(formatPattern(published, '{dd}.{MM}.{yyyy} {HH}h{mm}', 'Asia/Shanghai')).toBe('21.05.2021 08h19');
    expect(isoInZone(published, 'Asia/Shanghai')).toBe('2021-05-21T08:19:00+08:00');
    expect(formatLongDate(published, 'fr-FR', 'Asia/Shanghai')).toBe('21 mai 2021');
  });
});

describe('zonedParts', () => {
  it('crosses midnight into the zone’s own day', () => {
    const lateUtc = new Date('2021-05-20T23:30:00Z');
    expect(zonedParts(lateUtc, 'Asia/Shanghai')).toMatchObject({
      yyyy: '2021',
      MM: '05',
      dd: '21',
      HH: '07',
      mm: '30',
    });
    expect(zonedParts(lateUtc, 'UTC')).toMatchObject({ dd: '20', HH: '23', offset: '+00:00' });
  });

  it('gives midnight as 00, not 24', () => {
    expect(zonedParts(new Date('2021-05-20T16:00:00Z'), 'Asia/Shanghai').HH).toBe('00');
  });

  it('follows daylight saving time in the offset', () => {
    expect(zonedParts(new Date('2021-01-15T12:00:00Z'), 'Europe/Paris').offset).toBe('+01:00');
    expect(zonedParts(new Date('2021-07-15T12:00:00Z'), 'Europe/Paris').offset).toBe('+02:00');
    expect(zonedParts(new Date('2021-07-15T12:00:00Z'), 'Asia/Kolkata').offset).toBe('+05:30');
  });
});

describe('isoInZone', () => {
  it('writes negative offsets', () => {
    expect(isoInZone(published, 'America/New_York')).toBe('2021-05-20T20:19:00-04:00');
  });
});

describe('formatLongDate', () => {
  it('speaks the locale', () => {
    expect(formatLongDate(published, 'en-GB', 'Asia/Shanghai')).toBe('21 May 2021');
  });
});

describe('parseIsoWithOffset', () => {
  it.each([
    ['2021-05-21T08:19:00+08:00', '2021-05-21T00:19:00.000Z'],
    ['2021-05-21T08:19+08:00', '2021-05-21T00:19:00.000Z'],
    ['2021-05-21T00:19:00Z', '2021-05-21T00:19:00.000Z'],
    ['2021-05-21T08:19:00.500+08:00', '2021-05-21T00:19:00.500Z'],
  ])('reads %s', (input, expected) => {
    expect(parseIsoWithOffset(input)?.toISOString()).toBe(expected);
  });

  it.each([
    '2021-05-21T08:19:00',
    '2021-05-21',
    '21.05.2021 08h19',
    '2021-04-31T08:00:00Z',
    '2021-13-01T08:00:00Z',
    '2021-05-21T24:00:00Z',
    '',
  ])('refuses %j', (input) => {
    expect(parseIsoWithOffset(input)).toBeUndefined();
  });
});

describe('parseIsoWithOffset against Date', () => {
  /** What `Date` makes of the text, with the same checks of fields and calendar. */
  function reference(text: string): number | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
    if (!match) return undefined;
    const [, y, mo, d, h, mi, s] = match.map(Number);
    if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || (s ?? 0) > 59) return undefined;
    if (new Date(Date.UTC(y!, mo! - 1, d)).getUTCDate() !== d) return undefined;
    const time = new Date(text.replace(' ', 'T')).getTime();
    return Number.isNaN(time) ? undefined : time;
  }

  it('reads thousands of dates, offsets and separators exactly as Date does', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const rand = random(7);
    const next = (m: number) => Math.floor(rand() * m);
    for (let i = 0; i < 5000; i++) {
      const year = [1000, 1969, 1970, 2021, 2024, 9999, 999, 100][next(8)]!;
      const seconds = next(3) === 0 ? '' : `:${pad(next(61))}${next(5) === 0 ? `.${'5'.repeat(1 + next(4))}` : ''}`;
      const offset = [
        'Z',
        `+${pad(next(26))}:${pad(next(61))}`,
        `-${pad(next(24))}:${pad(next(60))}`,
        `+${pad(next(24))}${pad(next(60))}`,
      ][next(4)]!;
      const text = `${pad(year, 4)}-${pad(1 + next(13))}-${pad(1 + next(31))}${next(2) ? 'T' : ' '}${pad(next(25))}:${pad(next(61))}${seconds}${offset}`;
      expect(parseIsoWithOffset(text)?.getTime(), text).toBe(reference(text));
    }
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('zonedInstant', () => {
  it.each([
    [
      '08h19 in Beijing',
      { year: 2021, month: 5, day: 21, hour: 8, minute: 19 },
      'Asia/Shanghai',
      '2021-05-21T00:19:00.000Z',
    ],
    [
      'midnight in New York in winter',
      { year: 2021, month: 1, day: 1, hour: 0, minute: 0 },
      'America/New_York',
      '2021-01-01T05:00:00.000Z',
    ],
    [
      'summer time in Paris',
      { year: 2021, month: 7, day: 14, hour: 12, minute: 0, second: 30 },
      'Europe/Paris',
      '2021-07-14T10:00:30.000Z',
    ],
    [
      '02h30 on the night Paris skips it',
      { year: 2021, month: 3, day: 28, hour: 2, minute: 30 },
      'Europe/Paris',
      '2021-03-28T01:30:00.000Z',
    ],
    [
      '02h30 on the night Paris has it twice',
      { year: 2021, month: 10, day: 31, hour: 2, minute: 30 },
      'Europe/Paris',
      '2021-10-31T01:30:00.000Z',
    ],
  ])('reads %s', (_, wall, zone, iso) => {
    expect(zonedInstant(wall, zone)?.toISOString()).toBe(iso);
  });

  it.each([
    ['31 April', { year: 2021, month: 4, day: 31, hour: 8, minute: 0 }],
    ['29 February of a common year', { year: 2021, month: 2, day: 29, hour: 8, minute: 0 }],
    ['24h00', { year: 2021, month: 5, day: 21, hour: 24, minute: 0 }],
    ['month 13', { year: 2021, month: 13, day: 1, hour: 0, minute: 0 }],
  ])('has no instant for %s', (_, wall) => {
    expect(zonedInstant(wall, 'UTC')).toBeUndefined();
  });
});

describe('zonedParts against Intl', () => {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  /** The fields as `Intl` gives them, with no cache in between. */
  function reference(date: Date, timeZone: string) {
    if (!formatters.has(timeZone)) {
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
          timeZoneName: 'longOffset',
        }),
      );
    }
    const parts = Object.fromEntries(
      formatters
        .get(timeZone)!
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    const offset = parts['timeZoneName'] === 'GMT' ? '+00:00' : String(parts['timeZoneName']).replace('GMT', '');
    return {
      yyyy: parts['year'],
      MM: parts['month'],
      dd: parts['day'],
      HH: parts['hour'],
      mm: parts['minute'],
      ss: parts['second'],
      offset,
    };
  }

  it.each([
    'Asia/Shanghai',
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/St_Johns',
    'Pacific/Apia',
    'UTC',
  ])(
    'gives Intl’s fields every 47 minutes and 13 seconds of 2011 and 2021 in %s, through changes of offset',
    (zone) => {
      for (const year of [2011, 2021]) {
        const end = Date.UTC(year + 1, 0, 2);
        for (let t = Date.UTC(year, 0, 1); t < end; t += 2_833_000) {
          const date = new Date(t);
          const got = zonedParts(date, zone);
          const want = reference(date, zone);
          // Compared as text: thousands of expect() calls would cost more than the comparison.
          if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `${zone} ${date.toISOString()}`).toEqual(want);
        }
      }
    },
  );

  it('gives Intl’s fields for an old local mean time and a year before 1000', () => {
    for (const iso of ['1890-06-01T12:00:00Z', '0999-06-01T12:00:00Z', '1900-12-31T23:59:59Z']) {
      expect(zonedParts(new Date(iso), 'Europe/Paris')).toEqual(reference(new Date(iso), 'Europe/Paris'));
    }
  });
});
