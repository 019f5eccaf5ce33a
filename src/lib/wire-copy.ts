/**
 * Reads wire copy as news portals publish it (the page copied as text, like `tests/fixtures/seed/lavrov-blinken.txt`)
 * into an article's fields and body. Pure: the site's time zone and sections are arguments. What each line of the copy
 * becomes, and the variants it also reads: README, "npm run import".
 */
import type { Section } from './articles.ts';
import { type ArticleFields, oneLine, splitNames } from './article-file.ts';
import { isoInZone, type WallClock, zonedInstant, zonedParts } from './dates.ts';
import { slugify } from './slug.ts';

/** Something missing or unreadable in the copy, named by the field it would have filled. */
export interface WireProblem {
  field: 'title' | 'date' | 'updated' | 'section' | 'source' | 'editors' | 'body';
  message: string;
}

export interface WireCopy {
  fields: ArticleFields;
  /** The body as Markdown: the paragraphs, separated by blank lines. */
  body: string;
}

export interface WireOptions {
  timeZone: string;
  /** The clock: an update line naming a later moment is left out. */
  now: Date;
  /** The site's sections, to map the breadcrumb to. */
  sections: readonly Pick<Section, 'slug' | 'name' | 'aliases'>[];
  /** A section slug chosen by the editor, instead of the breadcrumb's. */
  section?: string | undefined;
}

