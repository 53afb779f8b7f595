/** /sources/<id>/cite-paragraph.json: the citation templates of the source's paragraphs, fetched when a reader opens "Cite or share". */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { paragraphCitations } from '../../../models/cite.ts';
import { sourceCitation } from '../../../site/cite-site.ts';

export const getStaticPaths = (async () => (await getCollection('sources')).map((source) => ({ params: { id: source.id }, props: { source } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { item, pageUrl } = sourceCitation((props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props']).source, site);
  return new Response(JSON.stringify(paragraphCitations(item, pageUrl)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
