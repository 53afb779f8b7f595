/** /theses/<slug>/cite.bib, cite.ris, cite.json (CSL-JSON): the thesis page's citation (src/models/cite.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { citationFiles } from '../../../models/cite.ts';
import { thesisCitation } from '../../../site/cite-site.ts';
import { CITE_TYPES } from '../../../build/http-headers.ts';

export const getStaticPaths = (async () => {
  const theses = await getCollection('theses');
  return theses.flatMap((thesis) => (['bib', 'ris', 'json'] as const).map((format) => ({ params: { slug: thesis.id, format }, props: { thesis, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { thesis, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const body = citationFiles(thesisCitation(thesis, site).exportItem)[format];
  return new Response(body, { headers: { 'Content-Type': CITE_TYPES[format] } });
};
