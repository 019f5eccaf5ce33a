/** The search page finds articles by their body text in headless Chromium, and passes axe-core. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { FRONT_COUNT, GENERATED_COUNT, SEED_URL } from '../support/fixture-site.ts';

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

/**
 * Types `term` into the search page's field and waits for the state where the
 * search is done: the status names the query, and as many results are listed
 * as it counts (at most the first ten).
 */
async function search(term: string): Promise<string[]> {
  await page.goto(new URL('recherche/', site.url).href);
  await page.locator('#search-page-q').fill(term);
  return results(term);
}

async function results(term: string): Promise<string[]> {
  const status = page.locator('.search-status').filter({ hasText: `«\u202f${term}\u202f»` });
  await status.waitFor({ timeout: 30_000 });
  const found = /^(\d+) résultats?/.exec(await status.innerText())?.[1];
  const expected = found === undefined ? 0 : Number(found);
  const links = page.locator('.search-result-link');
  await expect.poll(() => links.count(), { timeout: 30_000 }).toBe(Math.min(expected, 10));
  return links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('the search page', () => {
  it('finds the seed article when searching "Reykjavik"', async () => {
    expect(await search('Reykjavik')).toEqual([SEED_URL]);
  });

  it('searches every section’s bundle at once: "Fictif", in every generated headline, finds them all', async () => {
    await search('Fictif');
    // Each section is its own bundle, merged in the browser: one bundle alone would count a third of them.
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
    expect(await results('Reykjavik')).toEqual([SEED_URL]);
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
