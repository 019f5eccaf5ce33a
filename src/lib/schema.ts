/**
 * The content model: one zod schema for articles and one for sections, used by
 * Astro's content collections (`src/content.config.ts`) and by the editors'
 * command-line tools alike. It imports plain `zod`, never `astro:content`.
 *
 * Messages are written for editors: each says what was expected and what was found.
 */
import * as z from 'zod';
import { daysInMonth, type IsoReading, readIsoWithOffset } from './dates.ts';
import { slugify } from './slug.ts';

/** Shows an editor's value back to them, shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** The message for a value of the wrong type, or for a missing required field. */
export const expecting =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `required field is missing: expected ${what}`
      : `expected ${what}, got ${describeValue(issue.input)}`;

const requiredText = (what: string) =>
  z
    .string({ error: expecting(what) })
    .trim()
    .min(1, { error: `expected ${what}, got an empty text` });

/**
 * An instant written as ISO 8601 with an offset. Strings are parsed here; a
 * `Date` (from a YAML parser that reads timestamps) is accepted as already parsed.
 */
const instant = z.unknown().transform((value, ctx): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const reading = typeof value === 'string' ? readIsoWithOffset(value) : undefined;
  if (reading && 'date' in reading) return reading.date;
  ctx.issues.push({ code: 'custom', input: value, message: instantMessage(value, reading) });
  return z.NEVER;
});

const EXAMPLE_INSTANT = '2021-05-21T08:19:00+08:00';

/** What is wrong with a date, in words that say how to fix it. */
function instantMessage(value: unknown, reading: IsoReading | undefined): string {
  const got = `got ${describeValue(value)}`;
  if (reading && 'problem' in reading) {
    const { year, month, day } = reading;
    if (reading.problem === 'day' && year !== undefined && month !== undefined && day !== undefined) {
      if (month < 1 || month > 12) return `month ${month} does not exist: expected a month from 01 to 12, ${got}`;
      const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
      return `the day ${String(day).padStart(2, '0')} ${name} ${year} does not exist (${name} ${year} has ${daysInMonth(year, month)} days), ${got}`;
    }
    if (reading.problem === 'time') return `expected a time from 00:00 to 23:59:59, ${got}`;
    if (reading.problem === 'offset')
      return `expected an ISO 8601 date with offset such as ${EXAMPLE_INSTANT}, ${got}: add the offset of the zone the time is in (+08:00 for Beijing)`;
  }
  return expecting(`an ISO 8601 date with offset such as ${EXAMPLE_INSTANT}`)({ input: value });
}

const textList = (what: string) => z.array(requiredText(what), { error: expecting(`a list of ${what}s`) });

/** Names that get a page of their own (tags, editors): their URL is made from their letters and digits. */
const namedList = (what: string, aWhat: string) =>
  z.array(
    // An empty name has its own message (requiredText); this one is for names like "!!!".
    requiredText(what).refine((name) => name.trim() === '' || slugify(name) !== '', {
      error: `expected ${aWhat} with letters or digits, which its page's URL is made from`,
    }),
    { error: expecting(`a list of ${what}s`) },
  );

/** An article id as written in `related`: its path under `content/articles/` without `.md`. */
const articleId = requiredText('an article id (its file path under content/articles/ without .md)');

const pixels = z
  .number({ error: expecting('a width or height in pixels, such as 1200') })
  .int({ error: 'expected a whole number of pixels' })
  .positive({ error: 'expected a number of pixels above 0' });

/** The image shown with an article; `alt` is required whenever there is an image. */
export const imageSchema = z.object(
  {
    /**
     * Path relative to the article file (`./port.jpg`, `../../images/port.jpg`, for a file beside it or
     * in `content/images/`), a path under `public/` (`/images/port.jpg`, not optimised) or an https URL
     * from an allowed host (`remoteImageHosts`). Checked by `src/lib/image-refs.ts`.
     */
    src: requiredText('an image path or URL'),
    /** Text alternative read out to readers who cannot see the image. */
    alt: requiredText('a text alternative (alt) describing the image'),
    /** Photographer or agency, shown under the image. */
    credit: requiredText('a credit').optional(),
    /** Width in pixels: required for an https image, which the build never downloads. */
    width: pixels.optional(),
    /** Height in pixels: required for an https image. */
    height: pixels.optional(),
  },
  { error: expecting('a mapping with src and alt') },
);

