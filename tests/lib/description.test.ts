import { describe as group, expect, it } from 'vitest';
import { describe, leadText } from '#src/lib/description.ts';

group('describe', () => {
  it('keeps a short text whole', () => {
    expect(describe('Une phrase courte.')).toBe('Une phrase courte.');
  });

  it('keeps whole sentences while they fit in 160 characters', () => {
    const first = 'Les quais du grand port de Valmorin rouvrent ce lundi après huit mois de travaux.';
    const second = 'Les pêcheurs ont retrouvé leurs anneaux dès l’aube, sous un ciel clair.';
    const third = 'La capitainerie annonce une fête du port pour la fin du mois, avec des concerts.';
    const text = `${first} ${second} ${third}`;
    expect(describe(text)).toBe(`${first} ${second}`);
    expect(describe(text).length).toBeLessThanOrEqual(160);
  });

  it('cuts a first sentence too long for 160 characters between words, with an ellipsis', () => {
    const long = `${'mot '.repeat(60)}fin.`;
    const cut = describe(long);
    expect(cut).toMatch(/^mot( mot)*…$/);
    expect(cut.length).toBeLessThanOrEqual(161);
    expect(cut.length).toBeGreaterThan(120);
  });

  it('does not end a sentence inside "M. Lavrov" (a no-break space follows the abbreviation)', () => {
    const text = `M.\u00a0Lavrov a rencontré M.\u00a0Blinken à Reykjavik mercredi, pour la première fois depuis l’entrée en fonction de l’administration américaine actuelle. ${'Suite. '.repeat(10)}`;
    expect(describe(text)).toMatch(/^M.\u00a0Lavrov a rencontré M.\u00a0Blinken .*actuelle\.( Suite\.)*$/);
  });

  it('ends sentences after a closing quotation mark', () => {
    const text = `Il a dit «\u202fnon\u202f!\u202f» Puis il est parti. ${'x '.repeat(100)}`;
    expect(describe(text)).toBe('Il a dit «\u202fnon\u202f!\u202f» Puis il est parti.');
  });
});

group('leadText', () => {
  it('reads the top-level paragraphs, not figures, boxes or quotes', () => {
    const html =
      '<figure><img src="x.jpg" alt="Une image"><figcaption>Légende</figcaption></figure><p>Premier <em>paragraphe</em>.</p><aside><p>Encadré.</p></aside><p>Second &amp; dernier.</p>';
    expect(leadText(html)).toBe('Premier paragraphe. Second & dernier.');
  });
});
