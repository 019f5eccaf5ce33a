/**
 * A reader's path through the fixture site in real headless Chromium: home →
 * section → page 2 → article, checking what the model page shows, with
 * screenshots at phone and desktop widths (in tests/.output/screenshots/reader-journey/)
 * and axe-core on every page type.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { OUTPUT, SEED_URL } from '../support/fixture-site.ts';

/** This file's own folder: layout.test.ts, running beside it, saves pages of the same names. */
const SCREENSHOTS = join(OUTPUT, 'screenshots', 'reader-journey');
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

let browser: Browser;
let page: Page;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(inject('fixtureDist'));
  browser = await launchBrowser();
  // @sparticuz/chromium runs single-process: one page, reused, is the reliable way.
  // axe-core is injected as an inline script; the CSP itself is tested in csp.test.ts.
  page = await browser.newPage({ viewport: viewports.desktop, bypassCSP: true });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const text = (selector: string) =>
  page
    .locator(selector)
    .first()
    .innerText()
    .then((t) => t.replace(/\s+/g, ' ').trim());

async function screenshots(name: string): Promise<void> {
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

/** axe-core in light and dark colour schemes: contrast differs between them. */
async function violationsInBothSchemes(): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await axeViolations(page)).map((v) => `[${colorScheme}] ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe('a reader’s journey', () => {
  it('opens the homepage', async () => {
    await page.goto(site.url);
    expect(await page.title()).toBe('Rotative');
    expect(await text('.site-updated')).toMatch(/^Dernière mise à jour à \d{2}h\d{2} le \d{2}\/\d{2}$/);
    await screenshots('home');
    expect(await violationsInBothSchemes()).toEqual([]);
  });

  it('follows a section link', async () => {
    await page.locator('nav.sections-nav').getByRole('link', { name: 'International' }).click();
    await page.waitForURL(/\/international\/$/);
    expect(await text('main h1')).toBe('International');
    expect(await page.locator('.section-list > li').count()).toBe(20);
    await screenshots('section');
    expect(await violationsInBothSchemes()).toEqual([]);
  });

  it('goes to page 2', async () => {
    await page.getByRole('link', { name: 'Articles plus anciens' }).click();
    await page.waitForURL(/\/international\/2\/$/);
    expect(await text('.pagination')).toContain('Page 2 sur 2');
    expect(await page.locator('.section-list > li').count()).toBeGreaterThan(0);
    expect(await violationsInBothSchemes()).toEqual([]);
  });

  it('opens an article and finds its breadcrumb, source line, editors and share links', async () => {
    await page.locator('.section-list .teaser-title a').first().click();
    await page.waitForURL(/\/international\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
    expect(await page.locator('nav.breadcrumb li').allInnerTexts()).toEqual(['Page d’accueil', 'International']);
    expect(await text('.source-line')).toMatch(/^Agence Fictive \| \d{2}\.\d{2}\.\d{4} \d{2}h\d{2}$/);
    expect(await text('.editors-line')).toMatch(/^\(Rédacteurs? : .+\)$/);
    expect(await page.locator('.share a').count()).toBe(5);
  });

  it('shows the seed article as the model page does', async () => {
    await page.goto(new URL(SEED_URL.slice(1), site.url).href);
    expect(await page.locator('article h1').innerText()).toBe(
      'La Russie et les Etats-Unis recherchent la coopération dans un contexte de relations tendues avec «\u202fde sérieuses différences\u202f»',
    );
    expect(await page.locator('nav.breadcrumb li').allInnerTexts()).toEqual(['Page d’accueil', 'International']);
    expect(await text('.source-line')).toBe('Xinhua | 21.05.2021 08h19');
    expect(await text('.editors-line')).toBe('(Rédacteurs : Ying Xie, Yishuang Liu)');
    expect(await text('.share h2')).toBe('Partagez cet article sur :');
    const shareNames = await page.locator('.share a').allInnerTexts();
    expect(shareNames).toEqual(['X', 'Facebook', 'LinkedIn', 'WhatsApp', 'E-mail']);
    expect(await text('.picks h2')).toBe('Conseils de la rédaction');
    await screenshots('article');
    expect(await violationsInBothSchemes()).toEqual([]);
  });

  it('lands on the French 404 page for an unknown address', async () => {
    await page.goto(new URL('pas-de-page-ici/', site.url).href);
    expect(await text('main h1')).toBe('Page introuvable');
    expect(await violationsInBothSchemes()).toEqual([]);
  });

  it('jumps over the masthead with the skip link', async () => {
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    // Following the link to #main may end after the key press returns (seen under load): wait for the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5_000 }).toBe('main');
  });
});
