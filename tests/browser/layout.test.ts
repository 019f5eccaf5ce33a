/**
 * Every page type at a phone's width (390 px) and a desktop's (1280 px) in
 * headless Chromium: no horizontal overflow, no layout shift while loading,
 * axe-core clean in light and dark schemes, the masthead in about one line on the phone, the front
 * page's top and section grid without a hole, tables that scroll and keep their
 * alignment. Screenshots of each page at both widths are kept in
 * tests/.output/screenshots/layout/ as artefacts (not compared pixel by pixel).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, serveStatic, type StaticSite } from '../support/browser.ts';
import { FEATURED_URL, OUTPUT } from '../support/fixture-site.ts';

/** This file's own folder: the reader's journey saves pages of the same names beside it. */
const SCREENSHOTS = join(OUTPUT, 'screenshots', 'layout');
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const pageTypes = {
  home: '/',
  section: '/international/',
  tag: '/mots-cles/fictif/',
  editor: '/redacteurs/elise-marchetti/',
  article: FEATURED_URL,
  search: '/recherche/?q=Valmorin',
  // What the static server answers for an unknown address: the site's 404 page.
  'not-found': '/pas-de-page-ici/',
} as const;

let browser: Browser;
let page: Page;
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(inject('fixtureDist'));
  browser = await launchBrowser();
  // One page, reused (the packaged Chromium runs single-process); axe is injected, so no CSP here.
  page = await browser.newPage({ viewport: widths.phone, bypassCSP: true });
  // Layout shifts are recorded from the first paint on, before any page script runs.
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens `path` and waits until fonts and every image in view have loaded (and search results, on the search page). */
async function open(path: string): Promise<void> {
  await page.goto(new URL(path.slice(1), site.url).href, { waitUntil: 'load' });
  if (path.startsWith('/recherche/')) await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      [...document.images]
        .filter((img) => img.loading !== 'lazy' || img.getBoundingClientRect().top < innerHeight)
        .map((img) => img.decode().catch(() => undefined)),
    );
  });
}

/**
 * Images with `sizes` whose announced width (the first entry whose media condition holds, measured on a
 * probe element) differs from the width they are shown at: the browser would pick the wrong file from
 * `srcset`. The front page's lead and secondary stories sit in fractions of a grid whose rail has a minimum
 * width: their `sizes` are held to within a tenth of the width shown.
 */
function sizesThatDoNotMatch(): Promise<string[]> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'position: absolute; visibility: hidden; height: 0';
    document.body.append(probe);
    const announced = (sizes: string): number => {
      for (const entry of sizes.split(',')) {
        const [, condition, length] = /^\s*(\(.*\))\s+(.+)$/.exec(entry) ?? [undefined, undefined, entry];
        if (condition && !matchMedia(condition).matches) continue;
        probe.style.width = length.trim();
        return probe.getBoundingClientRect().width;
      }
      return Number.NaN;
    };
    const wrong = [...document.images]
      .filter((img) => img.sizes !== '')
      .map((img) => ({ img, shown: img.getBoundingClientRect().width, said: announced(img.sizes) }))
      .filter(({ img, shown, said }) => !(Math.abs(shown - said) < (img.closest('.front') ? shown * 0.1 : 0.5)))
      .map(
        ({ img, shown, said }) => `${img.getAttribute('src')}: shown ${shown} px, sizes="${img.sizes}" says ${said} px`,
      );
    probe.remove();
    return wrong;
  });
}

