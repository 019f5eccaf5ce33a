/** `npm run check`: every problem of every file in one run, with file, line and field, and the exit code. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, contentDir, runCli, spawnCli } from './run-cli.ts';

/** An article file: valid fields, some replaced or left out (`undefined`), extra lines appended to the frontmatter. */
function article(
  fields: Record<string, string | undefined> = {},
  body = 'Texte fictif.\n',
  extra: string[] = [],
): string {
  const all: Record<string, string | undefined> = {
    title: "'Un titre fictif'",
    date: '2021-05-21T08:19:00+08:00',
    section: 'international',
    source: 'Agence Fictive',
    editors: '[Alix Ferrand]',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${[...lines, ...extra].join('\n')}\n---\n\n${body}`;
}

const check = (dir: string) => runCli('check.ts', [], { contentDir: dir });

describe('npm run check on clean content', () => {
  let dir: string;
  let result: CliResult;
  beforeAll(async () => {
    dir = await contentDir({
      'articles/2021/05/premier.md': article({ related: '[2021/05/second]' }),
      'articles/2021/05/second.md': article({ title: "'Un second titre'", updated: '2021-05-21T09:05:00+08:00' }),
      // A draft is never built, so it collides with nothing.
      'articles/2021/05/brouillon/premier.md': article({ draft: 'true' }),
      // Written on Windows.
      'articles/2021/05/crlf.md': article({ title: "'Fin de ligne'", tags: '[a, b]' }).replace(/\n/g, '\r\n'),
    });
    result = await check(dir);
  });

  it('exits 0 and prints only the summary, drafts counted', () => {
    expect(result.stdout).toBe('5 files, 0 errors, 0 warnings; 1 draft\n');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('npm run check on content with every kind of problem', () => {
  let dir: string;
  let result: CliResult;
  let lines: string[];
  beforeAll(async () => {
    dir = await contentDir({
      'articles/2021/05/valide.md': article(),
      'articles/2021/05/yaml-casse.md':
        '---\ntitle: "guillemet ouvert\ndate: 2021-05-21T08:19:00+08:00\n---\n\nTexte.\n',
      'articles/2021/05/schema.md': article({ date: '2021-05-21T08:19:00', source: undefined, editors: '[]' }),
      'articles/2021/05/rubrique.md': article({ section: 'sports' }),
      'articles/2021/05/mise-a-jour.md': article({ updated: '2021-05-21T08:00:00+08:00' }),
      'articles/2021/05/a/meme-url.md': article(),
      'articles/2021/05/b/meme-url.md': article(),
      'articles/2021/05/lien.md': article({ related: '[2021/05/valide, 2021/05/introuvable]' }),
      'articles/2021/05/image.md': article({}, 'Texte.\n', ['image:', '  src: /images/a.jpg']),
      'articles/2021/05/photo.jpg': 'pas du texte',
      'articles/2021/05/fautes.md': article({ section: undefined, editors: undefined }, 'Texte.\n', [
        'sections: international',
        'editor: [Alix Ferrand]',
      ]),
      'articles/2021/05/inconnu.md': article({ auteur: 'Alix Ferrand' }),
      'articles/2021/05/vide.md': article({}, '\n'),
      'articles/2021/05/titre-long.md': article({ title: `'${'x'.repeat(111)}'` }),
      'articles/2021/05/titre-110.md': article({ title: `'${'é'.repeat(110)}'` }),
      'notes.txt': 'à faire',
    });
    result = await check(dir);
    lines = result.stdout.trimEnd().split('\n');
  });

  it('reports every problem of every file in one run, one a line, by file and line, then the summary', () => {
    const a = `${dir}/articles/2021/05`;
    expect(lines).toEqual([
      `${a}/b/meme-url.md: same URL /international/2021/05/21/meme-url/ as ${a}/a/meme-url.md: rename one file or change its date or section`,
      `${a}/fautes.md: section: required field is missing: expected a section slug, one of: culture, economie, international`,
      `${a}/fautes.md: editors: required field is missing: expected a list of editor names`,
      `${a}/fautes.md:5: warning: sections: unknown field, ignored: did you mean section?`,
      `${a}/fautes.md:6: warning: editor: unknown field, ignored: did you mean editors?`,
      `${a}/image.md:7: image.alt: required field is missing: expected a text alternative (alt) describing the image`,
      `${a}/inconnu.md:7: warning: auteur: unknown field, ignored (known fields: title, summary, date, updated, section, source, editors, tags, featured, draft, related, image)`,
      `${a}/lien.md:7: related: no article has the id "2021/05/introuvable" (an id is the file path under content/articles/ without .md)`,
      `${a}/mise-a-jour.md:7: updated: 2021-05-21T08:00:00+08:00 is earlier than date (2021-05-21T08:19:00+08:00): an update comes after publication; correct either date`,
      `${a}/photo.jpg: warning: image not used by any article`,
      `${a}/rubrique.md:4: section: unknown section "sports", expected one of: culture, economie, international`,
      `${a}/schema.md: source: required field is missing: expected a source such as Xinhua`,
      `${a}/schema.md:3: date: expected an ISO 8601 date with offset such as 2021-05-21T08:19:00+08:00, got "2021-05-21T08:19:00": add the offset of the zone the time is in (+08:00 for Beijing)`,
      `${a}/schema.md:5: editors: expected at least one editor name, got an empty list`,
      `${a}/titre-long.md:2: warning: title: 111 characters, over 110: lists, feeds and search results will cut it`,
      `${a}/vide.md:8: empty body: write the article below the frontmatter, or mark it draft: true until it is ready`,
      `${a}/yaml-casse.md:2: title: invalid YAML: Missing closing "quote (the parser stopped at line 3, column 32): close the quote (or the bracket) that this value opens`,
      `${dir}/notes.txt: warning: not used by the site: articles go under articles/, sections in sections.yaml`,
      '17 files, 12 errors, 6 warnings',
    ]);
  });

  it('exits 1 when there is an error', () => {
    expect(result.code).toBe(1);
  });
});