/** Home crumbs of the portals' breadcrumbs, which never name a section. */
const HOME = /^(?:page d['’]accueil|accueil|home(?:page)?)$/i;
const UPDATED = /^(?:derni[eè]re mise [aà] jour|mis[e]? [aà] jour|last updated|updated)\b/i;
/** `Rédacteurs :`, `Rédacteur:`, `Rédactrice :`, `Editors:`, `Editor :`, in parentheses or not. */
const EDITORS =
  /^\(?\s*(?:r[ée]dact(?:eur|rice)s?|r[ée]dacteur\(s\)|editors?|[ée]dit(?:eur|rice)s?)\s*:\s*(.*?)\s*\)?$/iu;
/** Page furniture around the copy: share links, comment forms, the list of picks. */
const CHROME =
  /^(?:partage[rz]? cet article|share this (?:article|story)|votre (?:pseudo|nom|commentaire|e-?mail)|your (?:nickname|name|comment|e-?mail)|conseils de la r[ée]daction|editors['’]? picks|articles? li[ée]s|related (?:articles|stories)|commentaires?|comments?)\b/i;
/** The date and time on the source line: `21.05.2021 08h19`, `21/05/2021 08:19`, `2021-05-21 08:19`. */
const DAY_FIRST =
  /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*,?\s*(?:[àa]|at)?\s*(\d{1,2})\s*[hH:]\s*(\d{2})(?:\s*:\s*(\d{2}))?$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Between crumbs: `>>` as on the seed page, or a single arrow or guillemet. */
const CRUMB_SEPARATOR = /\s*(?:>>|[>›»])\s*/;
/** Problems are listed in the order of the fields in a frontmatter. */
const FIELD_ORDER: WireProblem['field'][] = ['title', 'date', 'updated', 'section', 'source', 'editors', 'body'];

/** A line of the copy: as pasted (trimmed), and with white space collapsed for matching. */
interface Line {
  text: string;
  flat: string;
}

function flatten(text: string): string {
  // U+00A0 and U+202F (French typography) count as spaces; bullets as nothing.
  return oneLine(text.replace(/^[\s•·●▪◦*-]+/u, ''));
}

function isChrome(line: Line): boolean {
  return line.flat === '' ? line.text !== '' : CHROME.test(line.flat);
}

function isBreadcrumb(line: Line): boolean {
  if (line.flat.includes('>>')) return true;
  const first = line.flat.split(CRUMB_SEPARATOR)[0] ?? '';
  return HOME.test(first) && line.flat.length > first.length;
}

/** The section a crumb names, by slug, display name or alias, whatever the accents and case. */
export function sectionFromName(name: string, sections: WireOptions['sections']): string | undefined {
  const key = slugify(name);
  if (key === '') return undefined;
  return sections.find(
    (s) => s.slug === key || slugify(s.name) === key || (s.aliases ?? []).some((alias) => slugify(alias) === key),
  )?.slug;
}

/** The sections as messages list them: by slug, with the name where it differs (`world (Monde)`). */
export function sectionList(sections: WireOptions['sections']): string {
  return [...sections]
    .sort((a, b) => (a.slug < b.slug ? -1 : 1))
    .map((s) => (slugify(s.name) === s.slug ? s.slug : `${s.slug} (${s.name})`))
    .join(', ');
}

/** `Xinhua | 21.05.2021 08h19` → the source, and the date and time as written. */
function sourceParts(flat: string): { source: string; when: string } {
  const bar = flat.indexOf('|');
  return {
    source: oneLine(flat.slice(0, bar).replace(/^source\s*:/i, '')),
    when: oneLine(flat.slice(bar + 1).replace(/\|/g, ' ')),
  };
}

/** `21.05.2021 08h19` and its variations (`2021-05-21 08:19`…) as a wall clock; `undefined` if it is none of them. */
export function readDateTime(text: string): WallClock | undefined {
  const dayFirst = DAY_FIRST.exec(text);
  const yearFirst = dayFirst ? undefined : YEAR_FIRST.exec(text);
  const match = dayFirst ?? yearFirst;
  if (!match) return undefined;
  const [a, b, c, hour, minute, second] = match.slice(1).map((value) => (value === undefined ? 0 : Number(value)));
  const [day, month, year] = dayFirst ? [a!, b!, c!] : [c!, b!, a!];
  return { year, month, day, hour: hour!, minute: minute!, second: second! };
}

/** How long after publication an update line may name: beyond, it is more likely a portal quirk. */
export const MAX_UPDATE_DAYS = 31;

/**
 * "Dernière mise à jour à 09h05 le 21/05": the first moment after `date` that
 * shows that time and day (in the year of `date`, or the next one across New
 * Year), kept only when it is within 31 days of `date` and not after `now`.
 * A line naming an earlier time on the day of publication is a portal's
 * quirk, not an update a year later: it is left out, with a note saying why.
 */
function readUpdated(
  flat: string,
  date: Date,
  options: Pick<WireOptions, 'timeZone' | 'now'>,
): { updated?: Date; note?: string } {
  const { timeZone, now } = options;
  const time = /(\d{1,2})\s*[hH:]\s*(\d{2})/.exec(flat);
  const day = /(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?/.exec(flat.replace(time?.[0] ?? '', ' '));
  if (!time || !day) return { note: `could not read a time and date in "${flat}"; left out` };
  const wall = { month: Number(day[2]), day: Number(day[1]), hour: Number(time[1]), minute: Number(time[2]) };
  const dateYear = Number(zonedParts(date, timeZone).yyyy);
  const years = day[3] ? [Number(day[3])] : [dateYear, dateYear + 1];
  const updated = years
    .map((year) => zonedInstant({ ...wall, year }, timeZone))
    .find((instant) => instant !== undefined && (day[3] !== undefined || instant.getTime() > date.getTime()));
  const left = (why: string) => ({ note: `"${flat}" ${why}; left out` });
  if (!updated) return left('names no real date and time');
  const shown = (instant: Date) => isoInZone(instant, timeZone);
  if (updated.getTime() <= date.getTime())
    return left(`names ${shown(updated)}, not after the publication (${shown(date)})`);
  if (updated.getTime() - date.getTime() > MAX_UPDATE_DAYS * 86_400_000)
    return left(
      `names ${shown(updated)}, more than ${MAX_UPDATE_DAYS} days after the publication (${shown(date)}): an update line earlier than the publication is a portal quirk, not an update a year later`,
    );
  if (updated.getTime() > now.getTime())
    return left(`names ${shown(updated)}, which is still to come (now: ${shown(now)})`);
  return { updated };
}

/**
 * Markdown for a paragraph that shows exactly as typed: characters that would
 * start emphasis, code, links or HTML are escaped, and so is a line start that
 * would make a heading, quote, list or rule.
 */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_[\]<]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(#|>|[-+] |=|~{3})/, '\\$1')
    .replace(/^(\d+)([.)])(?= |$)/, '$1\\$2');
}

/** Reads the copy; either `copy` (everything required was found) or at least one error in `problems`. */
export function parseWireCopy(
  text: string,
  options: WireOptions,
): { copy?: WireCopy; problems: WireProblem[]; notes: WireProblem[] } {
  const problems: WireProblem[] = [];
  const notes: WireProblem[] = [];
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw) => ({ text: raw.trim(), flat: flatten(raw) }));

  const isEditors = (line: Line) => EDITORS.test(line.flat);
  const classified = (line: Line) => UPDATED.test(line.flat) || isBreadcrumb(line) || isEditors(line) || isChrome(line);

  // The source line: the first short "Source | date" line whose date reads, else the first such line.
  const sourceLike = (line: Line) => /^[^|]{0,60}\|/.test(line.flat) && !classified(line);
  const dated = lines.findIndex((line) => sourceLike(line) && readDateTime(sourceParts(line.flat).when) !== undefined);
  const sourceAt = dated === -1 ? lines.findIndex(sourceLike) : dated;
  const sourceLine = sourceAt === -1 ? undefined : lines[sourceAt]!.flat;
  const example = 'such as "Xinhua | 21.05.2021 08h19"';
  let source: string | undefined;
  let date: Date | undefined;
  if (sourceLine === undefined) {
    const message = `not found: expected a line ${example} under the headline`;
    problems.push({ field: 'source', message }, { field: 'date', message });
  } else {
    const parts = sourceParts(sourceLine);
    source = parts.source;
    const when = parts.when;
    if (source === '')
      problems.push({ field: 'source', message: `not found: the line "${sourceLine}" names no source before the |` });
    const wall = readDateTime(when);
    date = wall && zonedInstant(wall, options.timeZone);
    if (!wall)
      problems.push({
        field: 'date',
        message: `expected a date and time ${example.replace('such as', 'such as the')}, got "${when}"`,
      });
    else if (!date) problems.push({ field: 'date', message: `"${when}" is not a real date and time` });
  }

  // The headline: the last line before the source line that is copy, not furniture.
  const before = lines.slice(0, sourceAt === -1 ? lines.length : sourceAt);
  const breadcrumbAt = before.findIndex(isBreadcrumb);
  const candidates = before.slice(breadcrumbAt + 1).filter((line) => line.text !== '' && !classified(line));
  const headline = sourceAt === -1 ? candidates[0] : candidates.at(-1);
  if (!headline)
    problems.push({
      field: 'title',
      message: 'not found: expected the headline on its own line above the source line',
    });

  // The section: the breadcrumb's deepest crumb that names one, unless the editor chose it.
  let section: string | undefined;
  const known = sectionList(options.sections);
  if (options.section !== undefined) {
    section = sectionFromName(options.section, options.sections);
    if (!section)
      problems.push({ field: 'section', message: `unknown section "${options.section}", expected one of: ${known}` });
  } else if (breadcrumbAt === -1) {
    problems.push({
      field: 'section',
      message: `not found: expected a breadcrumb such as "Page d'accueil>>International", with a section among: ${known}`,
    });
  } else {
    const crumbs = before[breadcrumbAt]!.flat.split(CRUMB_SEPARATOR).filter((c) => c !== '' && !HOME.test(c));
    section = crumbs
      .reverse()
      .map((crumb) => sectionFromName(crumb, options.sections))
      .find((s) => s !== undefined);
    if (!section) {
      problems.push({
        field: 'section',
        message: `the breadcrumb "${before[breadcrumbAt]!.flat}" names no known section, expected one of: ${known}`,
      });
    }
  }

  // Editors (below the source line, or anywhere without one), then the body: the paragraphs between the two.
  const after = lines.slice(sourceAt + 1);
  const editorsAt = after.findIndex(isEditors);
  let editors: string[] = [];
  if (editorsAt === -1) {
    problems.push({
      field: 'editors',
      message: 'not found: expected a line such as "(Rédacteurs : Ying Xie, Yishuang Liu)"; editors are required',
    });
  } else {
    editors = splitNames(EDITORS.exec(after[editorsAt]!.flat)![1]!);
    if (editors.length === 0)
      problems.push({
        field: 'editors',
        message: `the line "${after[editorsAt]!.text}" names no editor; editors are required`,
      });
  }
  const paragraphs =
    sourceAt === -1
      ? []
      : (editorsAt === -1 ? after : after.slice(0, editorsAt)).filter((line) => line.text !== '' && !isChrome(line));
  if (sourceAt !== -1 && paragraphs.length === 0)
    problems.push({
      field: 'body',
      message: 'not found: expected paragraphs between the source line and the editors line',
    });

  let updated: Date | undefined;
  const updatedLine = before.find((line) => UPDATED.test(line.flat));
  if (updatedLine && date) {
    const read = readUpdated(updatedLine.flat, date, options);
    updated = read.updated;
    if (read.note) notes.push({ field: 'updated', message: read.note });
  }

  problems.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  if (problems.length > 0 || !headline || !source || !date || !section) return { problems, notes };
  const fields: ArticleFields = { title: headline.text, date, section, source, editors };
  if (updated) fields.updated = updated;
  return { copy: { fields, body: paragraphs.map((p) => escapeMarkdown(p.text)).join('\n\n') }, problems, notes };
}