/**
 * The article schema for a site whose sections are `sectionSlugs`. Sections
 * are content (`content/sections.yaml`), so the schema is built from them.
 */
export function makeArticleSchema(sectionSlugs: readonly string[]) {
  const known = [...sectionSlugs].sort();
  return z.object({
    /** Headline, as readers see it. */
    title: requiredText('a headline'),
    /** Standfirst shown under the headline and in lists. */
    summary: requiredText('a standfirst').optional(),
    /** Publication instant, ISO 8601 with offset. After the build's clock, the article is embargoed. */
    date: instant,
    /** Last substantive update, ISO 8601 with offset; not earlier than `date` nor later than the build's clock (checked in `validate.ts`). */
    updated: instant.optional(),
    /** Slug of a section defined in `content/sections.yaml`. */
    section: z.string({ error: expecting(`a section slug, one of: ${known.join(', ')}`) }).superRefine((slug, ctx) => {
      if (!known.includes(slug)) {
        ctx.addIssue({
          code: 'custom',
          input: slug,
          message: `unknown section "${slug}", expected one of: ${known.join(', ')}`,
        });
      }
    }),
    /** Agency or author of the copy, e.g. Xinhua. */
    source: requiredText('a source such as Xinhua'),
    /** Names of the editors who handled the copy; at least one. */
    editors: namedList('editor name', 'an editor name').min(1, {
      error: 'expected at least one editor name, got an empty list',
    }),
    /** Free keywords. */
    tags: namedList('tag', 'a tag').default([]),
    /**
     * Leads the homepage while the article is among the site's newest `featuredWindow` articles
     * (the newest featured one when there are several); otherwise the newest article leads.
     */
    featured: z.boolean({ error: expecting('true or false') }).default(false),
    /** Drafts are never built. */
    draft: z.boolean({ error: expecting('true or false') }).default(false),
    /** Ids of other articles chosen by the editors ("Conseils de la rédaction"). */
    related: z.array(articleId, { error: expecting('a list of article ids') }).default([]),
    /** Lead image. */
    image: imageSchema.optional(),
  });
}

export type ArticleSchema = ReturnType<typeof makeArticleSchema>;
/** An article's frontmatter after validation. */
export type ArticleData = z.output<ArticleSchema>;

/** Frontmatter keys the article schema knows, for the checker's unknown-key warnings. */
export const articleFields = [
  'title',
  'summary',
  'date',
  'updated',
  'section',
  'source',
  'editors',
  'tags',
  'featured',
  'draft',
  'related',
  'image',
] as const;

/** A lower-case ASCII slug: letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One section of `content/sections.yaml`, keyed there by its slug. */
export const sectionSchema = z.object({
  /** Display name, e.g. "International". */
  name: requiredText('a display name such as International'),
  /** One-sentence description, used on the section page and in its feed. */
  description: requiredText('a one-sentence description'),
  /** Position in menus and on the homepage: lower comes first. */
  order: z.number({ error: expecting('a number') }).int({
    error: 'expected a whole number',
  }),
  /** Other names of the section in wire copy's breadcrumbs (`World`, `Monde`), for `npm run import` and `npm run new`. */
  aliases: textList('section name').optional(),
});

export type SectionData = z.output<typeof sectionSchema>;

/** A problem found in content (`src/lib/problems.ts`). */
export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().int().optional(),
  field: z.string().optional(),
  message: z.string(),
});

/** The one entry (`current`) of the `problems` collection: the content's errors while previewing. */
export const problemsSchema = z.object({ errors: z.array(problemSchema) });

/** The id of that entry. */
export const CURRENT_PROBLEMS = 'current';

export type ProblemData = z.output<typeof problemSchema>;
