/**
 * Starts Pagefind's search UI on the search page: reads the build's plan of
 * the index (`/pagefind/bundles.json`, see `src/lib/search-bundles.ts`), gives
 * the UI its first bundle and merges the others, with result URLs under the
 * site's base path, and runs the query of a `?q=` link (the homepage's
 * structured data advertises that form to search engines).
 */
import type { SearchPlan } from '../lib/search-bundles.ts';

interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  mergeIndex: { bundlePath: string }[];
  baseUrl: string;
  showImages: boolean;
  showSubResults: boolean;
  autofocus: boolean;
}

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

export async function startSearch(element: HTMLElement | null): Promise<void> {
  const planUrl = element?.dataset['plan'];
  if (!element || !planUrl || !window.PagefindUI) return;
  const base = element.dataset['baseUrl'] ?? '/';
  const plan = (await (await fetch(planUrl)).json()) as SearchPlan;
  // Bundle paths are site paths; the site may live under a base path.
  const [first, ...others] = plan.bundles.map((bundle) => `${base}${bundle.path.slice(1)}`);
  if (!first) return;
  const ui = new window.PagefindUI({
    element,
    bundlePath: first,
    mergeIndex: others.map((bundlePath) => ({ bundlePath })),
    baseUrl: base,
    showImages: false,
    showSubResults: true,
    autofocus: true,
  });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
}
