/**
 * Writes article files for `npm run new` and `npm run import`, in the house
 * style of the seed article: the headline single-quoted, dates in the site's
 * time zone with its offset, editors as a block list, one blank line, then the
 * body. Pure: the clock and the time zone are arguments.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isoInZone, zonedParts } from './dates.ts';
import { slugify } from './slug.ts';

/** The fields the tools write; the others are left to editors. */
export interface ArticleFields {
  title: string;
  summary?: string;
  date: Date;
  updated?: Date;
  section: string;
  source: string;
  editors: string[];
}

/**
 * `content/images/`, where the README puts images, seen from an article's folder (`<yyyy>/<mm>/` under
 * `content/articles/`, as `articlePathFor` makes it): a path relative to the article, which Astro optimises.
 */
export const IMAGES_FROM_ARTICLE = '../../../images/';

/** Commented examples of the optional fields, in the schema's order, for a new article's skeleton. */
const OPTIONAL_FIELD_HINTS = [
  "# summary: 'Standfirst, shown under the headline and in lists'",
  '# updated: {date}',
  '# tags: [keyword, another keyword]',
  '# related: [2021/05/id-of-another-article]',
  `# image: { src: ${IMAGES_FROM_ARTICLE}photo.jpg, alt: 'What the photo shows', credit: Agency }`,
];

/** `'text'`, with `'` doubled as YAML wants. */
function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `value` as a plain scalar when YAML reads it back unchanged (e.g. `Xinhua`), else single-quoted. */
export function yamlText(value: string): string {
  let read: unknown;
  try {
    read = load(`v: ${value}\n`, { schema: CORE_SCHEMA });
  } catch {
    return singleQuoted(value);
  }
  return (read as Record<string, unknown> | null)?.['v'] === value ? value : singleQuoted(value);
}

/** One line of text: runs of white space (line breaks included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Names from `"Ying Xie, Yishuang Liu"`: commas, semicolons, `et`, `and` or `&` between them. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,;]|\s(?:et|and|&)\s/)
    .map(oneLine)
    .filter((name) => name !== '');
}

/**
 * Where an article lives under `content/articles/`: `<yyyy>/<mm>/<slug>.md`,
 * the month of `date` in `timeZone`, the slug made from the headline.
 * `undefined` when the headline has no letter or digit to make a slug from.
 */
export function articlePathFor(title: string, date: Date, timeZone: string): string | undefined {
  const slug = slugify(title);
  if (slug === '') return undefined;
  const { yyyy, MM } = zonedParts(date, timeZone);
  return `${yyyy}/${MM}/${slug}.md`;
}

/**
 * The whole file. With `skeleton` (a new article, body still to write), it is
 * a draft, and the optional fields follow as commented examples, so a new
 * article shows every field an editor may fill in.
 */
export function articleSource(
  fields: ArticleFields,
  body: string,
  timeZone: string,
  options: { skeleton?: boolean } = {},
): string {
  const date = isoInZone(fields.date, timeZone);
  const lines = ['---', `title: ${singleQuoted(fields.title)}`];
  if (fields.summary !== undefined) lines.push(`summary: ${singleQuoted(fields.summary)}`);
  lines.push(`date: ${date}`);
  if (fields.updated !== undefined) lines.push(`updated: ${isoInZone(fields.updated, timeZone)}`);
  lines.push(`section: ${yamlText(fields.section)}`, `source: ${yamlText(fields.source)}`, 'editors:');
  for (const name of fields.editors) lines.push(`  - ${yamlText(name)}`);
  if (options.skeleton) {
    lines.push('# A draft is never published: delete the next line when the article is ready.', 'draft: true');
    lines.push('# Optional fields: remove the # to use one (see "Writing an article" in the README).');
    for (const hint of OPTIONAL_FIELD_HINTS) {
      const field = /^# (\w+):/.exec(hint)?.[1];
      if (field === 'summary' && fields.summary !== undefined) continue;
      if (field === 'updated' && fields.updated !== undefined) continue;
      lines.push(hint.replace('{date}', date));
    }
  }
  lines.push('---', '');
  const text = body.trim();
  return `${lines.join('\n')}\n${text === '' ? '' : `${text}\n`}`;
}
