import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { makeArticleSchema, sectionSchema } from './lib/schema.ts';
import { SECTIONS_FILE, validateSections } from './lib/validate.ts';
import { articlesLoader, sectionsLoader } from './loaders/content.ts';
import { markdownPipeline, site } from './site.ts';

function knownSectionSlugs(): string[] {
  try {
    const file = resolve(site.contentDir, SECTIONS_FILE);
    return validateSections(readFileSync(file, 'utf8'), file).sections.map((s) => s.slug);
  } catch {
    // A missing sections.yaml is reported, with its path, by the articles loader.
    return [];
  }
}

const articles = defineCollection({
  loader: articlesLoader({ contentDir: site.contentDir, timeZone: site.timeZone, pipeline: markdownPipeline }),
  schema: makeArticleSchema(knownSectionSlugs()),
});

const sections = defineCollection({
  loader: sectionsLoader({ contentDir: site.contentDir }),
  schema: sectionSchema,
});

export const collections = { articles, sections };
