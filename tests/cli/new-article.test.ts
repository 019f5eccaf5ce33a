/** `npm run new`: a new article where the site expects it, which passes the checker, and never over another one. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatImage } from '../support/fixture-images.ts';
import { contentDir, runCli, spawnCli } from './run-cli.ts';

/** 01h00 on 1 June in Beijing, while it is still 31 May in UTC: the folder must follow the site's zone. */
const NOW = '2021-05-31T17:00:30Z';
// ROTATIVE_EDITOR is emptied so that an editor's own setting cannot change what a test sees.
const newArticle = (dir: string, args: string[], env: Record<string, string> = {}) =>
  runCli('new-article.ts', args, { contentDir: dir, env: { ROTATIVE_NOW: NOW, ROTATIVE_EDITOR: '', ...env } });

/** Every file under `dir/articles`, relative to it. */
async function articleFiles(dir: string): Promise<string[]> {
  const base = join(dir, 'articles');
  if (!existsSync(base)) return [];
  return (await readdir(base, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(base.length + 1))
    .sort();
}

describe('npm run new', () => {
  it('writes a complete skeleton at <yyyy>/<mm>/<slug>.md, dated now in the site’s zone', async () => {
    const dir = await contentDir();
    const result = await newArticle(dir, [
      '--section',
      'Économie',
      '--title',
      "« Coopération » : l'Arctique, demain !",
      '--source',
      'Xinhua',
      '--editors',
      'Ying Xie, Yishuang Liu',
    ]);
    const file = `${dir}/articles/2021/06/cooperation-l-arctique-demain.md`;
    expect(result.stdout).toBe(`Created ${file}: a draft; delete its "draft: true" line when the article is ready\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      [
        '---',
        "title: '« Coopération » : l''Arctique, demain !'",
        'date: 2021-06-01T01:00:00+08:00',
        'section: economie',
        'source: Xinhua',
        'editors:',
        '  - Ying Xie',
        '  - Yishuang Liu',
        '# A draft is never published: delete the next line when the article is ready.',
        'draft: true',
        '# Optional fields: remove the # to use one (see "Writing an article" in the README).',
        "# summary: 'Standfirst, shown under the headline and in lists'",
        '# updated: 2021-06-01T01:00:00+08:00',
        '# tags: [keyword, another keyword]',
        '# related: [2021/05/id-of-another-article]',
        "# image: { src: ../../../images/photo.jpg, alt: 'What the photo shows', credit: Agency }",
        '---',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes a draft the checker accepts and counts as one; undrafted with no body, it is refused', async () => {
    const dir = await contentDir();
    await newArticle(dir, ['--section', 'international', '--title', 'Un titre', '--editors', 'Alix Ferrand']);
    const check = await runCli('check.ts', [], { contentDir: dir, env: { ROTATIVE_NOW: NOW } });
    expect(check.stdout).toBe('2 files, 0 errors, 0 warnings; 1 draft\n');
    expect(check.code).toBe(0);
    const file = `${dir}/articles/2021/06/un-titre.md`;
    await writeFile(file, (await readFile(file, 'utf8')).replace('draft: true\n', ''));
    const undrafted = await runCli('check.ts', [], { contentDir: dir, env: { ROTATIVE_NOW: NOW } });
    expect(undrafted.stdout).toMatch(
      /un-titre\.md:\d+: empty body: write the article below the frontmatter, or mark it draft: true/,
    );
    expect(undrafted.code).toBe(1);
  });

  it('points its image example at content/images/, which the checker takes without a warning once the file is there', async () => {
    const dir = await contentDir();
    await newArticle(dir, ['--section', 'international', '--title', 'Avec photo', '--editors', 'Alix Ferrand']);
    const file = `${dir}/articles/2021/06/avec-photo.md`;
    await writeFile(file, (await readFile(file, 'utf8')).replace('# image:', 'image:'));
    const missing = await runCli('check.ts', [], { contentDir: dir, env: { ROTATIVE_NOW: NOW } });
    expect(missing.stdout).toMatch(/avec-photo\.md:\d+: image\.src: .*photo\.jpg/);
    await mkdir(join(dir, 'images'));
    await writeFile(join(dir, 'images', 'photo.jpg'), await flatImage('jpeg'));
    const check = await runCli('check.ts', [], { contentDir: dir, env: { ROTATIVE_NOW: NOW } });
    expect(check.stdout).toBe('3 files, 0 errors, 0 warnings; 1 draft\n');
    expect(check.code).toBe(0);
  });

  it('makes the slug from the title: accents folded, punctuation dropped, at most 60 characters cut at a word', async () => {
    const dir = await contentDir();
    const title = 'La Russie et les États-Unis recherchent la coopération dans un contexte de relations tendues';
    const result = await newArticle(dir, ['--section', 'international', '--title', title, '--editors', 'Alix Ferrand']);
    expect(result.code).toBe(0);
    expect(await articleFiles(dir)).toEqual(['2021/06/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans.md']);
  });

  it('defaults the source to the site’s name', async () => {
    const dir = await contentDir();
    await newArticle(dir, ['--section', 'culture', '--title', 'Sans agence', '--editors', 'Alix Ferrand']);
    expect(await readFile(`${dir}/articles/2021/06/sans-agence.md`, 'utf8')).toContain('\nsource: Rotative\n');
  });

  it('takes the editors from ROTATIVE_EDITOR without --editors, and --editors over it', async () => {
    const dir = await contentDir();
    const fromEnv = await newArticle(dir, ['--section', 'culture', '--title', 'Par défaut'], {
      ROTATIVE_EDITOR: 'Alix Ferrand, Ying Xie',
    });
    expect(fromEnv.code).toBe(0);
    expect(await readFile(`${dir}/articles/2021/06/par-defaut.md`, 'utf8')).toContain(
      '\neditors:\n  - Alix Ferrand\n  - Ying Xie\n',
    );
    await newArticle(dir, ['--section', 'culture', '--title', 'Choisi', '--editors', 'Yishuang Liu'], {
      ROTATIVE_EDITOR: 'Alix Ferrand',
    });
    const chosen = await readFile(`${dir}/articles/2021/06/choisi.md`, 'utf8');
    expect(chosen).toContain('\neditors:\n  - Yishuang Liu\n');
    expect(chosen).not.toContain('Alix Ferrand');
  });

  it.each([
    ['with an offset', '2021-05-21T08:19:00+08:00', '2021/05', 'date: 2021-05-21T08:19:00+08:00'],
    ['in UTC', '2021-05-21T00:19:00Z', '2021/05', 'date: 2021-05-21T08:19:00+08:00'],
    ['without an offset, read in the site’s zone', '2021-05-21T08:19', '2021/05', 'date: 2021-05-21T08:19:00+08:00'],
    [
      'as the wire writes it, read in the site’s zone',
      '21.05.2021 08h19',
      '2021/05',
      'date: 2021-05-21T08:19:00+08:00',
    ],
  ])('takes --date %s', async (_, date, folder, line) => {
    const dir = await contentDir();
    const result = await newArticle(dir, [
      '--section',
      'international',
      '--title',
      'Daté',
      '--editors',
      'Alix Ferrand',
      '--date',
      date,
    ]);
    expect(result.code).toBe(0);
    expect(await readFile(`${dir}/articles/${folder}/date.md`, 'utf8')).toContain(`\n${line}\n`);
  });

  it('refuses to overwrite an existing article', async () => {
    const dir = await contentDir({ 'articles/2021/06/un-titre.md': 'déjà là\n' });
    const result = await newArticle(dir, [
      '--section',
      'international',
      '--title',
      'Un titre',
      '--editors',
      'Alix Ferrand',
    ]);
    expect(result.stderr).toBe(
      `${dir}/articles/2021/06/un-titre.md: already exists: nothing written (choose another headline, or edit that file)\n`,
    );
    expect(result.code).toBe(1);
    expect(await readFile(`${dir}/articles/2021/06/un-titre.md`, 'utf8')).toBe('déjà là\n');
  });

  it.each([
    [
      'an unknown section, with the valid ones',
      ['--section', 'sports', '--title', 'T', '--editors', 'A'],
      'section: unknown section "sports", expected one of: culture, economie, international',
    ],
    [
      'no section',
      ['--title', 'T', '--editors', 'A'],
      'section: required: pass --section, one of: culture, economie, international',
    ],
    ['no title', ['--section', 'culture', '--editors', 'A'], 'title: required: pass --title "<headline>"'],
    [
      'a title without letters or digits',
      ['--section', 'culture', '--title', '« ! »', '--editors', 'A'],
      'title: "« ! »" has no letter or digit to make a file name from',
    ],
    [
      'no editors',
      ['--section', 'culture', '--title', 'T'],
      'editors: required: pass --editors "<name>, <name>", or set ROTATIVE_EDITOR to your name (an article needs at least one editor)',
    ],
    [
      'a bad date',
      ['--section', 'culture', '--title', 'T', '--editors', 'A', '--date', '21.05.2021'],
      'date: expected an ISO 8601 date such as 2021-05-21T08:19:00+08:00 (or 2021-05-21T08:19, read in Asia/Shanghai), got "21.05.2021"',
    ],
    ['an unknown option', ['--section', 'culture', '--titre', 'T'], "Unknown option '--titre'"],
  ])('rejects %s and writes nothing', async (_, args, message) => {
    const dir = await contentDir();
    const result = await newArticle(dir, args);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).toContain('Usage: npm run new');
    expect(result.code).toBe(1);
    expect(await articleFiles(dir)).toEqual([]);
  });
});

describe('npm run new in a Node process of its own, as npm starts it', () => {
  it('takes the clock and the editor from the environment, writes the draft and exits 0', async () => {
    const dir = await contentDir();
    const result = await spawnCli('new-article.ts', ['--section', 'culture', '--title', 'Par défaut'], {
      contentDir: dir,
      env: { ROTATIVE_NOW: NOW, ROTATIVE_EDITOR: 'Alix Ferrand' },
    });
    const file = `${dir}/articles/2021/06/par-defaut.md`;
    expect(result.stdout).toBe(`Created ${file}: a draft; delete its "draft: true" line when the article is ready\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('\ndate: 2021-06-01T01:00:00+08:00\n');
    expect(text).toContain('\neditors:\n  - Alix Ferrand\n');
  });
});
