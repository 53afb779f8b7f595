/** The original source file, served byte-identical at /sources/<id>.txt. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const getStaticPaths = (async () => {
  const sources = await getCollection('sources');
  return sources.map((s) => ({ params: { id: s.id }, props: { path: s.data.path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync(resolve(props.path as string)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
