import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { makeArticleSchema, problemsSchema, sectionSchema } from './lib/schema.ts';
import { publicEntries } from './lib/read-content.ts';
import { SECTIONS_FILE, validateSections } from './lib/validate.ts';
import { contentLoaders } from './loaders/content.ts';
import { format, markdownPipeline, site } from './site.ts';

function knownSectionSlugs(): string[] {
  try {
    const file = resolve(site.contentDir, SECTIONS_FILE);
    // As readSections refuses them: the same slugs, whatever the articles loader then reports.
    return validateSections(readFileSync(file, 'utf8'), file, { publicEntries: publicEntries('.') }).sections.map(
      (s) => s.slug,
    );
  } catch {
    // A missing sections.yaml is reported, with its path, by the articles loader.
    return [];
  }
}

const loaders = contentLoaders({
  contentDir: site.contentDir,
  timeZone: site.timeZone,
  now: site.now,
  pipeline: markdownPipeline,
  dateTime: format.dateTime,
  remoteImageHosts: site.remoteImageHosts,
});

const articles = defineCollection({ loader: loaders.articles, schema: makeArticleSchema(knownSectionSlugs()) });

const sections = defineCollection({ loader: loaders.sections, schema: sectionSchema });

/** Content errors while previewing (`astro dev`), which pages show in Astro's error overlay; a build stops on them instead. */
const problems = defineCollection({ loader: loaders.problems, schema: problemsSchema });

export const collections = { articles, sections, problems };
