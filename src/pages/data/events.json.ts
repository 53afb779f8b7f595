/** /data/events.json: every dated mention in the sources' article paragraphs (see README, "Data"). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { eventRecords, toJson } from '../../models/data-export.ts';
import { speakerResolver } from '../../site/people-site.ts';

export const GET: APIRoute = async () => {
  const sources = (await getCollection('sources')).sort((a, b) => a.id.localeCompare(b.id));
  const body = toJson(
    eventRecords(
      sources.map((s) => ({
        id: s.id,
        published: s.data.published,
        dateInferred: s.data.dateInferred,
        paragraphs: s.data.paragraphs,
      })),
      await speakerResolver(),
    ),
  );
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
