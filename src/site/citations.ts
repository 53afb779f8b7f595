/**
 * Site-level view of citations: what every thesis page cites, read from the
 * frontmatter that remark-citations records while rendering the MDX.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { AnchoredCitation } from '../lib/citation-model.ts';
import { perBuild } from '../build/per-build.ts';

export interface ThesisCitations {
  thesis: CollectionEntry<'theses'>;
  citations: AnchoredCitation[];
}

/**
 * All theses in home-page order, each with its resolved citations. Every
 * source page needs this list for its backlinks, so a build computes it once
 * (in dev it is recomputed, as theses change while the server runs).
 */
export const thesesWithCitations: () => Promise<ThesisCitations[]> = perBuild(async () => {
  const theses = (await getCollection('theses')).sort((a, b) => a.data.order - b.data.order);
  return Promise.all(
    theses.map(async (thesis) => {
      const { remarkPluginFrontmatter } = await render(thesis);
      return { thesis, citations: (remarkPluginFrontmatter.citations ?? []) as AnchoredCitation[] };
    }),
  );
});

/** A place on a thesis page that cites a paragraph. */
export interface Backlink {
  slug: string;
  title: string;
  /** Marker ids on the thesis page, in order. */
  ids: string[];
  /** The citing sentences, each with the anchor of its thesis paragraph, in page order (one per distinct sentence). */
  sentences: { paragraph: string; sentence: string }[];
}

/** Backlinks for every paragraph of one source, keyed by anchor. */
export function backlinksFor(sourceId: string, all: ThesisCitations[]): Map<string, Backlink[]> {
  const byAnchor = new Map<string, Backlink[]>();
  for (const { thesis, citations } of all) {
    for (const c of citations.filter((c) => c.source === sourceId)) {
      const list = byAnchor.get(c.anchor) ?? [];
      let link = list.find((b) => b.slug === thesis.id);
      if (!link) list.push((link = { slug: thesis.id, title: thesis.data.title, ids: [], sentences: [] }));
      link.ids.push(c.id);
      if (c.paragraph && c.sentence && !link.sentences.some((s) => s.paragraph === c.paragraph && s.sentence === c.sentence)) {
        link.sentences.push({ paragraph: c.paragraph, sentence: c.sentence });
      }
      byAnchor.set(c.anchor, list);
    }
  }
  return byAnchor;
}
