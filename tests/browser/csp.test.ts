/**
 * The pages work under the site's Content-Security-Policy: served with the
 * headers of `_headers` (as Netlify or Cloudflare Pages would) plus each
 * page's own CSP <meta>, Chromium reports no violation on any page type,
 * search included, while a script injected into the page is refused.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, serveStatic, siteWideHeaders, type StaticSite } from '../support/browser.ts';
import { waitForResults } from '../support/search.ts';
import { SEED_URL } from '../support/fixture-site.ts';

let browser: Browser;
let page: Page;
let site: StaticSite;
const headers = siteWideHeaders(inject('fixtureDist'));

beforeAll(async () => {
  site = await serveStatic(inject('fixtureDist'), { headers });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('under the Content-Security-Policy', () => {
  it('sends the security headers', () => {
    expect(headers['Content-Security-Policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(headers['Permissions-Policy']).toContain('camera=()');
  });

  it.each(['', 'international/', 'international/2/', SEED_URL.slice(1), 'pas-de-page-ici/'])(
    'shows /%s without a violation',
    async (path) => {
      const response = await page.goto(new URL(path, site.url).href);
      expect(response?.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
      expect(await page.locator('h1').count()).toBe(1);
      // Fonts and the stylesheet loaded: the body text is set in the self-hosted serif.
      expect(
        await page.evaluate(async () => (await document.fonts.load('1em "Source Serif 4 Variable"', 'é')).length),
      ).toBeGreaterThan(0);
      expect(await violations()).toEqual([]);
    },
  );

  it('runs a search without a violation', async () => {
    await page.goto(new URL('recherche/?q=Reykjavik', site.url).href);
    expect((await waitForResults(page, 'Reykjavik')).count).toBe(1);
    expect(await violations()).toEqual([]);
  });

  it('refuses a script injected into an article page', async () => {
    await page.goto(new URL(SEED_URL.slice(1), site.url).href);
    const { ran, refused } = await page.evaluate(async () => {
      // An inline script runs as it is inserted, if it runs at all; the refusal is reported as an event.
      const refusal = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const ran = (window as unknown as { __injected?: boolean }).__injected === true;
      return { ran, refused: ran ? 'nothing: it ran' : await refusal };
    });
    expect(ran).toBe(false);
    expect(refused).toMatch(/^script-src/);
    expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
  });
});
