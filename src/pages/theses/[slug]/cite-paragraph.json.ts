/** /theses/<slug>/cite-paragraph.json: the citation templates of the page's paragraphs, fetched when a reader opens "Cite or share". */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { paragraphCitations } from '../../../models/cite.ts';
import { thesisCitation } from '../../../site/cite-site.ts';

export const getStaticPaths = (async () => (await getCollection('theses')).map((thesis) => ({ params: { slug: thesis.id }, props: { thesis } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { item, pageUrl } = thesisCitation((props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props']).thesis, site);
  return new Response(JSON.stringify(paragraphCitations(item, pageUrl)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
