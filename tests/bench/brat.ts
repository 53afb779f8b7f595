/**
 * A small, pure parser for brat standoff annotation (`.ann` files), enough for
 * attribution corpora such as PolNeAR: text-bound annotations (`T`), events
 * (`E`), relations (`R`), attributes (`A`/`M`) and notes (`#`).
 *
 *   parseBrat(annText, articleText?) → BratDocument
 *
 * brat offsets count Unicode code points; JavaScript strings are UTF-16. When
 * the article text is given, every fragment also gets `start16`/`end16`
 * (UTF-16 offsets into that text) so it can be sliced directly. Lines that do
 * not parse (for example the tail of a span text that contained a newline) are
 * counted in `skipped` rather than thrown on.
 */

export interface BratFragment {
  /** Code-point offsets, as in the file: [start, end). */
  start: number;
  end: number;
  /** UTF-16 offsets into the article text (equal to start/end when no text was given). */
  start16: number;
  end16: number;
}

export interface BratTextBound {
  id: string;
  label: string;
  fragments: BratFragment[];
  /** The span text as written in the .ann file (fragments joined by a space). */
  text: string;
}

export interface BratEvent {
  id: string;
  label: string;
  /** The trigger's text-bound id. */
  trigger: string;
  /** Role name → argument ids, in file order ("Content2" is kept as its own role). */
  args: { role: string; id: string }[];
}

export interface BratRelation {
  id: string;
  label: string;
  args: { role: string; id: string }[];
}

export interface BratDocument {
  textBounds: Map<string, BratTextBound>;
  events: BratEvent[];
  relations: BratRelation[];
  attributes: { id: string; label: string; target: string; value: string | null }[];
  notes: { id: string; label: string; target: string; text: string }[];
  /** Lines that were neither blank nor a recognised annotation. */
  skipped: number;
}

/** A map from code-point offsets to UTF-16 offsets for `text` (index = code-point offset). */
export function codePointToUtf16(text: string): Int32Array {
  const map = new Int32Array([...text].length + 1);
  let cp = 0;
  for (let i = 0; i < text.length;) {
    map[cp++] = i;
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
  }
  map[cp] = text.length;
  return map;
}

const pairs = (s: string) =>
  s
    .split(/\s+/u)
    .filter(Boolean)
    .map((a) => {
      const at = a.indexOf(':');
      return { role: a.slice(0, at), id: a.slice(at + 1) };
    });

export function parseBrat(ann: string, articleText?: string): BratDocument {
  const doc: BratDocument = { textBounds: new Map(), events: [], relations: [], attributes: [], notes: [], skipped: 0 };
  const map = articleText === undefined ? null : codePointToUtf16(articleText);
  const to16 = (cp: number) => (map ? (map[Math.min(cp, map.length - 1)] ?? cp) : cp);
  for (const line of ann.split(/\r?\n/u)) {
    if (line.trim() === '') continue;
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    const head = cols[1] ?? '';
    if (/^T\d+$/u.test(id)) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/u.exec(head);
      if (!m) {
        doc.skipped++;
        continue;
      }
      const fragments = m[2]!.split(';').map((f) => {
        const [s, e] = f.split(' ').map(Number) as [number, number];
        return { start: s, end: e, start16: to16(s), end16: to16(e) };
      });
      doc.textBounds.set(id, { id, label: m[1]!, fragments, text: cols.slice(2).join('\t') });
    } else if (/^E\d+$/u.test(id)) {
      const [first, ...rest] = pairs(head);
      if (!first) {
        doc.skipped++;
        continue;
      }
      doc.events.push({ id, label: first.role, trigger: first.id, args: rest });
    } else if (/^R\d+$/u.test(id)) {
      const [label, ...rest] = head.split(/\s+/u);
      doc.relations.push({ id, label: label ?? '', args: pairs(rest.join(' ')) });
    } else if (/^[AM]\d+$/u.test(id)) {
      const [label = '', target = '', value] = head.split(/\s+/u);
      doc.attributes.push({ id, label, target, value: value ?? null });
    } else if (/^#\d*$/u.test(id)) {
      const [label = '', target = ''] = head.split(/\s+/u);
      doc.notes.push({ id, label, target, text: cols.slice(2).join('\t') });
    } else doc.skipped++;
  }
  return doc;
}

/** The UTF-16 ranges of a text-bound annotation (empty when the id is unknown). */
export function rangesOf(doc: BratDocument, id: string): [number, number][] {
  return (doc.textBounds.get(id)?.fragments ?? []).map((f) => [f.start16, f.end16]);
}
