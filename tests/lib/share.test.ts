import { describe, expect, it } from 'vitest';
import { shareLinks } from '#src/lib/share.ts';

describe('shareLinks', () => {
  const url = 'https://news.example.org/international/2021/05/21/a/';
  const links = shareLinks(['x', 'facebook', 'linkedin', 'whatsapp', 'email'], url, 'Titre « accentué » & co');

  it('keeps the configured order', () => {
    expect(links.map((l) => l.target)).toEqual(['x', 'facebook', 'linkedin', 'whatsapp', 'email']);
  });

  it('encodes the article URL into every link', () => {
    for (const link of links) expect(link.href).toContain(encodeURIComponent(url));
  });

  it('builds the documented share URLs', () => {
    expect(links[0]!.href).toMatch(/^https:\/\/x\.com\/intent\/post\?url=/);
    expect(links[1]!.href).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    expect(links[2]!.href).toMatch(/^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=/);
    expect(links[3]!.href).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(links[4]!.href).toBe(
      `mailto:?subject=${encodeURIComponent('Titre « accentué » & co')}&body=${encodeURIComponent(url)}`,
    );
  });
});
