import { describe, expect, it } from 'vitest';
import { listStamp, pageStamp } from '#src/lib/stamps.ts';

const zone = 'Asia/Shanghai';

describe('pageStamp', () => {
  const updated = new Date('2021-05-21T09:05:00+08:00');

  it('leaves the year out when the date is in the build clock’s year, in the site’s zone', () => {
    expect(pageStamp(updated, new Date('2021-12-31T15:59:59Z'), zone)).toEqual({ date: updated, withYear: false });
  });

  it('writes the year once the clock is in another year in the site’s zone, whatever UTC says', () => {
    // 16h00 UTC on 31 December is already 1 January in Beijing.
    expect(pageStamp(updated, new Date('2021-12-31T16:00:00Z'), zone)).toEqual({ date: updated, withYear: true });
  });

  it('gives no stamp to a page without content', () => {
    expect(pageStamp(undefined, new Date(), zone)).toBeUndefined();
  });
});

describe('listStamp', () => {
  it('is the newest change among the articles a page lists', () => {
    const a = { modified: new Date('2021-05-01T00:00:00Z') };
    const b = { modified: new Date('2021-05-03T00:00:00Z') };
    expect(listStamp([a, b], new Date('2021-06-01T00:00:00Z'), zone)?.date).toBe(b.modified);
    expect(listStamp([], new Date('2021-06-01T00:00:00Z'), zone)).toBeUndefined();
  });
});
