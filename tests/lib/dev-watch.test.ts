/** What the live preview's watcher skips, and that it never skips the content being previewed. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devWatchIgnored } from '#src/lib/dev-watch.ts';

const root = '/srv/rotative';
const at = (...parts: string[]) => join(root, ...parts);

describe('devWatchIgnored', () => {
  const ignored = devWatchIgnored({ root, cacheDir: at('.cache', 'astro'), contentDir: at('content') });

  it.each([
    at('.cache', 'astro'),
    at('.cache', 'astro', 'article-bodies', 'a.html'),
    at('dist'),
    at('dist', 'index.html'),
    at('dist.building', 'index.html'),
    at('dist.previous-12-34', 'index.html'),
    at('tests', '.output'),
    at('tests', '.output', 'fixture', 'dist', 'index.html'),
    at('bench', '.output', 'bench-10000.json'),
  ])('skips %s', (path) => {
    expect(ignored(path)).toBe(true);
  });

  it.each([
    root,
    at('content'),
    at('content', 'articles', '2021', '05', 'a.md'),
    at('content', 'sections.yaml'),
    at('src', 'pages', 'index.astro'),
    at('public', 'logo.png'),
    at('tests', 'fixtures', 'seed'),
    at('distant.md'),
    at('contents', 'x.md'),
  ])('watches %s', (path) => {
    expect(ignored(path)).toBe(false);
  });

  it('watches a content folder under tests/.output, and the folders on the way to it, as the preview test has it', () => {
    const content = at('tests', '.output', 'dev-preview', 'content');
    const inTests = devWatchIgnored({
      root,
      cacheDir: at('tests', '.output', 'dev-preview', 'cache'),
      contentDir: content,
    });
    for (const path of [at('tests', '.output'), at('tests', '.output', 'dev-preview'), content, join(content, 'a.md')])
      expect(inTests(path), path).toBe(false);
    expect(inTests(at('tests', '.output', 'fixture', 'dist'))).toBe(true);
    expect(inTests(at('tests', '.output', 'dev-preview', 'cache', 'x'))).toBe(true);
  });
});
