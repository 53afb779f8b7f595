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
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseName } from '@citation-js/name';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { digest, packageVersion, readCached, treeDigest, writeCached } from './build-cache.ts';
import { citeproc, startCiteproc } from './citeproc.ts';

import { SITE_AUTHOR, SITE_NAME } from './site.ts';
import { PAGE_ORIGIN } from './urls.ts';
export { SITE_NAME };

/** The styles offered under "Cite this", in order. `file` is the CSL style's file name in src/csl/. */
export const STYLES = [
  { key: 'apa', label: 'APA', file: 'apa' },
  { key: 'mla', label: 'MLA', file: 'modern-language-association' },
  { key: 'chicago', label: 'Chicago', file: 'chicago-notes-bibliography' },
] as const;
export type StyleKey = (typeof STYLES)[number]['key'];

type DateParts = { 'date-parts': [[number, number?, number?]] };
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
 * kept in memory for the process and on disk across builds (src/lib/build-cache.ts),
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

/** Line breaks, other control characters and Unicode line/paragraph separators: never inside an exported value. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;

/**
 * The item as the downloads write it: every string value on one line (a run of line breaks, control
 * characters or other white space becomes one space, trimmed), so no value can start a record or a field
 * of its own in RIS or BibTeX. Applied to every field, names included.
 */
export function exportSafe(item: CslItem): CslItem {
  const clean = (v: unknown): unknown =>
    typeof v === 'string' ? v.replace(BREAKS, ' ').trim() : Array.isArray(v) ? v.map(clean) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) : v;
  return clean(item) as CslItem;
}

/**
 * An address as BibTeX's `url` field holds it: plugin-bibtex writes that field raw (only `howpublished` is
 * escaped), so a brace or backslash in it would end or break the entry (`?q=},title={Pwned` adds a field).
 * They, and anything else a URL does not need raw there, are percent-encoded: the same address.
 */
export function bibtexUrl(url: string): string {
  return url.replace(/[{}\\%\s#]/g, (ch, offset: number, whole: string) => {
    if (ch === '%' && /^%[0-9A-Fa-f]{2}/.test(whole.slice(offset))) return ch; // already an escape
    if (ch === '#' && whole.indexOf('#') === offset) return ch; // the fragment
    return `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

/** The downloads: BibTeX, RIS and CSL-JSON (a one-item array, as reference managers import it), of `exportSafe(item)`. */
export function citationFiles(raw: CslItem): { bib: string; ris: string; json: string } {
  const item = exportSafe(raw);
  const cite = new Cite(item.URL !== undefined ? { ...item, URL: bibtexUrl(item.URL) } : item);
  return {
    bib: bibtexMonths(cite.format('bibtex') as string, item),
    // The "old" tag set (T1, A1, Y1, JF): plugin-ris's "new" one drops a newspaper article's authors.
    // plugin-ris also drops a name's particle ("de la" of "Juan de la Cruz"): fold it into the family name.
    ris: unwrapRis(new Cite({ ...item, ...(item.author ? { author: item.author.map(foldParticle) } : {}) }).format('ris', { spec: 'old' }) as string),
    json: `${JSON.stringify([item], null, 2)}\n`,
  };
}

/**
 * plugin-bibtex writes a day into the month field (`month = {dec 7}`), which
 * BibTeX cannot read as a month: the month becomes BibTeX's own macro
 * (`month = dec`), and the full date is added as biblatex's `date`.
 */
export function bibtexMonths(bib: string, item: CslItem): string {
  const parts = item.issued?.['date-parts']?.[0];
  const iso = parts && parts.length >= 1 ? parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-') : undefined;
  return bib.replace(/^(\s*)month = \{([a-z]{3})(?: \d{1,2})?\},$/m, (_m, indent: string, month: string) => `${indent}month = ${month},${iso ? `\n${indent}date = {${iso}},` : ''}`);
}

/** How many characters of a value plugin-ris writes before it breaks the line (`replace(/(.{70})/g, '$1\n')`). */
const RIS_WRAP = 70;

/**
 * plugin-ris breaks every value after 70 characters; RIS allows lines of 255
 * and strict readers take a line without a tag as an error, so the pieces of
 * each value are joined again (exactly: the break added only a newline).
 * A piece is known by where the break fell, not by its look: after a full
 * 70-character piece the next line is always the value's rest, even when it
 * reads like a tag (a title whose 71st character starts "ER  - " would
 * otherwise end the record there), and an empty rest is dropped.
 */
export function unwrapRis(text: string): string {
  const out: string[] = [];
  let full = false; // the last line ended with a full piece: the next one continues it
  for (const line of text.split('\n')) {
    const tag = /^[A-Z][A-Z0-9] {2}-( |$)/.test(line);
    if (out.length && (full || (line !== '' && !tag))) {
      out[out.length - 1] += line;
      full = line.length === RIS_WRAP;
    } else {
      out.push(line);
      full = tag && line.length === 6 + RIS_WRAP;
    }
  }
  return out.join('\n').replace(/\n*$/, '\n');
}

function foldParticle(n: CslName): CslName {
  const { 'non-dropping-particle': particle, ...rest } = n;
  return particle && n.family ? { ...rest, family: `${particle} ${n.family}` } : n;
}

/** CSL date parts → "YYYY/MM/DD" (Highwire) or "YYYY-MM-DD" (Dublin Core, W3CDTF). */
function dateString(d: DateParts | undefined, sep: string): string | undefined {
  const [y, m, day] = d?.['date-parts'][0] ?? [];
  if (y === undefined) return undefined;
  return [String(y).padStart(4, '0'), ...(m ? [String(m).padStart(2, '0')] : []), ...(day ? [String(day).padStart(2, '0')] : [])].join(sep);
}

/** A CSL name as reference managers read it in `citation_author`: "Family, Given" (or the literal name). */
export function nameString(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, n.suffix].filter(Boolean).join(', ');
}

/**
 * The `<meta name content>` pairs describing `item`: Highwire Press tags
 * (citation_title, one citation_author per author, citation_publication_date,
 * citation_publisher where known, citation_public_url) and Dublin Core.
 * `copy` is our page when it is an archived copy of the item (DC.relation).
 */
export function metaTags(item: CslItem, copy?: string): { name: string; content: string }[] {
  const tags: { name: string; content: string }[] = [];
  const add = (name: string, content: string | undefined) => content && tags.push({ name, content });
  const publisher = item.publisher ?? item['container-title'];
  add('citation_title', item.title);
  for (const a of item.author ?? []) add('citation_author', nameString(a));
  add('citation_publication_date', dateString(item.issued, '/'));
  add('citation_publisher', publisher);
  add('citation_public_url', item.URL);
  add('citation_language', item.language);
  add('DC.title', item.title);
  for (const a of item.author ?? []) add('DC.creator', nameString(a));
  add('DC.date', dateString(item.issued, '-'));
  add('DC.publisher', publisher);
  add('DC.type', 'Text');
  add('DC.format', 'text/html');
  add('DC.identifier', item.URL);
  add('DC.language', item.language);
  if (copy && copy !== item.URL) add('DC.relation', copy);
  return tags;
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
