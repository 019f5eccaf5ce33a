/**
 * Waits for Pagefind's UI to show the results of a query, as a reader sees
 * them: the final count ("12 résultats pour X", not "Recherche de X en
 * cours…") and every result link the UI shows first (five at most) rendered.
 */
import type { Page } from 'playwright-core';

/** Results shown before "Afficher plus de résultats". */
const FIRST_PAGE = 5;

export interface SearchResults {
  /** The count the UI announces. */
  count: number;
  /** Paths of the result links shown, in order. */
  paths: string[];
}

/** Waits until the results of `term` are rendered on the search page in `page`. */
export async function waitForResults(page: Page, term: string, timeout = 15_000): Promise<SearchResults> {
  const handle = await page.waitForFunction(
    ({ term, firstPage }) => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
      const done = /^(?:Aucun résultat|Un résultat|(\d+) résultats|No results|(\d+) results?) (?:pour|for) (.*)$/.exec(
        message,
      );
      if (!done || done[3] !== term) return undefined;
      const count = Number(done[1] ?? done[2] ?? (/^Un /.test(message) ? 1 : 0));
      const links = [...document.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-link')];
      if (links.length !== Math.min(count, firstPage)) return undefined;
      return { count, paths: links.map((a) => a.pathname) };
    },
    { term, firstPage: FIRST_PAGE },
    { timeout },
  );
  return (await handle.jsonValue())!;
}

/** Types `term` into the search page's field and waits for its results. */
export async function search(page: Page, url: string, term: string): Promise<SearchResults> {
  await page.goto(url);
  const input = page.getByRole('searchbox').or(page.locator('.pagefind-ui__search-input')).first();
  await input.fill(term);
  return waitForResults(page, term);
}