describe('npm run check with warnings only', () => {
  it('exits 0', async () => {
    const dir = await contentDir({ 'articles/2021/05/long.md': article({ title: `'${'x'.repeat(111)}'` }) });
    const result = await check(dir);
    expect(result.stdout).toBe(
      `${dir}/articles/2021/05/long.md:2: warning: title: 111 characters, over 110: lists, feeds and search results will cut it\n2 files, 0 errors, 1 warning\n`,
    );
    expect(result.code).toBe(0);
  });
});

describe('npm run check on a list item', () => {
  it('points at the item’s own line', async () => {
    const dir = await contentDir({
      'articles/2021/05/x.md': article({ editors: '' }, 'Texte.\n', ['  - Alix Ferrand', "  - ''"]),
    });
    const result = await check(dir);
    expect(result.stdout).toBe(
      `${dir}/articles/2021/05/x.md:8: editors.1: expected editor name, got an empty text\n2 files, 1 error, 0 warnings\n`,
    );
  });
});

describe('npm run check without a sections file', () => {
  it('says where it expected one, and checks the articles all the same', async () => {
    const dir = await contentDir({ 'articles/2021/05/x.md': article() });
    await rm(join(dir, 'sections.yaml'));
    const result = await check(dir);
    expect(result.stdout).toBe(
      [
        `${dir}/articles/2021/05/x.md:4: section: unknown section "international", expected one of: `,
        `${dir}/sections.yaml: missing: expected the list of sections here`,
        '1 file, 2 errors, 0 warnings',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });
});

describe('npm run check in a Node process of its own, as npm starts it', () => {
  it('reads the content folder from the environment, prints on stdout and exits 1 on an error', async () => {
    const dir = await contentDir({ 'articles/2021/05/x.md': article({ section: 'sports' }) });
    const result = await spawnCli('check.ts', [], { contentDir: dir });
    expect(result.stdout).toBe(
      `${dir}/articles/2021/05/x.md:4: section: unknown section "sports", expected one of: culture, economie, international\n2 files, 1 error, 0 warnings\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });
});
