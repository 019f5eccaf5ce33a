import type { APIRoute } from 'astro';
import { absoluteUrl } from '#src/lib/urls.ts';
import { site } from '#src/site.ts';

export const GET: APIRoute = () => {
  const url = (path: string) => absoluteUrl(site.url, site.basePath, path);
  const body = [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${url('/sitemap-index.xml')}`,
    `Sitemap: ${url('/news-sitemap.xml')}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
