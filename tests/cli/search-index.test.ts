import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedRegion, indexSite } from '#src/cli/search-index.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rotative-pagefind-'));
  dirs.push(dir);
  return dir;
}
async function site(files: Record<string, string>, dir?: string): Promise<string> {
  const root = dir ?? (await tempDir());
  for (const [name, html] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), html);
  }
  return root;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const searchPage = (...sections: string[]) =>
  `<html lang="fr"><body><div id="search" data-bundle-paths="${sections.map((s) => `/rotative/pagefind/${s}/`).join(' ')}"></div></body></html>`;
const articlePage = (title: string, text: string) =>
  `<html lang="fr"><head><title>${title}</title></head><body><nav>Menu</nav><p class="site-updated">09h05 le 21/05</p><article class="article" data-pagefind-body><h1>${title}</h1><p>${text}</p></article></body></html>`;

/** Every file under `dir`, with its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(
    await Promise.all(files.map(async (f) => [f.slice(dir.length), (await readFile(f)).toString('base64')] as const)),
  );
}

const fixture = {
  'recherche/index.html': searchPage('international', 'culture'),
  'international/index.html': '<html lang="fr"><body><h1>International</h1><p>Liste des articles.</p></body></html>',
  'international/2021/05/21/valmorin/index.html': articlePage('Le pont de Valmorin', 'Un pont fictif sur la Lisière.'),
  'international/2021/05/22/oudin/index.html': articlePage('M. Oudin répond', 'Le porte-parole fictif répond.'),
  'culture/2021/05/23/theatre/index.html': articlePage('Le théâtre des Saules', 'Une saison fictive.'),
};

describe('indexSite', () => {
  it('writes one bundle per section the search page lists, with that section’s marked pages only', async () => {
    const dir = await site(fixture);
    expect(await indexSite(dir)).toEqual({ pages: 3, sections: 2, reused: 0 });
    for (const section of ['international', 'culture']) {
      expect(existsSync(join(dir, 'pagefind', section, 'pagefind.js'))).toBe(true);
      expect(existsSync(join(dir, 'pagefind', section, 'pagefind-ui.js'))).toBe(true);
    }
    const entry = JSON.parse(await readFile(join(dir, 'pagefind', 'international', 'pagefind-entry.json'), 'utf8'));
    // Two articles; the section's list page has no data-pagefind-body and stays out.
    expect(entry.languages['fr'].page_count).toBe(2);
  });

  it('gives an unchanged section its cached bundle back, and re-indexes a changed one, with the bytes of a fresh index', async () => {
    const cacheDir = await tempDir();
    await indexSite(await site(fixture), { cacheDir });

    // A new build: the stamp changed everywhere, one culture article was edited.
    const changed = {
      ...Object.fromEntries(
        Object.entries(fixture).map(([k, v]) => [k, v.replace('09h05 le 21/05', '10h30 le 22/05')]),
      ),
      'culture/2021/05/23/theatre/index.html': articlePage('Le théâtre des Saules rouvre', 'Une saison fictive.'),
    };
    const again = await site(changed);
    expect(await indexSite(again, { cacheDir })).toEqual({ pages: 3, sections: 2, reused: 1 });
    const fresh = await site(changed);
    await indexSite(fresh);
    expect(await tree(join(again, 'pagefind'))).toEqual(await tree(join(fresh, 'pagefind')));
    expect(JSON.stringify([...(await tree(join(again, 'pagefind', 'culture'))).keys()])).not.toContain('fingerprint');
  });

  it('fails when the search page lists no section, so the build stops', async () => {
    const dir = await site({ 'recherche/index.html': searchPage(), 'a/index.html': articlePage('A', 'B') });
    await expect(indexSite(dir)).rejects.toThrow(/lists no section to index.*search would find nothing/);
  });

  it('fails without a search page to say what to index', async () => {
    const dir = await site({ 'a/index.html': articlePage('A', 'B') });
    await expect(indexSite(dir)).rejects.toThrow(/No search page at .*recherche/);
  });

  it('fails when a listed section has no page marked for the index', async () => {
    const dir = await site({
      'recherche/index.html': searchPage('culture'),
      'culture/index.html': '<html lang="fr"><body><main data-pagefind-ignore="all"><p>Rien.</p></main></body></html>',
    });
    await expect(indexSite(dir)).rejects.toThrow(/Section "culture" has no page marked data-pagefind-body/);
  });
});

describe('indexedRegion', () => {
  it('is the element marked data-pagefind-body, nested elements of the same name included', () => {
    const html =
      '<body><p>Avant</p><article class="a" data-pagefind-body><h1>T</h1><article><p>Dans</p></article><p>Fin</p></article><aside>Après</aside></body>';
    expect(indexedRegion(html)).toBe(
      '<article class="a" data-pagefind-body><h1>T</h1><article><p>Dans</p></article><p>Fin</p>',
    );
  });

  it('is nothing for a page without one', () => {
    expect(indexedRegion('<body><p>Liste</p></body>')).toBeUndefined();
  });
});
