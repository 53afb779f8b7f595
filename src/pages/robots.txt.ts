/** /robots.txt: everything may be crawled; points at the sitemap (@astrojs/sitemap) when there is one. */
import type { APIRoute } from 'astro';
import { urls } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  // The sitemap exists, and is named, only when the site's address is configured (SITE_URL).
  const sitemap = site ? `\nSitemap: ${urls.absolute(urls.path('sitemap-index.xml'), site.origin)}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
