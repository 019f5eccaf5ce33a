/**
 * Articles with image references, bad and good, placed under `articles/images/`
 * (two folders below the content folder) for the image checks' unit tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixture-site.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bad-content', 'articles');
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

/**
 * Every bad image reference, from the one-gate fixtures (`tests/fixtures/bad-content/articles/image-*.md`,
 * which tests/build/bad-content.test.ts feeds to the checker and the build), as `articles/images/<case>.md`.
 */
export const BAD_IMAGE_ARTICLES: Record<string, string> = Object.fromEntries(
  readdirSync(FIXTURES)
    .filter((name) => name.startsWith('image-') && name.endsWith('.md'))
    .map((name) => [`articles/images/${name.slice('image-'.length)}`, readFileSync(join(FIXTURES, name), 'utf8')]),
);

/** The image files those fixtures show (damaged ones), as `articles/images/<name>`. */
export const BAD_IMAGE_FILES: Record<string, Buffer> = Object.fromEntries(
  readdirSync(FIXTURES)
    .filter((name) => /\.(?:jpe?g|png|webp|avif|gif)$/i.test(name))
    .map((name) => [`articles/images/${name}`, readFileSync(join(FIXTURES, name))]),
);

/** Articles whose images are fine (with `images/port.jpg` and an allowed photos.example.org). */
export const GOOD_IMAGE_ARTICLES: Record<string, string> = {
  'articles/images/bonne.md': lead('bonne', '../../images/port.jpg'),
  'articles/images/distante.md': lead('distante', 'https://photos.example.org/x.jpg', '\n  width: 800\n  height: 600'),
  'articles/images/publique.md': lead('publique', '/images/logo.png'),
};
