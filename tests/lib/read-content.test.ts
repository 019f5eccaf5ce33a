import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '#src/lib/problems.ts';
import { contentProblems, readContent } from '#src/lib/read-content.ts';
import { generateCorpus, sectionsYaml, writeFiles } from '../support/synthetic-corpus.ts';

let dir: string;
const longBody = `${'Un très long paragraphe, avec des accents : « é », ’ et 中文. '.repeat(2500)}\n`;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotative-read-'));
  const files: Record<string, string> = { 'sections.yaml': sectionsYaml() };
  for (const article of generateCorpus({ count: 30, seed: 5 })) files[`articles/${article.path}`] = article.text;
  files['articles/2021/long.md'] =
    `---\ntitle: Long\ndate: 2021-05-21T08:19:00+08:00\nsection: culture\nsource: Agence Fictive\neditors: [Alix Ferrand]\nrelated:\n  - 2021/fictif-00001\n  - 2021/absent\n---\n\n${longBody}`;
  // Bodies blank or not in every way, to read with and without their text.
  const head =
    '---\ntitle: Corps\ndate: 2021-05-21T08:19:00+08:00\nsection: culture\nsource: Agence Fictive\neditors: [Alix Ferrand]\n';
  const bodies = ['', '\n', '\u00a0\n', '\n\u00a0\n x', '\u2003\u3000', '« x »', '\r\n\r\n', 'x', '\ufeff'];
  bodies.forEach((body, i) => (files[`articles/corps/${i}.md`] = `${head}---\n${body}`));
  files['articles/corps/crlf.md'] = `${head.replace(/\n/g, '\r\n')}---\r\n\r\n \r\n`;
  files['articles/corps/tirets.md'] = `${head}----\n`;
  files['articles/corps/ouvert.md'] = head;
  await writeFiles(dir, files);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readContent', () => {
  it('reads a file larger than its read buffer whole', async () => {
    const snapshot = await readContent(dir, '.');
    const long = snapshot.articles.find((a) => a.file === 'articles/2021/long.md');
    expect(long?.body).toBe(`\n${longBody}`);
    expect(long?.text.length).toBeGreaterThan(100_000);
    expect(snapshot.fileCount).toBe(44);
  });

  it('finds the same records and problems without keeping the texts', async () => {
    const kept = await readContent(dir, '.');
    const lean = await readContent(dir, '.', { keepText: false });
    expect(lean.articles.map((a) => a.record)).toEqual(kept.articles.map((a) => a.record));
    expect(lean.problems).toEqual(kept.problems);
    expect(lean.articles.every((a) => a.text === '' && a.body === '')).toBe(true);
    expect(lean.problems.filter((p) => p.message.startsWith('empty body')).map((p) => p.file)).toEqual(
      ['0', '1', '2', '4', '6', '8', 'crlf', 'ouvert'].map((name) => `articles/corps/${name}.md`),
    );
  });
});

describe('contentProblems', () => {
  it('points a related id that names no article at the related field’s line', async () => {
    const snapshot = await readContent(dir, '.', { keepText: false });
    expect(
      contentProblems(snapshot, 'Asia/Shanghai')
        .filter((p) => p.severity === 'error')
        .map(formatProblem),
    ).toEqual([
      'articles/2021/long.md:7: related: no article has the id "2021/absent" (an id is the file path under content/articles/ without .md)',
    ]);
  });
});
