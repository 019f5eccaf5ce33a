import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, localModule, moduleGraph } from '#src/lib/module-graph.ts';
import { ROOT } from '../support/fixture-site.ts';

describe('importSpecifiers', () => {
  it('finds static, type-only, dynamic imports and re-exports in TypeScript', async () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '#src/lib/b.ts';",
      "export { c } from '../c.ts';",
      "const d = await import('./d.ts');",
      'const x = <T,>(v: T): T => v satisfies unknown as T;',
      "import 'node:fs';",
    ].join('\n');
    expect(await importSpecifiers(source, 'x.ts')).toEqual(['./a.ts', '#src/lib/b.ts', '../c.ts', './d.ts', 'node:fs']);
  });

  it('reads every module of src/', async () => {
    const files = (await readdir(join(ROOT, 'src'), { recursive: true })).filter((f) => /\.[cm]?[jt]s$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files)
      expect(Array.isArray(await importSpecifiers(await readFile(join(ROOT, 'src', file), 'utf8'), file))).toBe(true);
  });
});

describe('localModule', () => {
  it('resolves relative and #src/ specifiers, and leaves packages to the lockfile', () => {
    expect(localModule('/p', '/p/src/markdown/index.ts', '../i18n/index.ts')).toBe('/p/src/i18n/index.ts');
    expect(localModule('/p', '/p/src/markdown/index.ts', '#src/lib/slug.ts')).toBe('/p/src/lib/slug.ts');
    expect(localModule('/p', '/p/src/markdown/index.ts', 'remark-directive')).toBeUndefined();
  });
});

describe('moduleGraph', () => {
  it('follows the Markdown pipeline into the UI dictionaries and the slug helper, and no template', async () => {
    const graph = [...(await moduleGraph(ROOT, ['src/markdown/index.ts'])).keys()];
    expect(graph).toEqual(
      expect.arrayContaining(['src/markdown/index.ts', 'src/i18n/fr.ts', 'src/i18n/en.ts', 'src/lib/slug.ts']),
    );
    expect(graph.some((f) => f.endsWith('.astro'))).toBe(false);
    expect(graph).toEqual([...graph].sort());
  });
});
