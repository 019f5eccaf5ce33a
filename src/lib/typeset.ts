/**
 * Headlines, standfirsts and section names get the body's typography once,
 * when content is read for the pages (and for the search index, which must
 * show the same text), so every place that shows them shows the same text.
 */
import { typography } from './typography.ts';
import type { ArticleData, SectionData } from './schema.ts';

export function typesetArticle(data: ArticleData, locale: string): ArticleData {
  const typeset = { ...data, title: typography(data.title, locale) };
  if (data.summary !== undefined) typeset.summary = typography(data.summary, locale);
  return typeset;
}

export function typesetSection(data: SectionData, locale: string): SectionData {
  return { ...data, name: typography(data.name, locale), description: typography(data.description, locale) };
}
