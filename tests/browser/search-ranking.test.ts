/**
 * Search results from several bundles rank as one index would: an article
 * with the query word in its headline comes first, above the many whose
 * bodies only hold a stem-relative ("rassemblés" for "rassemblements"). Two
 * builds of the same 300 generated articles, one split into four bundles, one
 * as a single index, searched in Chromium through the search page.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { article, buildSite, OUTPUT } from '../support/fixture-site.ts';
import { search } from '../support/search.ts';
import { generateCorpus, sectionsYaml, writeFiles } from '../support/synthetic-corpus.ts';

const contentDir = join(OUTPUT, 'ranking', 'content');
const TARGET = '/economie/2021/06/20/rassemblements-quais/';

let browser: Browser;
let page: Page;
const sites: Record<'split' | 'single', StaticSite | undefined> = { split: undefined, single: undefined };
const plans: Record<string, { bundles: unknown[] }> = {};

beforeAll(async () => {
  const corpus = generateCorpus({ count: 300, seed: 11, start: new Date('2021-01-01T00:00:00Z'), stepMinutes: 600 });
  const files: Record<string, string> = { 'sections.yaml': sectionsYaml() };
  for (const a of corpus) files[`articles/${a.path}`] = a.text;
  // An ordinary article but for its headline; most generated bodies say "se sont rassemblés".
  files['articles/2021/rassemblements-quais.md'] = article({
    title: '[Fictif] Grands rassemblements sur les quais de Valmorin',
    date: '2021-06-20T10:00:00+08:00',
    section: 'economie',
    body: corpus[0]!.text.split('\n---\n')[1]!.trim(),
  });
  await writeFiles(contentDir, files);
  for (const [name, size] of [
    ['split', '64'],
    ['single', '1000'],
  ] as const) {
    const result = await buildSite(`ranking-${name}`, contentDir, { ROTATIVE_SEARCH_BUNDLE_SIZE: size });
    if (result.code !== 0) throw new Error(result.output);
    sites[name] = await serveStatic(result.dist);
    plans[name] = (await (await fetch(new URL('pagefind/bundles.json', sites[name].url))).json()) as {
      bundles: unknown[];
    };
  }
  browser = await launchBrowser();
  page = await browser.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) await s?.close();
});

describe('search results across bundles', () => {
  it('come from four bundles in one build and one index in the other', () => {
    expect(plans['split']!.bundles).toHaveLength(4);
    expect(plans['single']!.bundles).toHaveLength(1);
  });

  it('put the article with "rassemblements" in its headline first, above those with only "rassemblés", as one index does', async () => {
    for (const name of ['split', 'single'] as const) {
      const results = await search(page, new URL('recherche/', sites[name]!.url).href, 'rassemblements');
      expect(results.count, name).toBeGreaterThan(100);
      expect(results.paths[0], name).toBe(TARGET);
    }
  });

  it('find the same articles split or not', async () => {
    for (const term of ['rassemblements', 'coopérations', 'Valmorin', 'apiculteurs']) {
      const counts: number[] = [];
      for (const name of ['split', 'single'] as const)
        counts.push((await search(page, new URL('recherche/', sites[name]!.url).href, term)).count);
      expect(counts[0], term).toBe(counts[1]);
    }
  });
});
