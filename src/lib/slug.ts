/**
 * URL slugs: lower-case ASCII letters, digits and hyphens, so URLs read well and
 * never need escaping. Accents are folded ("coopération" → "cooperation").
 */

/** Letters that Unicode decomposition does not fold to ASCII. */
const SPECIAL: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ı: 'i',
};

/**
 * @example slugify('La Russie et les États-Unis : « coopération »') // 'la-russie-et-les-etats-unis-cooperation'
 * @param maxLength the slug is cut at a hyphen so it stays under this length
 */
export function slugify(text: string, maxLength = 60): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[æœßøđłþðı]/g, (c) => SPECIAL[c] ?? c)
    // Apostrophes join words in French ("l'Arctique" → "larctique" reads worse than "l-arctique").
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= maxLength) return folded;
  const cut = folded.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : folded.slice(0, maxLength)).replace(/-+$/, '');
}
