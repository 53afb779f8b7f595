/**
 * The site's citation items (src/models/cite.ts) for its pages: a source page and
 * a thesis page. With SITE_URL, our page's address is absolute everywhere.
 * Without it, the address is left out of what must be absolute (downloads,
 * meta tags), and the page's own citations carry it as PAGE_ORIGIN + path,
 * which the browser completes with the address the reader is on.
 */
import type { CollectionEntry } from 'astro:content';
import { sourceItem, thesisItem, type CslItem } from '../models/cite.ts';
import { PAGE_ORIGIN, urls } from '../lib/urls.ts';

export interface PageCitationItem {
  /** For the page itself ("Cite this", the paragraph citation template). */
  item: CslItem;
  /** For downloads and meta tags: only absolute addresses. */
  exportItem: CslItem;
  /** Our page's address: absolute with SITE_URL, else PAGE_ORIGIN + path. */
  pageUrl: string;
  /** Whether `pageUrl` is a real absolute address (SITE_URL is set). */
  absolute: boolean;
}

function both(path: string, site: URL | undefined, make: (pageUrl: string | undefined) => CslItem): PageCitationItem {
  const absolute = site !== undefined;
  const pageUrl = absolute ? urls.absolute(path, site.origin) : `${PAGE_ORIGIN}${path}`;
  return { item: make(pageUrl), exportItem: make(absolute ? pageUrl : undefined), pageUrl, absolute };
}

export function sourceCitation(source: CollectionEntry<'sources'>, site: URL | undefined): PageCitationItem {
  return both(urls.source(source.id), site, (pageUrl) => sourceItem({ ...source.data, id: source.id }, pageUrl));
}

export function thesisCitation(thesis: CollectionEntry<'theses'>, site: URL | undefined): PageCitationItem {
  // The version cited is the newest entry of the thesis's `changes` (the date readers see as "Updated").
  const version = thesis.data.changes.at(-1)!.date;
  return both(urls.thesis(thesis.id), site, (pageUrl) => thesisItem({ slug: thesis.id, title: thesis.data.title }, pageUrl, version));
}
