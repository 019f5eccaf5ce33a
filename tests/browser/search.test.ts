/**
 * The search page finds articles by their body text in headless Chromium, and
 * passes axe-core. The fixture's index is two bundles, merged in the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { GENERATED_COUNT, SEED_URL } from '../support/fixture-site.ts';
import { search as searchOn, waitForResults } from '../support/search.ts';

let browser: Browser;
let page: Page;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(inject('fixtureDist'));
  browser = await launchBrowser();
  // axe-core is injected as an inline script; the CSP itself is tested in csp.test.ts.
  page = await browser.newPage({ bypassCSP: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function search(term: string): Promise<string[]> {
  return (await searchOn(page, new URL('recherche/', site.url).href, term)).paths;
}

describe('the search page', () => {
  it('finds the seed article when searching "Reykjavik"', async () => {
    expect(await search('Reykjavik')).toEqual([SEED_URL]);
  });

  it('searches every bundle at once: "Fictif", in every generated headline, finds them all', async () => {
    const plan = (await (await fetch(new URL('pagefind/bundles.json', site.url))).json()) as { bundles: unknown[] };
    expect(plan.bundles.length).toBe(2);
    // One bundle alone would count about half of them.
    const { count } = await searchOn(page, new URL('recherche/', site.url).href, 'Fictif');
    expect(count).toBe(GENERATED_COUNT);
  });

  it('finds articles through French stemming ("rencontrer" → "rencontrés")', async () => {
    expect(await search('rencontrer')).toContain(SEED_URL);
  });

  it('finds nothing of drafts and embargoed articles', async () => {
    expect(await search('Brouillon')).toEqual([]);
    expect(await search('embargo')).toEqual([]);
  });

  it('indexes neither share links, the editors’ line nor the footer', async () => {
    // Words that appear on every article page but outside its headline and body.
    for (const term of ['LinkedIn', 'WhatsApp', 'Yishuang', 'Rotative']) expect(await search(term), term).toEqual([]);
  });

  it('runs the query of a ?q= link', async () => {
    await page.goto(new URL('recherche/?q=Reykjavik', site.url).href);
    expect((await waitForResults(page, 'Reykjavik')).paths).toEqual([SEED_URL]);
  });

  it('has no axe-core violation, with results shown', async () => {
    await search('Reykjavik');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
});
