/** /data/events.json: every dated mention in the sources' article paragraphs (see docs/data.md). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toJson } from '../../models/data-export.ts';
import { siteEvents } from '../../site/timeline-site.ts';

export const GET: APIRoute = async () => {
  const ids = (await getCollection('sources')).map((s) => s.id).sort((a, b) => a.localeCompare(b));
  return new Response(toJson(await siteEvents(ids)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
