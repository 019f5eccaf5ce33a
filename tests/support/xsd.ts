/**
 * Validates sitemaps against the official XSDs vendored in tests/fixtures/xsd/
 * (sitemaps.org's sitemap.xsd and siteindex.xsd, Google's sitemap-news.xsd),
 * with libxml2's xmllint compiled to WebAssembly (the xmllint-wasm package):
 * nothing to install beyond `npm ci`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { ROOT } from './fixture-site.ts';

const schema = (name: string) => ({
  fileName: name,
  contents: readFileSync(join(ROOT, 'tests', 'fixtures', 'xsd', name), 'utf8'),
});

const SCHEMAS = {
  /** A urlset, with or without Google News entries. */
  urlset: 'news-all.xsd',
  sitemapindex: 'siteindex.xsd',
} as const;

/** The XSD errors of `xml` (none when it is valid). */
export async function xsdErrors(xml: string, kind: keyof typeof SCHEMAS): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: schema(SCHEMAS[kind]),
    preload: [schema('sitemap.xsd'), schema('sitemap-news.xsd')],
  });
  return result.errors.map((error) => error.rawMessage);
}
