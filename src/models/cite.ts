/**
 * Citing the site: one CSL-JSON item per source and per thesis, from which
 * everything else is derived, so nothing can disagree:
 *
 * - the "Cite this" text in APA, MLA and Chicago (notes-bibliography), formatted
 *   by citeproc-js (through citation-js's CSL plugin) with the official CSL
 *   styles and the en-US locale vendored in src/csl/ (CC BY-SA 3.0, see
 *   src/csl/README.md);
 * - the downloads: cite.bib (BibTeX), cite.ris (RIS), cite.json (CSL-JSON),
 *   written by citation-js's output plugins;
 * - the `<meta>` tags reference managers read: Highwire Press `citation_*`
 *   and Dublin Core `DC.*`.
 *
 * A source item describes the original article (its author(s), outlet, date,
 * URL, exactly as written, when the manifest knows it); our page is the copy: its
 * URL is the item's only when the original's is not known (the page's meta tags
 * name it as DC.relation either way). A
 * thesis item describes the thesis page itself: this site as the container and
 * publisher, the editors as its corporate author, the date of its newest
 * `changes` entry (the version cited).
 */
import { parse as parseName } from '@citation-js/name';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest, packageVersion, readCached, treeDigest, writeCached } from '../build/build-cache.ts';
import { citeproc, startCiteproc } from '../build/citeproc.ts';
import { SITE_AUTHOR, SITE_NAME } from '../lib/site.ts';
import { PAGE_ORIGIN } from '../lib/urls.ts';

// The downloads (cite/downloads.ts) and the <meta> tags (cite/meta-tags.ts), derived from the same item.
export { exportSafe, bibtexUrl, citationFiles, bibtexMonths, unwrapRis } from './cite/downloads.ts';
export { nameString, metaTags } from './cite/meta-tags.ts';

export { SITE_NAME };

/** The styles offered under "Cite this", in order. `file` is the CSL style's file name in src/csl/. */
export const STYLES = [
  { key: 'apa', label: 'APA', file: 'apa' },
  { key: 'mla', label: 'MLA', file: 'modern-language-association' },
  { key: 'chicago', label: 'Chicago', file: 'chicago-notes-bibliography' },
] as const;
export type StyleKey = (typeof STYLES)[number]['key'];

export type DateParts = { 'date-parts': [[number, number?, number?]] };
export interface CslName {
  given?: string;
  family?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}
/** The CSL-JSON fields this site writes (a subset of CSL-JSON 1.0.2). */
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'article-magazine' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: DateParts;
  URL?: string;
  archive?: string;
  archive_location?: string;
  language: string;
}

/** What a source item is made from: its manifest entry. */
export interface SourceFacts {
  id: string;
  title: string;
  author?: string | undefined;
  outlet?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
  genre?: string | undefined;
}

/** "YYYY-MM-DD" → CSL date parts; anything else → undefined. */
export function dateParts(iso: string | undefined): DateParts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

/**
 * A manifest `author` string as CSL names: several authors are joined by "and",
 * "&" or ";" (or commas between full names: "A B, C D and E F"); each name is
 * split into given and family by citation-js's name parser.
 */
export function authorNames(author: string | undefined): CslName[] {
  if (!author?.trim()) return [];
  const parts = author
    .split(/\s*;\s*|\s+(?:and|&)\s+/)
    .flatMap((p) => (p.includes(',') && p.split(',').every((q) => q.trim().includes(' ')) ? p.split(',') : [p]))
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((p) => {
    const name = parseName(p) as CslName;
    // One word (an agency, a desk) is a literal name, never a family name without a given one.
    return name.family && name.given ? name : { literal: p };
  });
}

/** The CSL item of a source: the original article; `pageUrl` (our copy) is its URL only when the original's is unknown. */
export function sourceItem(s: SourceFacts, pageUrl: string | undefined): CslItem {
  const type = !s.outlet ? 'webpage' : s.genre === 'essay' ? 'article-magazine' : 'article-newspaper';
  const author = authorNames(s.author);
  const issued = dateParts(s.published);
  return {
    id: s.id,
    type,
    title: s.title,
    ...(author.length ? { author } : {}),
    ...(s.outlet ? { 'container-title': s.outlet } : {}),
    ...(issued ? { issued } : {}),
    // The original's address when it is known (exactly as written), else our copy's. Our copy is not added as an
    // archive location: the styles print it beside the original's URL, and Chicago capitalises it ("Https://…").
    ...(s.url ?? pageUrl ? { URL: (s.url ?? pageUrl)! } : {}),
    language: 'en',
  };
}

