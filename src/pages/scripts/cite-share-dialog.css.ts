/** /scripts/cite-share-dialog.css: the dialog's styles (src/styles/cite-share-dialog.css), loaded with it on first use. */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GET: APIRoute = () =>
  new Response(readFileSync(join(process.cwd(), 'src', 'styles', 'cite-share-dialog.css'), 'utf8'), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
