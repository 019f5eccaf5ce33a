import { afterAll, describe, expect, it } from 'vitest';
import {
  formatLongDate,
  formatPattern,
  isoInZone,
  isValidTimeZone,
  parseIsoWithOffset,
  zonedParts,
} from '../../src/lib/dates.ts';

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
    expect(zonedParts(lateUtc, 'Asia/Shanghai')).toMatchObject({ yyyy: '2021', MM: '05', dd: '21', HH: '07', mm: '30' });
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

  it.each(['2021-05-21T08:19:00', '2021-05-21', '21.05.2021 08h19', '2021-04-31T08:00:00Z', '2021-13-01T08:00:00Z', '2021-05-21T24:00:00Z', ''])(
    'refuses %j',
    (input) => {
      expect(parseIsoWithOffset(input)).toBeUndefined();
    },
  );
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
