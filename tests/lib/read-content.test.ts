import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '#src/lib/problems.ts';
import {
  contentProblems,
  contentSummary,
  isLitter,
  readContent,
  readSections,
  type ReadOptions,
} from '#src/lib/read-content.ts';
import { generateCorpus, sectionsYaml, writeFiles } from '../support/synthetic-corpus.ts';

const now = new Date('2021-06-30T12:00:00+08:00');
const options: ReadOptions = { now, checkBody: () => [] };

let dir: string;
let outside: string;
const longBody = `${'Un très long paragraphe, avec des accents : « é », ’ et 中文. '.repeat(2500)}\n`;
const head =
  '---\ntitle: Corps\ndate: 2021-05-21T08:19:00+08:00\nsection: culture\nsource: Agence Fictive\neditors: [Alix Ferrand]\n';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotative-read-'));
  outside = await mkdtemp(join(tmpdir(), 'rotative-outside-'));
  const files: Record<string, string> = { 'sections.yaml': sectionsYaml() };
  for (const article of generateCorpus({ count: 30, seed: 5 })) files[`articles/${article.path}`] = article.text;
  files['articles/2021/long.md'] =
    `---\ntitle: Long\ndate: 2021-05-21T08:19:00+08:00\nsection: culture\nsource: Agence Fictive\neditors: [Alix Ferrand]\nrelated:\n  - 2021/fictif-00001\n  - 2021/absent\n---\n\n${longBody}`;
  files['articles/2021/brouillon.md'] = `${head}draft: true\n---\n`;
  files['articles/2021/plus-tard.md'] =
    `${head.replace('2021-05-21T08:19', '2021-07-02T14:00').replace('Corps', 'Plus tard')}---\n\nTexte.\n`;
  // Bodies blank in every way.
  ['', '\n', '\u00a0\n', '\u2003\u3000', '\r\n\r\n'].forEach(
    (body, i) => (files[`articles/vide/${i}.md`] = `${head}---\n${body}`),
  );
  files['articles/.cache.md'] = `${head}---\n\nCaché.\n`;
  files['articles/.brouillons/a.md'] = `${head}---\n\nCaché.\n`;
  files['articles/.x.md.swp'] = 'vim';
  files['articles/.DS_Store'] = 'mac';
  await writeFiles(dir, files);
  await writeFile(
    join(dir, 'articles/latin1.md'),
    Buffer.concat([Buffer.from(`${head}---\n\nCaf`), Buffer.from([0xe9]), Buffer.from('.\n')]),
  );
  await writeFiles(outside, { 'ailleurs.md': `${head}---\n\nAilleurs.\n` });
  await mkdir(join(dir, 'articles/liens'), { recursive: true });
  await symlink(join(outside, 'ailleurs.md'), join(dir, 'articles/liens/dehors.md'));
  await symlink(join(dir, 'articles/2021/long.md'), join(dir, 'articles/liens/dedans.md'));
  await symlink(join(dir, 'articles/absent.md'), join(dir, 'articles/liens/casse.md'));
  await symlink(join(dir, 'articles/2021'), join(dir, 'articles/liens/dossier'));
});
afterAll(() => Promise.all([dir, outside].map((d) => rm(d, { recursive: true, force: true }))));

