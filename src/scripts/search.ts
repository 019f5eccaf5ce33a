/**
 * Starts Pagefind's search UI on the search page, with the bundle and result
 * URLs under the site's base path, and runs the query of a `?q=` link (the
 * homepage's structured data advertises that form to search engines).
 * The index is one bundle per section (`src/lib/search-bundles.ts`): the
 * first is the UI's own, the others are merged into it.
 */
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

export function startSearch(element: HTMLElement | null): void {
  if (!element || !window.PagefindUI) return;
  const [bundlePath, ...merged] = (element.dataset['bundlePaths'] ?? '').split(/\s+/).filter((path) => path !== '');
  if (!bundlePath) return;
  const ui = new window.PagefindUI({
    element,
    bundlePath,
    mergeIndex: merged.map((path) => ({ bundlePath: path })),
    baseUrl: element.dataset['baseUrl'] ?? '/',
    showImages: false,
    showSubResults: true,
    autofocus: true,
  });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
}
