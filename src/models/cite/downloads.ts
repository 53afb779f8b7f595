/**
 * The download files of a citation (cite.bib, cite.ris, cite.json), written
 * by citation-js's output plugins from the CSL-JSON item of src/models/cite.ts,
 * made safe for each format (no line breaks in fields, BibTeX URLs escaped,
 * months as BibTeX macros, RIS lines unwrapped).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../cite.ts';
import { foldParticle } from './meta-tags.ts';

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
