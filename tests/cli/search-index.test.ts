import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/cli/search-index.ts';

const dirs: string[] = [];
async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rotative-pagefind-'));
  dirs.push(dir);
  for (const [name, html] of Object.entries(files)) await writeFile(join(dir, name), html);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('indexSite', () => {
  it('indexes the pages marked data-pagefind-body and writes the bundle', async () => {
    const dir = await site({
      'a.html': '<html lang="fr"><body><nav>Menu</nav><article data-pagefind-body><h1>Valmorin</h1><p>Un pont fictif.</p></article></body></html>',
      'b.html': '<html lang="fr"><body><p>Une page sans corps indexé.</p></body></html>',
    });
    expect(await indexSite(dir)).toEqual({ pages: 1 });
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });

  it('fails when nothing can be indexed, so the build stops', async () => {
    const dir = await site({ 'notes.txt': 'Pas de HTML ici.' });
    // Pagefind itself exits with an error when a site has no HTML at all.
    await expect(indexSite(dir)).rejects.toThrow(/Pagefind (could not index|indexed no page under)/);
  });

  it('fails when every page keeps its text out of the index', async () => {
    const dir = await site({ 'a.html': '<html lang="fr"><body><main data-pagefind-ignore="all"><p>Rien.</p></main></body></html>' });
    await expect(indexSite(dir)).rejects.toThrow(/Pagefind (could not index|indexed no page under)/);
  });
});