/** The CSL item of a thesis page: this site as container and publisher, dated when it last changed. */
export function thesisItem(t: { slug: string; title: string }, pageUrl: string | undefined, lastChanged: string): CslItem {
  const issued = dateParts(lastChanged);
  return {
    id: `thesis-${t.slug}`,
    type: 'webpage',
    title: t.title,
    author: [{ literal: SITE_AUTHOR }],
    'container-title': SITE_NAME,
    ...(issued ? { issued } : {}),
    ...(pageUrl ? { URL: pageUrl } : {}),
    language: 'en',
  };
}

/** The vendored styles and locale: the project's own (a fixture copy has its own src/), else beside this module. */
function cslDir(): string {
  const fromCwd = join(process.cwd(), 'src', 'csl');
  return existsSync(fromCwd) ? fromCwd : fileURLToPath(new URL('../csl/', import.meta.url));
}

/**
 * What citeproc wrote for an exact input (item, style, output format, entry),
 * kept in memory for the process and on disk across builds (src/build/build-cache.ts),
 * under a version that is the digest of the styles and locale in src/csl/ and of
 * the versions of citeproc and citation-js: any change there is a new, empty
 * cache. A warm build formats no citation and builds no engine. Only citeproc's
 * own output is kept; everything this module does to it runs every time.
 */
interface CiteCache {
  version: string;
  entries: Map<string, string>;
  /** Keys read or written by this process (what is kept when the file grows too big). */
  used: Set<string>;
  dirty: boolean;
  hits: number;
  misses: number;
}
const CITE_CACHE = Symbol.for('what-putin-wants.cite-cache');
/** Entries kept on disk beyond those this process used (about 300 bytes each). */
const CITE_CACHE_MAX = 200_000;
function citeCache(): CiteCache {
  const g = globalThis as Record<symbol, CiteCache | undefined>;
  const dir = cslDir();
  const version = digest(
    treeDigest(dir, (p) => /\.(csl|xml)$/.test(p)),
    ...['citeproc', '@citation-js/core', '@citation-js/plugin-csl'].map((n) => `${n}@${packageVersion(n)}`),
  ).slice(0, 32);
  const have = g[CITE_CACHE];
  if (have?.version === version) return have;
  const stored = readCached<Record<string, string>>('cite', version);
  const cache: CiteCache = { version, entries: new Map(Object.entries(stored ?? {})), used: new Set(), dirty: false, hits: 0, misses: 0 };
  g[CITE_CACHE] = cache;
  process.once('exit', () => flushCiteCache(cache));
  return cache;
}
/** Writes the process's citations to the disk cache (at exit; also callable when a build is done). */
export function flushCiteCache(cache: CiteCache | undefined = (globalThis as Record<symbol, CiteCache | undefined>)[CITE_CACHE]): void {
  if (!cache?.dirty) return;
  const keep = cache.entries.size > CITE_CACHE_MAX ? [...cache.used] : [...cache.entries.keys()];
  writeCached('cite', cache.version, Object.fromEntries(keep.map((k) => [k, cache.entries.get(k)!])), 4);
  cache.dirty = false;
}
/**
 * Starts citeproc's engines in their worker now when the cache holds nothing for this version of the styles
 * (a cold build will format every citation), so they are built while the rest of the build starts up.
 */
export function prepareCitations(): void {
  if (citeCache().entries.size === 0) startCiteproc();
}
/** How many citations this process took from the cache and how many citeproc formatted (tests, logs). */
export function citeCacheStats(): { hits: number; misses: number; entries: number } {
  const c = (globalThis as Record<symbol, CiteCache | undefined>)[CITE_CACHE];
  return { hits: c?.hits ?? 0, misses: c?.misses ?? 0, entries: c?.entries.size ?? 0 };
}
let cacheOf: CiteCache | undefined;
function formatted(mode: 'bibliography' | 'citation', item: CslItem, options: { format: 'html' | 'text'; template: string; entry?: unknown }): string {
  cacheOf ??= citeCache();
  const key = digest(mode, options.format, options.template, JSON.stringify(options.entry ?? null), JSON.stringify(item)).slice(0, 40);
  cacheOf.used.add(key);
  const hit = cacheOf.entries.get(key);
  if (hit !== undefined) {
    cacheOf.hits++;
    return hit;
  }
  cacheOf.misses++;
  const out = citeproc(mode, item, options);
  cacheOf.entries.set(key, out);
  cacheOf.dirty = true;
  return out;
}

function styleFile(style: StyleKey): string {
  return STYLES.find((s) => s.key === style)!.file;
}

