/** /data/alignments.json: every derivative aligned with its original (see README, "Data"). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toJson } from '../../models/data-export.ts';
import { alignmentRecords } from '../../models/alignment-data.ts';

export const GET: APIRoute = async () => {
  const sources = (await getCollection('sources')).sort((a, b) => a.id.localeCompare(b.id));
  const body = toJson(alignmentRecords(sources.flatMap((s) => (s.data.alignment ? [s.data.alignment] : []))));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
