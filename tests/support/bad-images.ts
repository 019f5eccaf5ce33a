/**
 * Articles with every kind of bad image reference, under `articles/images/`,
 * for the checker's tests and the build's: both must refuse them with the same
 * messages. A content folder using them also needs `images/port.jpg`.
 */
const head = (name: string) =>
  [
    '---',
    `title: 'Image ${name}'`,
    'date: 2021-05-21T08:19:00+08:00',
    'section: international',
    'source: Agence Fictive',
    'editors: [Alix Ferrand]',
  ].join('\n');

/** An article whose frontmatter image (`src:` on line 8) is `src`. */
const lead = (name: string, src: string, extra = '') =>
  `${head(name)}\nimage:\n  src: '${src}'\n  alt: Une image${extra}\n---\n\nTexte.\n`;

/** An article whose line 13 (the body's sixth) holds `line`. */
const body = (name: string, line: string) => `${head(name)}\n---\n\nPremier paragraphe.\n\nSecond.\n\n${line}\n`;

export const BAD_IMAGE_ARTICLES: Record<string, string> = {
  'articles/images/absente.md': lead('absente', '../../images/absente.jpg'),
  'articles/images/javascript.md': lead('javascript', 'javascript:alert(1)'),
  'articles/images/data.md': lead('data', 'data:image/png;base64,AAAA'),
  'articles/images/sans-schema.md': lead('sans-schema', '//cdn.example.org/x.jpg'),
  'articles/images/evasion.md': lead('evasion', '../../../../etc/passwd.jpg'),
  'articles/images/hote-inconnu.md': lead(
    'hote-inconnu',
    'https://cdn.example.org/x.jpg',
    '\n  width: 800\n  height: 600',
  ),
  'articles/images/sans-dimensions.md': lead('sans-dimensions', 'https://photos.example.org/x.jpg'),
  'articles/images/public-absente.md': lead('public-absente', '/images/absente.png'),
  'articles/images/corps-absent.md': body('corps-absent', '![Absente](./absente.png)'),
  'articles/images/corps-evasion.md': body('corps-evasion', '![Ailleurs](../../../../../etc/x.png)'),
  'articles/images/corps-distant.md': body('corps-distant', '![Distante](https://photos.example.org/y.jpg)'),
  'articles/images/corps-html.md': body('corps-html', '<img src="../../images/port.jpg" alt="Port">'),
};

/** Articles whose images are fine (with `images/port.jpg` and an allowed photos.example.org). */
export const GOOD_IMAGE_ARTICLES: Record<string, string> = {
  'articles/images/bonne.md': lead('bonne', '../../images/port.jpg'),
  'articles/images/distante.md': lead('distante', 'https://photos.example.org/x.jpg', '\n  width: 800\n  height: 600'),
  'articles/images/publique.md': lead('publique', '/images/logo.png'),
};
