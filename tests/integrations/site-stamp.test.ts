import { describe, expect, it } from 'vitest';
import { stampParts, withStamp } from '../../src/integrations/site-stamp.ts';

const page = (stamp: string, year: string, body = '') =>
  `<header><p class="site-name">R</p>${stamp}</header><main>${body}</main><footer class="site-footer"><nav>…</nav><p>© ${year} Rotative</p></footer>`;
const stamp = (iso: string) => `<p class="site-updated"><time datetime="${iso}">Dernière mise à jour ${iso}</time></p>`;

describe('site-stamp', () => {
  const fresh = stampParts(page(stamp('2022-01-02T08:00:00+08:00'), '2022'));

  it('brings the stamp and the copyright year of a kept page up to date', () => {
    const kept = page(stamp('2021-12-31T20:00:00+08:00'), '2021');
    expect(withStamp(kept, fresh, 'a.html')).toBe(page(stamp('2022-01-02T08:00:00+08:00'), '2022'));
  });

  it('leaves a page rendered in this build as it is', () => {
    const current = page(stamp('2022-01-02T08:00:00+08:00'), '2022');
    expect(withStamp(current, fresh, 'a.html')).toBe(current);
  });

  it('touches only the site’s own elements, not look-alikes in an article body', () => {
    const body = `${stamp('1999-01-01T00:00:00Z')}<footer class="site-footer">copie</footer>`;
    const kept = page(stamp('2021-12-31T20:00:00+08:00'), '2021', body);
    expect(withStamp(kept, fresh, 'a.html')).toBe(page(stamp('2022-01-02T08:00:00+08:00'), '2022', body));
  });

  it('refuses a page that disagrees with the homepage on showing a stamp', () => {
    expect(() => withStamp(page('', '2021'), fresh, 'a.html')).toThrow(/disagree/);
  });
});
