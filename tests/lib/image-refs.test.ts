/**
 * Images are checked by `readContent`, which the checker and the build both
 * run: every bad reference is an error naming file, line and field, with the
 * fix; an image under `public/` is a warning. (The build's own run of the same
 * cases is in tests/build/bad-content.test.ts.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyImageRefs } from '#src/lib/image-refs.ts';
import { formatProblem } from '#src/lib/problems.ts';
import { readContent } from '#src/lib/read-content.ts';
import { sectionsYaml, writeFiles } from '../support/synthetic-corpus.ts';
import { BAD_IMAGE_ARTICLES, BAD_IMAGE_FILES, GOOD_IMAGE_ARTICLES } from '../support/bad-images.ts';
import { flatImage } from '../support/fixture-images.ts';

let root: string;
let messages: string[];
let snapshot: Awaited<ReturnType<typeof readContent>>;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rotative-images-'));
  const [jpeg, png] = await Promise.all([flatImage('jpeg'), flatImage('png')]);
  await writeFiles(join(root, 'content'), {
    'sections.yaml': sectionsYaml(),
    ...BAD_IMAGE_ARTICLES,
    ...GOOD_IMAGE_ARTICLES,
    'images/port.jpg': jpeg,
    'images/orphan.png': png,
    ...BAD_IMAGE_FILES,
    // An empty file under public/.
    'articles/images/publique-vide.md': GOOD_IMAGE_ARTICLES['articles/images/publique.md']!.replace(
      '/images/logo.png',
      '/images/vide.png',
    ),
    // The lead and the body share one file; the body has one more beside the article.
    'articles/images/deux.md': GOOD_IMAGE_ARTICLES['articles/images/bonne.md']!.replace(
      'Texte.',
      'Texte.\n\n![Le port](../../images/port.jpg)\n\n![Le phare](./phare.png)\n\n![Le logo](/images/logo.png)',
    ),
    'articles/images/phare.png': png,
    // An image in a footnote, which Astro's image collector finds too.
    'articles/images/note.md': GOOD_IMAGE_ARTICLES['articles/images/bonne.md']!.replace(
      'Texte.',
      'Texte[^1].\n\n[^1]: ![Carte](../../images/carte.png)',
    ),
    'images/carte.png': png,
  });
  await writeFiles(join(root, 'public'), { 'images/logo.png': png, 'images/vide.png': '' });
  snapshot = await readContent(root, 'content', {
    now: new Date('2021-06-01T00:00:00Z'),
    checkBody: () => [],
    remoteImageHosts: ['photos.example.org'],
  });
  messages = snapshot.problems.map(formatProblem);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const at = (file: string) => `content/articles/images/${file}.md`;

describe('image checks', () => {
  it.each([
    ['absente', 8, 'image.src', '"../../images/absente.jpg": no file at content/images/absente.jpg'],
    ['javascript', 8, 'image.src', '"javascript:alert(1)": "javascript:" images are not allowed'],
    ['data', 8, 'image.src', '"data:image/png;base64,AAAA": "data:" images are not allowed'],
    ['sans-schema', 8, 'image.src', '"//cdn.example.org/x.jpg" has no scheme: write the full https:// URL'],
    ['evasion', 8, 'image.src', '"../../../../etc/passwd.jpg" leaves the content folder'],
    [
      'hote-inconnu',
      8,
      'image.src',
      'images from cdn.example.org are not allowed: add "cdn.example.org" to remoteImageHosts',
    ],
    [
      'sans-dimensions',
      8,
      'image.src',
      'a remote image needs its width and height, since the build never downloads it',
    ],
    ['corps-absent', 13, 'body', '"./absente.png": no file at content/articles/images/absente.png'],
    ['corps-evasion', 13, 'body', '"../../../../../etc/x.png" leaves the content folder'],
    ['corps-distant', 13, 'body', 'a remote image needs its width and height'],
    [
      'corps-hote-inconnu',
      13,
      'body',
      'images from cdn.example.org are not allowed: add "cdn.example.org" to remoteImageHosts',
    ],
    ['corps-html', 13, 'body', '"../../images/port.jpg": a local image in raw HTML is not processed'],
    ['public-absente', 8, 'image.src', '"/images/absente.png": no such file under public/'],
    ['note-absente', 11, 'body', '"./absente-note.png": no file at content/articles/images/absente-note.png'],
    [
      'illisible',
      8,
      'image.src',
      '"./illisible.jpg": content/articles/images/illisible.jpg is not an image the site can read',
    ],
    [
      'illisible',
      14,
      'body',
      '"./illisible.jpg": content/articles/images/illisible.jpg is not an image the site can read',
    ],
    ['publique-vide', 8, 'image.src', '"/images/vide.png": public/images/vide.png is not an image the site can read'],
  ])('%s.md: an error at line %i, field %s', (name, line, field, message) => {
    const found = messages.find((m) => m.startsWith(`${at(name)}:${line}: ${field}: `));
    expect(found, messages.join('\n')).toContain(message);
  });

  it('accept a relative image in content/images/, an https image of an allowed host with its size', () => {
    expect(messages.filter((m) => m.startsWith(at('bonne')))).toEqual([]);
    expect(messages.filter((m) => m.startsWith(at('distante')))).toEqual([]);
  });

  it('warn that an image under public/ is not optimised', () => {
    expect(messages).toContain(
      `${at('publique')}:8: warning: image.src: "/images/logo.png" is served as it is, not optimised (no AVIF/WebP, no smaller sizes): put the file beside the article or in content/images/ and write a path relative to the article`,
    );
  });

  it('warn about an image no article uses', () => {
    expect(messages).toContain('content/images/orphan.png: warning: image not used by any article');
    expect(messages.some((m) => m.startsWith('content/images/port.jpg'))).toBe(false);
    expect(messages.some((m) => m.startsWith('content/images/carte.png'))).toBe(false);
  });
});

describe('bodyImageRefs', () => {
  it('finds Markdown images, references, figures and raw <img>, with their file lines', () => {
    const body = [
      '![a](./a.jpg)',
      '',
      '![b][ref]',
      '',
      '::figure[Légende]{src="https://photos.example.org/c.jpg" alt="c" width=800 height=600}',
      '',
      '<img src="/d.png" width="10">',
      '',
      '[ref]: ../b.png',
    ].join('\n');
    expect(bodyImageRefs(body, 10)).toEqual([
      { src: './a.jpg', line: 10, form: 'markdown' },
      { src: '../b.png', line: 12, form: 'markdown' },
      { src: 'https://photos.example.org/c.jpg', line: 14, width: 800, height: 600, form: 'figure' },
      { src: '/d.png', line: 16, width: 10, height: undefined, form: 'html' },
    ]);
  });

  it('reads the body as the pipeline does, GFM on: an image in a footnote or a table is found', () => {
    const body = ['Texte[^1].', '', '| a |', '| - |', '| ![b](./b.png) |', '', '[^1]: ![a](./a.png)'].join('\n');
    expect(bodyImageRefs(body, 9)).toEqual([
      { src: './b.png', line: 13, form: 'markdown' },
      { src: './a.png', line: 15, form: 'markdown' },
    ]);
  });

  it('does not parse a body without anything like an image', () => {
    expect(bodyImageRefs('Un texte.\n\n[lien](https://example.org)', 1)).toEqual([]);
  });
});

describe('the images an article shows', () => {
  const images = (name: string) => snapshot.articles.find((a) => a.file === at(name))?.images;

  it('are listed with it, lead then body, each file once, local or under public/ (their bytes go into its digest)', () => {
    expect(images('deux')).toEqual([
      join(root, 'content/images/port.jpg'),
      join(root, 'content/articles/images/phare.png'),
      join(root, 'public/images/logo.png'),
    ]);
    expect(images('publique')).toEqual([join(root, 'public/images/logo.png')]);
    expect(images('note')).toEqual([join(root, 'content/images/port.jpg'), join(root, 'content/images/carte.png')]);
  });

  it('leave out remote images, which the build never reads', () => {
    expect(images('distante')).toEqual([]);
  });
});
