import { afterAll, describe, expect, it } from 'vitest';
import {
  formatLongDate,
  formatPattern,
  isoInZone,
  isoAtOffset,
  isValidTimeZone,
  parseIsoWithOffset,
  readIsoWithOffset,
  zonedInstant,
  zonedParts,
} from '#src/lib/dates.ts';

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

  it('reads the instant each time, whatever was asked before (fields are kept by zone and instant)', () => {
    const date = new Date('2021-05-20T23:30:00Z');
    expect(zonedParts(date, 'Asia/Shanghai').dd).toBe('21');
    expect(zonedParts(date, 'America/New_York')).toMatchObject({ dd: '20', HH: '19', offset: '-04:00' });
    date.setTime(Date.parse('2021-12-31T20:00:00Z'));
    expect(zonedParts(date, 'Asia/Shanghai')).toMatchObject({ yyyy: '2022', MM: '01', dd: '01', HH: '04' });
    expect(Object.isFrozen(zonedParts(date, 'Asia/Shanghai'))).toBe(true);
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

describe('readIsoWithOffset', () => {
  it('keeps the offset as written, colon added', () => {
    expect(readIsoWithOffset('2021-05-21T08:19+0800')).toEqual({
      date: new Date('2021-05-21T00:19:00Z'),
      offset: '+08:00',
    });
    expect(readIsoWithOffset('2021-05-21 00:19:00Z')).toEqual({ date: new Date('2021-05-21T00:19:00Z'), offset: 'Z' });
  });

  it.each([
    ['2021-05-21T08:19:00', { problem: 'offset' }],
    ['2021-02-29T08:19:00+08:00', { problem: 'day', year: 2021, month: 2, day: 29 }],
    ['2021-04-31T08:19:00+08:00', { problem: 'day', year: 2021, month: 4, day: 31 }],
    ['2021-13-01T08:19:00+08:00', { problem: 'day', year: 2021, month: 13, day: 1 }],
    ['2021-05-21T23:60:00+08:00', { problem: 'time' }],
    ['2021-05-21T08:19:00+24:00', { problem: 'format' }],
    ['21.05.2021 08h19', { problem: 'format' }],
  ])('says what is wrong with %j', (input, expected) => {
    expect(readIsoWithOffset(input)).toEqual(expected);
  });

  it('reads 29 February of a leap year', () => {
    expect(readIsoWithOffset('2024-02-29T08:19:00+08:00')).toMatchObject({ offset: '+08:00' });
  });
});

describe('isoAtOffset', () => {
  it.each([
    ['+08:00', '2021-05-21T08:19:00+08:00'],
    ['-04:30', '2021-05-20T19:49:00-04:30'],
    ['Z', '2021-05-21T00:19:00Z'],
  ])('writes an instant at %s', (offset, expected) => {
    expect(isoAtOffset(new Date('2021-05-21T00:19:00Z'), offset)).toBe(expected);
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
