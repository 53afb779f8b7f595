/** /data/paragraphs.json: every block of every source (see README, "Data"). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { paragraphRecords, toJson } from '../../models/data-export.ts';

export const GET: APIRoute = async () => {
  const sources = (await getCollection('sources')).sort((a, b) => a.id.localeCompare(b.id));
  const body = toJson(paragraphRecords(sources.map((s) => ({ id: s.id, paragraphs: s.data.paragraphs }))));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
