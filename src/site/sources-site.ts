/**
 * The `sources` collection as every page of a build shares it: the entries,
 * fetched once, and their provenance index (src/models/provenance.ts), made once,
 * so that a source page looks up what it needs instead of scanning the whole
 * corpus (n pages × n sources). In dev both are fetched again on each use, as
 * the seeds change while the server runs.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { corpusIndex, type CorpusIndex } from '../models/provenance.ts';
import { perBuild } from '../build/per-build.ts';

export interface SourcesCorpus {
  /** In collection order, as `getCollection('sources')` returns them. */
  entries: CollectionEntry<'sources'>[];
  index: CorpusIndex<CollectionEntry<'sources'>>;
}

export const sourcesCorpus: () => Promise<SourcesCorpus> = perBuild(async () => {
  const entries = await getCollection('sources');
  return { entries, index: corpusIndex(entries) };
});