describe('readContent', () => {
  it('reads a long file whole', async () => {
    const snapshot = await readContent(dir, '.', options);
    const long = snapshot.articles.find((a) => a.file === 'articles/2021/long.md');
    expect(long?.body).toBe(`\n${longBody}`);
    expect(long?.bodyLine).toBe(11);
    expect(long?.text.length).toBeGreaterThan(100_000);
  });

  it('finds the same records and problems without keeping the texts', async () => {
    const kept = await readContent(dir, '.', options);
    const lean = await readContent(dir, '.', { ...options, keepText: false });
    expect(lean.articles.map((a) => a.record)).toEqual(kept.articles.map((a) => a.record));
    expect(lean.problems).toEqual(kept.problems);
    expect(lean.articles.every((a) => a.text === '' && a.body === '')).toBe(true);
  });

  it('reports every file it does not publish, and what to do', async () => {
    const { problems, fileCount } = await readContent(dir, '.', options);
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'articles/.brouillons/: hidden folder: nothing in it is published; rename it without the leading dot, or move it out of the content folder',
      'articles/.cache.md: hidden file: it is never published; rename it without the leading dot, or delete it',
      'articles/latin1.md:9: not UTF-8 text (column 4): the file was probably saved as Latin-1 or Windows-1252; save it again as UTF-8',
      'articles/liens/casse.md: broken link: it points at nothing; delete it',
      `articles/liens/dehors.md: link to ${join(outside, 'ailleurs.md')}, outside the content folder: the site publishes only what is in it; copy the file in instead`,
      'articles/liens/dossier: link to a folder: links to folders are not followed; move the folder here instead',
      ...[0, 1, 2, 3, 4].map(
        (i) =>
          `articles/vide/${i}.md:8: empty body: write the article below the frontmatter, or mark it draft: true until it is ready`,
      ),
    ]);
    // Editors' swap files and macOS folder settings are passed over, and not counted.
    expect(fileCount).toBe(1 + 30 + 3 + 5 + 2 + 1 + 4);
  });

  it('reads a link to a file inside the content folder like that file', async () => {
    const { articles } = await readContent(dir, '.', options);
    expect(articles.find((a) => a.file === 'articles/liens/dedans.md')?.record?.data.title).toBe('Long');
  });

  it('passes each body to the body checker with the line it starts on', async () => {
    const seen: { file: string; bodyLine: number }[] = [];
    await readContent(dir, '.', {
      now,
      checkBody: (_body, where) => {
        seen.push(where);
        return where.file.endsWith('long.md')
          ? [{ severity: 'warning', file: where.file, line: 12, message: 'vu' }]
          : [];
      },
    });
    expect(seen).toContainEqual({ file: 'articles/2021/long.md', bodyLine: 11, draft: false });
    expect(seen).toContainEqual({ file: 'articles/2021/brouillon.md', bodyLine: 9, draft: true });
  });
});

describe('readSections', () => {
  it('refuses a section whose slug a folder at the top of public/ takes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rotative-public-'));
    try {
      await writeFiles(root, {
        'content/sections.yaml': `${sectionsYaml()}photos:\n  name: Photos\n  description: x\n  order: 90\n`,
        'public/photos/port.jpg': 'x',
      });
      const { sections, problems } = await readSections(root, 'content');
      expect(sections.map((s) => s.slug)).not.toContain('photos');
      expect(problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /^content\/sections\.yaml:\d+: photos: reserved: public\/photos\/ is published at \/photos\//,
        ),
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('isLitter', () => {
  it.each(['.DS_Store', '.git', '.gitkeep', '.x.md.swp', '.x.md.swo', '.#x.md'])('passes over %s', (name) => {
    expect(isLitter(name)).toBe(true);
  });

  it.each(['.x.md', '.brouillons', '.env'])('does not pass over %s', (name) => {
    expect(isLitter(name)).toBe(false);
  });
});

describe('contentProblems', () => {
  it('points a related id that names no article at the related field’s line', async () => {
    const snapshot = await readContent(dir, '.', options);
    expect(
      contentProblems(snapshot, 'Asia/Shanghai')
        .filter((p) => p.message.includes('no article has the id'))
        .map(formatProblem),
    ).toEqual(
      // The link to long.md is an article of its own.
      ['2021/long', 'liens/dedans'].map(
        (id) =>
          `articles/${id}.md:7: related: no article has the id "2021/absent" (an id is the file path under content/articles/ without .md)`,
      ),
    );
  });
});

describe('contentSummary', () => {
  it('counts files, errors and warnings, then names drafts and scheduled articles', async () => {
    const snapshot = await readContent(dir, '.', options);
    const problems = contentProblems(snapshot, 'Asia/Shanghai');
    expect(contentSummary(snapshot, problems, { now, dateTime: (d) => d.toISOString() })).toBe(
      '46 files, 13 errors, 0 warnings; 1 draft; 1 scheduled: "Plus tard" at 2021-07-02T06:00:00.000Z',
    );
  });

  it('says nothing of drafts and schedules when there are none', () => {
    expect(contentSummary({ articles: [], fileCount: 1 }, [], { now, dateTime: String })).toBe(
      '1 file, 0 errors, 0 warnings',
    );
  });
});
