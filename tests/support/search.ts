/**
 * Waits for the search page to show the results of a query, as a reader sees
 * them: the final count in the status line ("12 résultats pour « X »", not
 * "Recherche en cours…") and every result link of the first batch (ten at
 * most) rendered. `src/scripts/search.ts` lists the results before it writes
 * the count, so the count is the last thing to appear.
 */
import type { Page } from 'playwright-core';

/** Results shown before "Plus de résultats". */
const FIRST_BATCH = 10;

export interface SearchResults {
  /** The count the status line announces. */
  count: number;
  /** Paths of the result links shown, in order. */
  paths: string[];
}

/** Waits until the results of `term` are rendered on the search page in `page`. */
export async function waitForResults(page: Page, term: string, timeout = 30_000): Promise<SearchResults> {
  const handle = await page.waitForFunction(
    ({ term, firstBatch }) => {
      const status = document.querySelector('.search-status')?.textContent?.trim() ?? '';
      // "12 résultats pour « X »", "Aucun résultat pour « X ».", "12 results for “X”", "No results for “X”."
      const done =
        /^(?:(Aucun|No)|([\d\s\u202f\u00a0,.]+)) (?:résultats?|results?) (?:pour|for) [«“]\u202f?(.*?)\u202f?[»”]\.?$/.exec(
          status,
        );
      if (!done || done[3] !== term) return undefined;
      const count = done[1] ? 0 : Number(done[2]!.replace(/\D/g, ''));
      const links = [...document.querySelectorAll<HTMLAnchorElement>('.search-result-link')];
      if (links.length !== Math.min(count, firstBatch)) return undefined;
      return { count, paths: links.map((a) => a.pathname) };
    },
    { term, firstBatch: FIRST_BATCH },
    { timeout },
  );
  return (await handle.jsonValue())!;
}

/** Opens the search page at `url`, types `term` into its own field and waits for its results. */
export async function search(page: Page, url: string, term: string): Promise<SearchResults> {
  await page.goto(url);
  await page.locator('#search-page-q').fill(term);
  return waitForResults(page, term);
}
