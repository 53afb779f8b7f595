/**
 * The site's citation items (src/lib/cite.ts) for its pages: a source page and
 * a thesis page, with absolute URLs from the configured site and base.
 */
import type { CollectionEntry } from 'astro:content';
import { sourceItem, thesisItem, type CslItem } from './cite.ts';
import { urls } from './urls.ts';

export interface PageCitationItem {
  item: CslItem;
  /** The absolute URL of our page. */
  pageUrl: string;
}

export function sourceCitation(source: CollectionEntry<'sources'>, site: URL | undefined): PageCitationItem {
  const pageUrl = urls.absolute(urls.source(source.id), site?.origin ?? '');
  return { item: sourceItem({ ...source.data, id: source.id }, pageUrl), pageUrl };
}

export function thesisCitation(thesis: CollectionEntry<'theses'>, site: URL | undefined): PageCitationItem {
  const pageUrl = urls.absolute(urls.thesis(thesis.id), site?.origin ?? '');
  // The version cited is the newest entry of the thesis's `changes` (the date readers see as "Updated").
  const version = thesis.data.changes.at(-1)!.date;
  return { item: thesisItem({ slug: thesis.id, title: thesis.data.title }, pageUrl, version), pageUrl };
}
