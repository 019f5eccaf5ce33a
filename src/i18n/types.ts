/**
 * The shape every UI dictionary must fill. Components never hard-code chrome:
 * they ask `t(key)` for it, so switching the site's locale changes every label.
 *
 * Values may hold `{name}` placeholders, filled by `t(key, { name })`.
 * Date patterns use the tokens of `src/lib/dates.ts`: {dd} {MM} {yyyy} {HH} {mm}.
 */
export interface UIStrings {
  /** Link that jumps over the header to the main content. */
  skipToContent: string;
  /** Label of the main navigation landmark. */
  mainNav: string;
  /** Label of the breadcrumb landmark. */
  breadcrumb: string;
  /** First crumb of every breadcrumb, and the homepage's name. */
  home: string;
  /** A page's own stamp: "Dernière mise à jour à {time} le {date}". */
  lastUpdated: string;
  /** Pattern of the short date-and-time stamp, e.g. "21.05.2021 08h19". */
  dateTimePattern: string;
  /** Pattern of the time in `lastUpdated`, e.g. "09h05". */
  timePattern: string;
  /** Pattern of the date in `lastUpdated` in the build's year, e.g. "21/05". */
  dayMonthPattern: string;
  /** Pattern of the date in `lastUpdated` in another year, e.g. "21/05/2021". */
  dayMonthYearPattern: string;
  /** "Mis à jour le {date} à {time}" under the source line. */
  updatedOn: string;
  /** Estimated reading time, on article pages and in lists: "Lecture : {minutes} min". */
  readingTime: string;
  /** Heading (read by screen readers) of an article's footnotes. */
  footnotesLabel: string;
  /** Accessible name of the link from footnote {n} back to where it is called. */
  footnoteBackLabel: string;
  /** Editors' line for one editor. */
  editorsOne: string;
  /** Editors' line for several editors. */
  editorsOther: string;
  /** Separator between names in the editors' line. */
  namesSeparator: string;
  /** Heading of the share links. */
  shareHeading: string;
  /** Accessible name of one share link; {network} is the service. */
  shareOn: string;
  /** Name of the e-mail share target. */
  shareByEmail: string;
  /** Heading of the editors' picks. */
  editorsPicks: string;
  /** Label of the previous/next-in-section navigation. */
  sectionNav: string;
  /** Previous (older) article in the section. */
  previousArticle: string;
  /** Next (newer) article in the section. */
  nextArticle: string;
  /** Label of a list's page navigation. */
  pagination: string;
  /** Link to the newer page of a list. */
  newerPage: string;
  /** Link to the older page of a list. */
  olderPage: string;
  /** "Page {page} sur {pages}" */
  pageOf: string;
  /** Title suffix of page 2+ of a section, e.g. "International, page 2". */
  sectionPageTitle: string;
  /** Heading of the lead story block on the homepage. */
  leadStory: string;
  /** Heading of the list of all sections. */
  allSections: string;
  /** Link from a homepage block to its section. */
  moreInSection: string;
  /** Shown on a section with nothing published yet. */
  emptySection: string;
  /** Title of the 404 page. */
  notFoundTitle: string;
  /** Body of the 404 page. */
  notFoundText: string;
  /** Link back to the homepage from the 404 page. */
  backHome: string;
  /** Footer line: "© {years} {site}", the years the archive spans ("2020–2026"). */
  copyright: string;
  /** Label of an image credit: "Photo : {credit}". */
  imageCredit: string;
  /** Title of the site-wide RSS feed, in `<link rel="alternate">` and the feed itself. */
  feedSite: string;
  /** Title of a section's RSS feed. */
  feedSection: string;
  /** Title of the JSON Feed. */
  feedJson: string;
  /** Name of the search page and its menu link. */
  search: string;
  /** Introduction on the search page. */
  searchIntro: string;
  /** Shown on the search page when the browser runs no JavaScript. */
  searchNeedsJs: string;
  /** Alternative text of the site's default social image. */
  defaultImageAlt: string;
  /** URL segment of tag pages: `/mots-cles/<tag>/`. Lower-case ASCII. */
  tagsPath: string;
  /** URL segment of editors' pages: `/redacteurs/<name>/`. Lower-case ASCII. */
  editorsPath: string;
  /** Heading and title of a tag's page. */
  tagTitle: string;
  /** Heading and title of an editor's page. */
  editorTitle: string;
  /** Title of page 2+ of a tag's or editor's list: "{title}, page {page}". */
  listPageTitle: string;
  /** Description of a tag's page. */
  tagDescription: string;
  /** Description of an editor's page. */
  editorDescription: string;
  /** Crumb and label of the tags' part of the site. */
  tagsLabel: string;
  /** Crumb and label of the editors' part of the site. */
  editorsLabel: string;
  /** Title of a tag's RSS feed. */
  feedTag: string;
  /** Title of an editor's RSS feed. */
  feedEditor: string;
  /** Heading of the article's tags. */
  articleTags: string;
  /** Heading of the homepage's latest news across sections. */
  latestNews: string;
  /** Heading of the homepage's secondary stories (read by screen readers). */
  secondaryStories: string;
  /** Label of the masthead's search field. */
  searchLabel: string;
  /** Placeholder of the search fields. */
  searchPlaceholder: string;
  /** Submit button of the search forms. */
  searchSubmit: string;
  /** Heading of the latest articles on the 404 page. */
  notFoundLatest: string;
  /** Accessible name of a numbered page link: "Page {page}". */
  pageNumber: string;
  /** Search results: "{count} résultats pour « {query} »", one result. */
  searchResultsOne: string;
  /** Search results, several. */
  searchResultsOther: string;
  /** Search: nothing found. */
  searchNoResults: string;
  /** Search: while results load. */
  searchLoading: string;
  /** Search: link to the next batch of results. */
  searchMore: string;
}

/** A language whose dictionary ships with Rotative. */
export type UILanguage = 'fr' | 'en';
