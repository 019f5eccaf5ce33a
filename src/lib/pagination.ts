/**
 * Numbered pagination as news archives show it: the first and last pages,
 * the current page and its neighbours, and an ellipsis for each gap of more
 * than one page (a gap of exactly one page shows that page instead).
 *
 * @example pageItems(6, 13) // [1, 'gap', 5, 6, 7, 'gap', 13]
 */
export type PageItem = number | 'gap';

export function pageItems(current: number, last: number, neighbours = 1): PageItem[] {
  if (last < 1) return [];
  const shown = new Set<number>([1, last]);
  for (let page = current - neighbours; page <= current + neighbours; page++) {
    if (page >= 1 && page <= last) shown.add(page);
  }
  const pages = [...shown].sort((a, b) => a - b);
  const items: PageItem[] = [];
  for (const [i, page] of pages.entries()) {
    const previous = pages[i - 1];
    if (previous !== undefined && page - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) items.push('gap');
    items.push(page);
  }
  return items;
}