describe.each(Object.entries(widths))('at %s width', (label, size) => {
  beforeAll(async () => {
    await page.setViewportSize(size);
  });

  it.each(Object.entries(pageTypes))(
    '%s: no horizontal overflow, no layout shift, images as wide as their sizes say, no axe violation',
    async (name, path) => {
      await open(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${name} scrolls sideways`).toBe(0);
      const shift = await page.evaluate(() =>
        (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0),
      );
      expect(shift, `${name}: cumulative layout shift`).toBe(0);
      expect(await sizesThatDoNotMatch(), `${name}: images whose sizes announce another width`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      // Contrast differs in the dark scheme.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page), 'dark scheme').toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
    },
  );

  it('the page’s own stamp sits in the masthead, on one line, even when it writes the year', async () => {
    await open(FEATURED_URL);
    const stamp = page.locator('.masthead .site-updated');
    expect(await stamp.isVisible()).toBe(true);
    // Lines the stamp takes: the distinct tops of its text's boxes.
    const lines = () =>
      stamp.evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(await lines()).toBe(1);
    // The longest form: an article of another year than the build's ("le 21/05/2021").
    await stamp.locator('time').evaluate((time) => {
      time.textContent = `${time.textContent.replace(/ le .*$/, '')} le 21/05/2021`;
    });
    expect(await lines()).toBe(1);
    if (label === 'phone') expect((await page.locator('.masthead').boundingBox())!.height).toBeLessThan(90);
  });
});

describe('on a 390 px phone', () => {
  beforeAll(async () => {
    await page.setViewportSize(widths.phone);
  });

  it('the masthead takes about one line: name, sections bar and search button in a row, then the stamp', async () => {
    await open('/');
    const box = (selector: string) => page.locator(selector).first().boundingBox();
    const masthead = (await box('.masthead'))!;
    expect(masthead.height).toBeLessThan(90);
    const [name, nav, search] = await Promise.all([box('.site-name'), box('.sections-nav'), box('.masthead-search')]);
    for (const part of [nav!, search!])
      expect(Math.abs(part.y + part.height / 2 - (name!.y + name!.height / 2))).toBeLessThan(8);
  });

  it('the sections bar scrolls sideways to its last section, which can then be followed', async () => {
    await open('/');
    const bar = page.locator('.sections-nav ul');
    expect(await bar.evaluate((ul) => getComputedStyle(ul).overflowX)).toBe('auto');
    const last = page.locator('.sections-nav a').last();
    await last.scrollIntoViewIfNeeded();
    const position = (await last.boundingBox())!;
    expect(position.x + position.width).toBeLessThanOrEqual(390);
    await last.click();
    await page.waitForURL(/\/culture\/$/);
  });

  it('the masthead’s search field opens when it has the focus, and searches', async () => {
    await open('/');
    const input = page.locator('#masthead-search');
    expect((await input.boundingBox())?.width ?? 0).toBeLessThan(4);
    await page.keyboard.press('Tab'); // skip link
    while (!(await input.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
    await expect.poll(async () => (await input.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    await page.keyboard.type('Valmorin');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\/\?q=Valmorin$/);
  });

  it('a tap on the masthead’s magnifier opens the field, rather than sending an empty search', async () => {
    await open('/');
    const input = page.locator('#masthead-search');
    const magnifier = page.locator('.masthead-search .search-label');
    const shown = (await magnifier.boundingBox())!;
    // A touch target of its own (WCAG 2.5.8 asks 24 px; the masthead's buttons are 44).
    expect(Math.min(shown.width, shown.height)).toBeGreaterThanOrEqual(44);
    await magnifier.click();
    await expect.poll(async () => (await input.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect
      .poll(async () => (await page.locator('.masthead-search button').boundingBox())?.width ?? 0)
      .toBeGreaterThan(40);
    await page.keyboard.type('Valmorin');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\/\?q=Valmorin$/);
  });

  it('a table scrolls inside the article instead of widening the page, and keeps its alignment', async () => {
    await open(FEATURED_URL);
    const table = page.locator('.article-body table');
    expect(await table.evaluate((t) => getComputedStyle(t).overflowX)).toBe('auto');
    const box = (await table.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(
      await page
        .locator('.article-body td.align-right')
        .first()
        .evaluate((td) => getComputedStyle(td).textAlign),
    ).toBe('right');
    expect(
      await page
        .locator('.article-body td.align-center')
        .first()
        .evaluate((td) => getComputedStyle(td).textAlign),
    ).toBe('center');
  });
});

describe('on a 1280 px desktop', () => {
  beforeAll(async () => {
    await page.setViewportSize(widths.desktop);
  });

  it('the front page’s section blocks fill every row: no hole', async () => {
    await open('/');
    const rows = await rowGaps();
    expect(rows.length).toBeGreaterThan(0);
    for (const gap of rows) expect(Math.abs(gap)).toBeLessThan(1);
  });

  it('and so does a narrower window where the last row holds fewer blocks', async () => {
    await page.setViewportSize({ width: 900, height: 900 });
    await open('/');
    const rows = await rowGaps();
    expect(rows).toHaveLength(2);
    for (const gap of rows) expect(Math.abs(gap)).toBeLessThan(1);
    await page.setViewportSize(widths.desktop);
  });
});

/**
 * The widest blank the front page's top may leave: between a story and the next
 * one in its column (beyond the grid's gap), or under the shorter column.
 * Either would read as a hole; the old layout left 300 px under the lead.
 */
const MAX_GAP = 32;
const MAX_COLUMN_MISMATCH = 120;

describe('the front page’s top (lead, secondary stories, latest news) leaves no hole', () => {
  it.each([1280, 1100, 1024, 900, 600, 390])('at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await open('/');
    const columns = await frontColumns();
    expect(columns.flat().map((item) => item.name)).toEqual(
      expect.arrayContaining(['front-lead', 'front-secondary', 'front-latest']),
    );
    for (const column of columns)
      for (let i = 1; i < column.length; i++) {
        const [above, below] = [column[i - 1]!, column[i]!];
        expect(below.top - above.bottom, `${width} px: blank under ${above.name}`).toBeLessThan(MAX_GAP);
      }
    if (width >= 1024) expect(columns, 'the latest news beside the stories').toHaveLength(2);
    const ends = columns.map((column) => Math.max(...column.map((item) => item.bottom)));
    expect(Math.max(...ends) - Math.min(...ends), `${width} px: one column ends this far above the other`).toBeLessThan(
      MAX_COLUMN_MISMATCH,
    );
    const rows = await rowGaps('.front-secondary ul', '.front-secondary li');
    for (const gap of rows)
      expect(Math.abs(gap), `${width} px: a row of secondary stories stops short`).toBeLessThan(1);
    await page.setViewportSize(widths.desktop);
  });
});

/**
 * The front page's top-level blocks, in columns (by left edge), top to bottom:
 * each block's top and the bottom of what it shows (a grid item stretched to its
 * row would hide a blank under its content).
 */
function frontColumns(): Promise<{ name: string; top: number; bottom: number }[][]> {
  return page.evaluate(() => {
    const columns = new Map<number, { name: string; top: number; bottom: number }[]>();
    for (const block of document.querySelectorAll('.front > *')) {
      const range = document.createRange();
      range.selectNodeContents(block);
      const box = block.getBoundingClientRect();
      const left = Math.round(box.left);
      columns.set(left, [
        ...(columns.get(left) ?? []),
        { name: block.className, top: box.top, bottom: range.getBoundingClientRect().bottom },
      ]);
    }
    return [...columns.values()].map((column) => column.sort((a, b) => a.top - b.top));
  });
}

/** For each row of a grid's items, the space between its last item and the grid's right edge. */
function rowGaps(grid = '.home-sections', items = '.home-section'): Promise<number[]> {
  return page.evaluate(
    ([gridSelector, itemSelector]) => {
      const right = document.querySelector(gridSelector)!.getBoundingClientRect().right;
      const rightmost = new Map<number, number>();
      for (const item of document.querySelectorAll(itemSelector)) {
        const box = item.getBoundingClientRect();
        rightmost.set(Math.round(box.top), Math.max(rightmost.get(Math.round(box.top)) ?? 0, box.right));
      }
      return [...rightmost.values()].map((end) => right - end);
    },
    [grid, items] as const,
  );
}
