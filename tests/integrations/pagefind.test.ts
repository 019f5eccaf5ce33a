import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/integrations/pagefind.ts';

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
    await expect(indexSite(dir)).rejects.toThrow(/Pagefind indexed no page under .*: search would find nothing/);
  });
});
