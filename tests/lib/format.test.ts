import { describe, expect, it } from 'vitest';
import { createFormatters } from '#src/lib/format.ts';

const published = new Date('2021-05-21T08:19:00+08:00');
const updated = new Date('2021-05-21T09:05:00+08:00');
const nbsp = '\u00a0';

describe('createFormatters (fr-FR, Asia/Shanghai)', () => {
  const f = createFormatters('fr-FR', 'Asia/Shanghai');

  it('words the model page’s stamps', () => {
    expect(f.dateTime(published)).toBe('21.05.2021 08h19');
    expect(f.lastUpdated({ date: updated, withYear: false })).toBe('Dernière mise à jour à 09h05 le 21/05');
    expect(f.updatedOn(updated)).toBe('Mis à jour le 21 mai 2021 à 09h05');
    expect(f.iso(updated)).toBe('2021-05-21T09:05:00+08:00');
  });

  it('words the editors’ line, singular and plural', () => {
    expect(f.editors(['Ying Xie', 'Yishuang Liu'])).toBe(`(Rédacteurs${nbsp}: Ying Xie, Yishuang Liu)`);
    expect(f.editors(['Ying Xie'])).toBe(`(Rédacteur${nbsp}: Ying Xie)`);
  });

  it('names the year of a stamp from another year', () => {
    expect(f.lastUpdated({ date: updated, withYear: true })).toBe('Dernière mise à jour à 09h05 le 21/05/2021');
  });

  it('words the archive’s years as a span, or one year', () => {
    expect(f.years({ first: '2020', last: '2026' })).toBe('2020\u20132026');
    expect(f.years({ first: '2026', last: '2026' })).toBe('2026');
  });
});

describe('createFormatters (en-GB, Europe/London)', () => {
  const f = createFormatters('en-GB', 'Europe/London');

  it('uses English wording and the other zone', () => {
    expect(f.dateTime(published)).toBe('21/05/2021 01:19');
    expect(f.lastUpdated({ date: updated, withYear: false })).toBe('Last updated at 02:05 on 21/05');
    expect(f.lastUpdated({ date: updated, withYear: true })).toBe('Last updated at 02:05 on 21/05/2021');
    expect(f.editors(['A', 'B'])).toBe('(Editors: A, B)');
  });
});
