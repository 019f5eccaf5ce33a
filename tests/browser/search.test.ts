/** The search page finds articles by their body text in headless Chromium, and passes axe-core. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { GENERATED_COUNT, SEED_URL } from '../support/fixture-site.ts';

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
  await page.goto(new URL('recherche/', site.url).href);
  const input = page.getByRole('searchbox').or(page.locator('.pagefind-ui__search-input')).first();
  await input.fill(term);
  // "Aucun résultat pour X", "Un résultat pour X", "3 résultats pour X": the search is done.
  const message = page.locator('.pagefind-ui__message').filter({ hasText: term }).first();
  await message.waitFor({ timeout: 15_000 });
  // The count comes first; each result's link appears once its fragment has loaded (five are shown at first).
  const found = /^(\d+|Un) résultats?/i.exec(await message.innerText())?.[1];
  const expected = found === undefined ? 0 : /^un$/i.test(found) ? 1 : Number(found);
  const links = page.locator('.pagefind-ui__result-link');
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(Math.min(expected, 5));
  return links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('the search page', () => {
  it('finds the seed article when searching "Reykjavik"', async () => {
    expect(await search('Reykjavik')).toEqual([SEED_URL]);
  });

  it('searches every section’s bundle at once: "Fictif", in every generated headline, finds them all', async () => {
    await search('Fictif');
    // Each section is its own bundle, merged in the browser: one bundle alone would count a third of them.
    expect(await page.locator('.pagefind-ui__message').first().innerText()).toMatch(
      new RegExp(`^${GENERATED_COUNT} résultats pour Fictif$`),
    );
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
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(
      await page
        .locator('.pagefind-ui__result-link')
        .first()
        .evaluate((a) => (a as HTMLAnchorElement).pathname),
    ).toBe(SEED_URL);
  });

  it('has no axe-core violation, with results shown', async () => {
    await search('Reykjavik');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
});
