/** `npm run import`: wire copy in, the committed seed article out, byte for byte; nothing written on a missing field. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, contentDir, runCli, spawnCli } from './run-cli.ts';

const SEED = '2021/05/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans.md';
const WIRE = 'tests/fixtures/seed/lavrov-blinken.txt';
/** What the seed import warns about: a headline of 124 characters. */
const LONG_TITLE_WARNING = 'warning: title: 124 characters, over 110: lists, feeds and search results will cut it';

let wire: string;
let seed: string;
let sections: string;
beforeAll(async () => {
  wire = await readFile(join(ROOT, WIRE), 'utf8');
  seed = await readFile(join(ROOT, 'content', 'articles', SEED), 'utf8');
  sections = await readFile(join(ROOT, 'content', 'sections.yaml'), 'utf8');
});

/** An empty content folder with the site's own sections. */
const siteContent = () => contentDir({ 'sections.yaml': sections });
const importWire = (dir: string, args: string[], input?: string) =>
  runCli('import-wire.ts', args, input === undefined ? { contentDir: dir } : { contentDir: dir, input });

describe('npm run import', () => {
  it('reproduces the committed seed article from its wire copy, byte for byte, at the same path', async () => {
    const dir = await siteContent();
    const result = await importWire(dir, [WIRE]);
    expect(result.stdout).toBe(`Imported ${WIRE} as ${dir}/articles/${SEED}\n`);
    expect(result.stderr).toBe(`${dir}/articles/${SEED}:2: ${LONG_TITLE_WARNING}\n`);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'articles', SEED), 'utf8')).toBe(seed);
  });

  it('reads the copy from standard input with -', async () => {
    const dir = await siteContent();
    const result = await importWire(dir, ['-'], wire);
    expect(result.stdout).toBe(`Imported stdin as ${dir}/articles/${SEED}\n`);
    expect(await readFile(join(dir, 'articles', SEED), 'utf8')).toBe(seed);
  });

  it('reads a relative path from the folder npm was started in', async () => {
    const dir = await siteContent();
    const result = await runCli('import-wire.ts', ['seed/lavrov-blinken.txt'], {
      contentDir: dir,
      cwd: join(ROOT, 'tests', 'fixtures'),
    });
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'articles', SEED), 'utf8')).toBe(seed);
  });

  it('prints the Markdown with --dry-run and writes nothing', async () => {
    const dir = await siteContent();
    const result = await importWire(dir, [WIRE, '--dry-run']);
    expect(result.stdout).toBe(seed);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'articles'))).toBe(false);
  });

  it('never overwrites an existing article, and replaces it with --force', async () => {
    const dir = await siteContent();
    const target = join(dir, 'articles', SEED);
    await importWire(dir, [WIRE]);
    await writeFile(target, 'corrigé à la main\n');
    const refused = await importWire(dir, [WIRE]);
    expect(refused.stderr.split('\n').at(-2)).toBe(
      `${target}: already exists: nothing written (use --force to replace it)`,
    );
    expect(refused.code).toBe(1);
    expect(await readFile(target, 'utf8')).toBe('corrigé à la main\n');
    const forced = await importWire(dir, [WIRE, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(target, 'utf8')).toBe(seed);
  });

  it('files the copy under --section instead of the breadcrumb’s section', async () => {
    const dir = await siteContent();
    const result = await importWire(dir, [WIRE, '--section', 'Chine', '--dry-run']);
    expect(result.stdout).toBe(seed.replace('section: international', 'section: chine'));
  });

  it('imports an English page with CRLF line ends into an English site', async () => {
    const english = [
      'Last updated at 09:05 on 21/05',
      '',
      'Home>>World',
      '',
      'Russia and the US seek cooperation',
      '',
      'Xinhua|21/05/2021 08:19',
      '',
      'First paragraph.',
      '',
      'Second paragraph.',
      '',
      '(Editors: Ying Xie, Yishuang Liu)',
      'Share this article on:',
      '',
    ].join('\r\n');
    const dir = await contentDir({
      'sections.yaml': 'world:\n  name: World\n  description: News from everywhere.\n  order: 1\n',
    });
    const result = await importWire(dir, ['-', '--dry-run'], english);
    expect(result.stdout).toBe(
      [
        '---',
        "title: 'Russia and the US seek cooperation'",
        'date: 2021-05-21T08:19:00+08:00',
        'updated: 2021-05-21T09:05:00+08:00',
        'section: world',
        'source: Xinhua',
        'editors:',
        '  - Ying Xie',
        '  - Yishuang Liu',
        '---',
        '',
        'First paragraph.',
        '',
        'Second paragraph.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      'no editors line, since editors are required',
      (text: string) => text.replace(/^\(Rédacteurs.*$/m, ''),
      [
        'stdin: editors: not found: expected a line such as "(Rédacteurs : Ying Xie, Yishuang Liu)"; editors are required',
      ],
    ],
    [
      'no source line',
      (text: string) => text.replace(/^Xinhua \|.*$/m, ''),
      [
        'stdin: date: not found: expected a line such as "Xinhua | 21.05.2021 08h19" under the headline',
        'stdin: source: not found: expected a line such as "Xinhua | 21.05.2021 08h19" under the headline',
      ],
    ],
    [
      'an unreadable date',
      (text: string) => text.replace('21.05.2021 08h19', 'hier soir'),
      ['stdin: date: expected a date and time such as the "Xinhua | 21.05.2021 08h19", got "hier soir"'],
    ],
    [
      'no breadcrumb',
      (text: string) => text.replace("Page d'accueil>>International", ''),
      [
        `stdin: section: not found: expected a breadcrumb such as "Page d'accueil>>International", with a section among: chine, culture, economie, international (or choose one with --section)`,
      ],
    ],
    [
      'a breadcrumb naming no known section',
      (text: string) => text.replace('>>International', '>>Sports'),
      [
        `stdin: section: the breadcrumb "Page d'accueil>>Sports" names no known section, expected one of: chine, culture, economie, international (or choose one with --section)`,
      ],
    ],
  ])('stops on %s, names the field and writes nothing', async (_, damage, messages) => {
    const dir = await siteContent();
    const result = await importWire(dir, ['-'], damage(wire));
    expect(result.stderr).toBe(`${[...messages, 'Nothing written.'].join('\n')}\n`);
    expect(result.code).toBe(1);
    expect(existsSync(join(dir, 'articles'))).toBe(false);
  });

  it('says so when the file cannot be read', async () => {
    const dir = await siteContent();
    const result = await importWire(dir, ['tests/fixtures/seed/absent.txt']);
    expect(result.stderr).toMatch(/^tests\/fixtures\/seed\/absent\.txt: cannot read it: ENOENT/);
    expect(result.code).toBe(1);
  });

  it('asks for exactly one file', async () => {
    const result = await importWire(await siteContent(), []);
    expect(result.stderr.split('\n')[0]).toBe('Expected one file to import (or - for standard input).');
    expect(result.code).toBe(1);
  });
});

describe('npm run import in a Node process of its own, as npm starts it', () => {
  it('reads the copy from its standard input, writes the seed article, warns on stderr and exits 0', async () => {
    const dir = await siteContent();
    const result = await spawnCli('import-wire.ts', ['-'], { contentDir: dir, input: wire });
    expect(result.stdout).toBe(`Imported stdin as ${dir}/articles/${SEED}\n`);
    expect(result.stderr).toBe(`${dir}/articles/${SEED}:2: ${LONG_TITLE_WARNING}\n`);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'articles', SEED), 'utf8')).toBe(seed);
  });
});