/**
 * citeproc-js reads a few HTML-like tags inside field values as formatting
 * (`<i>`, `<b>`, `<sup>`, `<span class="nocase">`…). Our fields are plain text
 * from the manifest, so angle brackets are swapped for private-use characters
 * before formatting and given back (escaped in HTML) after: a title is always
 * shown as written.
 */
const LT = '\uE000';
const GT = '\uE001';
function literal(item: CslItem): CslItem {
  return JSON.parse(JSON.stringify(item).replaceAll('<', LT).replaceAll('>', GT)) as CslItem;
}
/**
 * APA 7 gives a website's name as the site writes it ("What does Putin want?"), where citeproc would
 * title-case it; MLA and Chicago title-case it, as their manuals say. citeproc-js's own markup keeps the case.
 */
function asPrinted(item: CslItem, style: StyleKey): CslItem {
  if (style !== 'apa' || item.type !== 'webpage' || !item['container-title']) return item;
  return { ...item, 'container-title': `<span class="nocase">${item['container-title']}</span>` };
}
function restore(out: string, format: 'html' | 'text'): string {
  return out.replaceAll(LT, format === 'html' ? '&#60;' : '<').replaceAll(GT, format === 'html' ? '&#62;' : '>');
}

/** The bibliography entry of `item` in `style`: HTML (citeproc escapes the text; `<i>` for titles) or plain text. */
export function formatReference(item: CslItem, style: StyleKey, format: 'html' | 'text' = 'html'): string {
  const out = restore(formatted('bibliography', asPrinted(literal(item), style), { format, template: styleFile(style) }), format);
  if (format === 'text') return out.trim();
  // citeproc wraps the entry in <div class="csl-bib-body"><div class="csl-entry">…</div></div>; keep the entry's content.
  const m = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(out);
  return (m ? m[1]! : out).trim();
}

/** An in-text citation (APA, MLA) or note (Chicago) of `item`, optionally at a paragraph: `{ paragraph: 12 }`. */
export function formatInText(item: CslItem, style: StyleKey, at?: { paragraph: number | string }): string {
  const entry = at ? [{ id: item.id, locator: String(at.paragraph), label: 'paragraph' }] : [item.id];
  return restore(formatted('citation', literal(item), { format: 'text', template: styleFile(style), entry }), 'text').trim();
}

/** Placeholders of the paragraph citation templates, filled in the browser (src/scripts/cite-share-dialog.ts). */
export const TEMPLATE_N = '{n}';
export const TEMPLATE_URL = '{url}';
/** Where the build has no SITE_URL: the origin the page is read at. */
export const TEMPLATE_ORIGIN = '{origin}';

/** What the "Cite or share" control of a page's paragraphs needs (served as cite-paragraph.json). */
export interface ParagraphCitations {
  title: string;
  /** Our page's address: absolute with SITE_URL, else `{origin}` + path (the browser puts its origin in). */
  page: string;
  /** The original article's address, when known. */
  original?: string;
  /** Per style: the reference (bibliography entry) and the citation of paragraph {n} (in-text, or Chicago's note). */
  styles: { key: StyleKey; label: string; reference: string; paragraph: string }[];
}

/**
 * The citations of any paragraph of a page as templates: each style's
 * reference, and its citation of paragraph `{n}` (APA "(…, para. {n})", MLA
 * "(…, par. {n})", Chicago's note "…, para. {n}, …"), with our page's URL,
 * where it is the item's, as `{url}` (the paragraph's own link goes there),
 * and PAGE_ORIGIN (a build without SITE_URL) as `{origin}`.
 * Formatted here by citeproc with a numeric stand-in locator, so the browser
 * only substitutes strings (and adds the reader's access date).
 */
export function paragraphCitations(item: CslItem, pageUrl: string): ParagraphCitations {
  const stand = 987654321;
  const origin = (text: string): string => text.split(PAGE_ORIGIN).join(TEMPLATE_ORIGIN);
  const url = (text: string): string => origin(item.URL === pageUrl ? text.split(pageUrl).join(TEMPLATE_URL) : text);
  return {
    title: item.title,
    page: origin(pageUrl),
    ...(item.URL && item.URL !== pageUrl ? { original: item.URL } : {}),
    styles: STYLES.map((s) => ({
      key: s.key,
      label: s.label,
      reference: url(formatReference(item, s.key, 'text')),
      paragraph: url(formatInText(item, s.key, { paragraph: stand }).split(String(stand)).join(TEMPLATE_N)),
    })),
  };
}

/** A description for shared links: the text clipped at a word to at most `max` characters. */
export function shareDescription(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}