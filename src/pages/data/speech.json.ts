/** /data/speech.json: every quotation, reported statement and scare quote (see README, "Data"). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { speechRecords, toJson } from '../../models/data-export.ts';
import { speakerResolver } from '../../site/people-site.ts';

export const GET: APIRoute = async () => {
  const sources = (await getCollection('sources')).sort((a, b) => a.id.localeCompare(b.id));
  const body = toJson(speechRecords(sources.map((s) => ({ id: s.id, paragraphs: s.data.paragraphs })), await speakerResolver()));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
