/**
 * The <meta> tags reference managers read (Highwire Press citation_* and
 * Dublin Core DC.*), from the CSL-JSON item of src/models/cite.ts.
 */
import type { DateParts, CslName, CslItem } from '../cite.ts';

export function foldParticle(n: CslName): CslName {
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
