import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dictionaryFor, uiLanguages } from '#src/i18n/index.ts';
import { publicEntries } from '#src/lib/read-content.ts';
import { absoluteUrl, articlePath, isReservedPath, RESERVED_PATHS, sectionPath, withBase } from '#src/lib/urls.ts';
import { validateSections } from '#src/lib/validate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('articlePath', () => {
  it('dates the URL with the local publication day', () => {
    // 23:30 UTC on the 20th is already the 21st in Beijing.
    expect(articlePath('international', new Date('2021-05-20T23:30:00Z'), 'x', 'Asia/Shanghai')).toBe(
      '/international/2021/05/21/x/',
    );
    expect(articlePath('international', new Date('2021-05-20T23:30:00Z'), 'x', 'UTC')).toBe(
      '/international/2021/05/20/x/',
    );
  });
});

describe('sectionPath', () => {
  it('leaves page 1 bare and numbers the others', () => {
    expect(sectionPath('culture')).toBe('/culture/');
    expect(sectionPath('culture', 1)).toBe('/culture/');
    expect(sectionPath('culture', 3)).toBe('/culture/3/');
  });
});

describe('withBase and absoluteUrl', () => {
  it('places paths under the base path', () => {
    expect(withBase('/', '/culture/')).toBe('/culture/');
    expect(withBase('/rotative/', '/culture/')).toBe('/rotative/culture/');
    expect(withBase('/rotative/', '/')).toBe('/rotative/');
    expect(absoluteUrl('https://user.github.io', '/rotative/', '/culture/')).toBe(
      'https://user.github.io/rotative/culture/',
    );
  });
});

describe('RESERVED_PATHS', () => {
  /**
   * The first URL segment each top-level entry of `src/pages/` serves: `rss.xml.ts` → rss.xml, `pagefind/` →
   * pagefind, `[listing]` → every language's tags and editors segments; `index` and `[section]` (the sections
   * themselves) none. A new dynamic segment fails here until this test says what it serves.
   */
  function routeSegments(): string[] {
    return readdirSync(join(ROOT, 'src', 'pages'), { withFileTypes: true }).flatMap((entry) => {
      const name = entry.isDirectory() ? entry.name : entry.name.replace(/\.(?:astro|ts|js|md|mdx|html)$/, '');
      if (name === 'index' || name === '[section]') return [];
      if (name === '[listing]')
        return uiLanguages.flatMap((language) => {
          const strings = dictionaryFor(language);
          return [strings.tagsPath, strings.editorsPath];
        });
      if (name.startsWith('['))
        throw new Error(`src/pages/${entry.name}: which first segments does it serve? Reserve them, and say so here`);
      return [name];
    });
  }

  it('holds the first segment of every route under src/pages/', () => {
    const segments = routeSegments();
    expect(segments).toEqual(expect.arrayContaining(['404', 'recherche', 'rss.xml', 'pagefind', 'mots-cles', 'tags']));
    expect(segments.filter((segment) => !isReservedPath(segment))).toEqual([]);
  });

  it('holds nothing that no page, feed or build folder serves', () => {
    const served = new Set([...routeSegments(), '_astro', 'sitemap-index.xml', 'sitemap-0.xml']);
    expect(RESERVED_PATHS.filter((segment) => !served.has(segment))).toEqual([]);
    expect(isReservedPath('sitemap-12.xml')).toBe(true);
  });

  it("leaves public/ to readSections, which refuses every name at that folder's top", () => {
    const entries = publicEntries(ROOT);
    expect(entries).toEqual(expect.arrayContaining(['favicon.svg', 'logo.png']));
    for (const entry of [...entries, 'photos/']) {
      const slug = entry.replace(/\/$/, '');
      const { sections, problems } = validateSections(
        `international:\n  name: I\n  description: x\n  order: 1\n${JSON.stringify(slug)}:\n  name: X\n  description: x\n  order: 2\n`,
        'content/sections.yaml',
        { publicEntries: [...entries, 'photos/'] },
      );
      expect(
        sections.map((s) => s.slug),
        entry,
      ).toEqual(['international']);
      expect(problems, entry).toHaveLength(1);
    }
  });
});
