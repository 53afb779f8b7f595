/** /robots.txt: everything may be crawled; points at the sitemap (@astrojs/sitemap). */
import type { APIRoute } from 'astro';
import { urls } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = urls.absolute(urls.path('sitemap-index.xml'), site?.origin ?? '');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
