/** /sources/<id>/cite.bib, cite.ris, cite.json (CSL-JSON): the source's citation (src/models/cite.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { citationFiles } from '../../../models/cite.ts';
import { sourceCitation } from '../../../site/cite-site.ts';
import { CITE_TYPES } from '../../../build/http-headers.ts';

export const getStaticPaths = (async () => {
  const sources = await getCollection('sources');
  return sources.flatMap((source) => (['bib', 'ris', 'json'] as const).map((format) => ({ params: { id: source.id, format }, props: { source, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { source, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const body = citationFiles(sourceCitation(source, site).exportItem)[format];
  return new Response(body, { headers: { 'Content-Type': CITE_TYPES[format] } });
};
