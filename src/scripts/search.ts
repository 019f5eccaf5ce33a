/**
 * The search page's results, from Pagefind's JavaScript API, shown like the site's teasers (section and date, headline,
 * excerpt). The page lists the build's bundles (`data-bundle-paths`, the plan of `src/lib/search-bundles.ts`): the
 * first one's script searches and the others are merged into it. The form works without this script (a GET with
 * `?q=`); with it, results follow the typing. Wording comes from the results element's `data-*` attributes.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(options: { baseUrl: string; excerptLength?: number }): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  debouncedSearch(
    term: string,
    options?: object,
    timeout?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results shown at first, and added by each "more" click. */
const BATCH = 10;

export function startSearch(container: HTMLElement | null, input: HTMLElement | null): void {
  if (!container || !(input instanceof HTMLInputElement)) return;
  const [bundlePath, ...merged] = (container.dataset['bundlePaths'] ?? '').split(/\s+/).filter((p) => p !== '');
  if (!bundlePath) return;
  const words = container.dataset;
  const status = element('p', 'search-status');
  status.setAttribute('role', 'status');
  const list = element('ol', 'search-results-list');
  const more = element('button', 'search-more');
  more.type = 'button';
  more.textContent = words['more'] ?? '';
  more.hidden = true;
  container.append(status, list, more);

  const loading: Promise<Pagefind> = (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: container.dataset['baseUrl'] ?? '/', excerptLength: 30 });
    for (const path of merged) await pagefind.mergeIndex(path);
    return pagefind;
  })();

  let shown: { data(): Promise<PagefindResultData> }[] = [];
  let query = '';

  const showMore = async () => {
    const batch = shown.splice(0, BATCH);
    const items = await Promise.all(batch.map((result) => result.data()));
    for (const item of items) list.append(resultItem(item));
    more.hidden = shown.length === 0;
  };

  const run = async (term: string) => {
    query = term.trim();
    const url = new URL(window.location.href);
    if (query === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    history.replaceState(null, '', url);
    if (query === '') {
      status.textContent = '';
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = words['loading'] ?? '';
    const pagefind = await loading;
    const search = await pagefind.debouncedSearch(query, {}, 200);
    // A newer query has started: its own run shows its results.
    if (search === null || term.trim() !== query) return;
    shown = [...search.results];
    const count = shown.length;
    const template = count === 0 ? words['none'] : count === 1 ? words['one'] : words['other'];
    list.replaceChildren();
    await showMore();
    status.textContent = (template ?? '')
      .replace('{count}', count.toLocaleString(words['locale']))
      .replace('{query}', query);
  };

  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  input.addEventListener('input', () => void run(input.value));
  more.addEventListener('click', () => void showMore());

  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** One result, built from text nodes: only Pagefind's `<mark>` highlights are kept from its excerpt. */
function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const meta = element('p', 'teaser-meta');
  const section = element('span', 'source');
  section.textContent = data.meta['section'] ?? '';
  meta.append(section);
  if (data.meta['date']) {
    const bar = element('span', 'separator');
    bar.setAttribute('aria-hidden', 'true');
    bar.textContent = '|';
    meta.append(' ', bar, ` ${data.meta['date']}`);
  }
  const title = element('h2', 'teaser-title');
  const link = element('a', 'search-result-link');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  title.append(link);
  const excerpt = element('p', 'teaser-summary');
  const parsed = new DOMParser().parseFromString(`<p>${data.excerpt}</p>`, 'text/html').body;
  for (const node of Array.from(parsed.firstChild?.childNodes ?? [])) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      excerpt.append(mark);
    } else excerpt.append(node.textContent ?? '');
  }
  item.append(meta, title, excerpt);
  return item;
}
