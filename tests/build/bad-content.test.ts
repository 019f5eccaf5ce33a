/** Bad content stops the build before any page is written, with messages that name file, field and expectation. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildSite, OUTPUT, writeFixtureContent } from '../support/fixture-site.ts';

let result: Awaited<ReturnType<typeof buildSite>>;
beforeAll(async () => {
  const content = join(OUTPUT, 'bad-content', 'content');
  await writeFixtureContent(content, {
    'articles/2021/date-sans-fuseau.md': article({ title: 'Date sans fuseau', date: '2021-05-21T08:19:00' }),
    'articles/2021/rubrique-inconnue.md': article({
      title: 'Rubrique inconnue',
      date: '2021-05-21T08:19:00+08:00',
      section: 'sports',
    }),
  });
  result = await buildSite('bad-content', content, { TZ: 'UTC' });
});

describe('a build with a bad date and an unknown section', () => {
  it('fails', () => {
    expect(result.code).not.toBe(0);
  });

  it('names the file, the line and the field of the bad date, and what was expected', () => {
    expect(result.output).toMatch(
      /date-sans-fuseau\.md:3: date: expected an ISO 8601 date with offset such as 2021-05-21T08:19:00\+08:00, got "2021-05-21T08:19:00"/,
    );
  });

  it('names the file of the unknown section and lists the valid ones', () => {
    expect(result.output).toMatch(
      /rubrique-inconnue\.md:4: section: unknown section "sports", expected one of: culture, economie, international/,
    );
  });

  it('reports both problems in the same run', () => {
    expect(result.output).toMatch(/2 content errors/);
  });

  it('writes no page', () => {
    expect(existsSync(join(result.dist, 'index.html'))).toBe(false);
  });
});
