/**
 * The search index is one Pagefind bundle per section (`/pagefind/<section>/`),
 * merged in the browser. A publish then re-indexes only the sections whose
 * articles changed, and each Pagefind run holds one section in memory, not the
 * whole archive. The search page lists the bundles; the indexer
 * (`src/cli/search-index.ts`) reads that list back, so the two cannot disagree.
 */
import type { SiteIndex } from './articles.ts';

/** Site path of a section's bundle (before the base path). */
export function searchBundlePath(section: string): string {
  return `/pagefind/${section}/`;
}

/** Sections that get a bundle: those with at least one published article, in display order. */
export function searchedSections(index: Pick<SiteIndex, 'sections' | 'bySection'>): string[] {
  return index.sections.filter((s) => (index.bySection.get(s.slug)?.length ?? 0) > 0).map((s) => s.slug);
}

/** The attribute of the search page's element that lists the bundles. */
export const BUNDLES_ATTRIBUTE = 'data-bundle-paths';

/**
 * The sections whose bundles a built search page asks for, read from its HTML
 * (`data-bundle-paths="/base/pagefind/international/ /base/pagefind/chine/"`).
 */
export function sectionsOfSearchPage(html: string): string[] {
  const match = new RegExp(`${BUNDLES_ATTRIBUTE}="([^"]*)"`).exec(html);
  if (!match) throw new Error(`the search page has no ${BUNDLES_ATTRIBUTE} attribute listing its search bundles`);
  return match[1]!
    .split(/\s+/)
    .filter((path) => path !== '')
    .map((path) => {
      const section = /\/pagefind\/([a-z0-9-]+)\/$/.exec(path)?.[1];
      if (!section)
        throw new Error(`the search page lists "${path}", expected a bundle path ending in /pagefind/<section>/`);
      return section;
    });
}
