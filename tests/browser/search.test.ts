/**
 * The search page finds articles by their body text in headless Chromium, and
 * passes axe-core. The fixture's index is two bundles, merged in the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { FRONT_COUNT, GENERATED_COUNT, SEED_URL } from '../support/fixture-site.ts';
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

/** The paths of the first results of `term`, typed into the search page's own field (`waitForResults`). */
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
    expect(count).toBe(GENERATED_COUNT + FRONT_COUNT);
    expect(await page.locator('.search-status').innerText()).toBe(
      `${GENERATED_COUNT + FRONT_COUNT} résultats pour «\u202fFictif\u202f»`,
    );
    // Ten at first, ten more on request.
    await page.getByRole('button', { name: 'Plus de résultats' }).click();
    await expect.poll(() => page.locator('.search-result-link').count()).toBe(20);
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

  it('runs the query of a ?q= link, as the masthead’s form sends it, and shows it in the field', async () => {
    await page.goto(site.url);
    await page.locator('#masthead-search').fill('Reykjavik');
    await page.locator('#masthead-search').press('Enter');
    await page.waitForURL(/\/recherche\/\?q=Reykjavik$/);
    expect((await waitForResults(page, 'Reykjavik')).paths).toEqual([SEED_URL]);
    expect(await page.locator('#search-page-q').inputValue()).toBe('Reykjavik');
  });

  it('shows each result’s section and date, in the site’s fonts', async () => {
    await search('Reykjavik');
    const result = page.locator('.search-result').first();
    expect((await result.locator('.teaser-meta').innerText()).replace(/\s+/g, ' ')).toBe(
      'International | 21.05.2021 08h19',
    );
    const fonts = await result.evaluate((li) => ({
      title: getComputedStyle(li.querySelector('.teaser-title')!).fontFamily,
      meta: getComputedStyle(li.querySelector('.teaser-meta')!).fontFamily,
      body: getComputedStyle(document.body).fontFamily,
      ui: getComputedStyle(document.querySelector('.masthead')!).fontFamily,
    }));
    expect(fonts.title).toBe(fonts.body);
    expect(fonts.title).toMatch(/^"?Source Serif 4 Variable/);
    expect(fonts.meta).toBe(fonts.ui);
  });

  it('has no axe-core violation, with results shown', async () => {
    await search('Reykjavik');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
});
