/**
 * View model of the compare view (/sources/<derivative>/compare/): one row per
 * derivative paragraph with the original paragraph(s) beside it, the dropped
 * original paragraphs in place, and the totals shown at the top. Pure.
 *
 * The texts beside each other are re-diffed here with jsdiff's
 * `diffWordsWithSpace`, whose whitespace tokens make both sides reproduce
 * their text exactly (the alignment's own `diff`, from `diffWords`, takes the
 * whitespace of equal stretches from the derivative, so the original side
 * cannot be rebuilt from it character for character).
 */
import { urls } from '../lib/urls.ts';
import { diffWordsWithSpace } from 'diff';
import type { AlignFlag, Alignment, FlagType, Relation } from '../pipeline/align.ts';
import { quotedSpans } from '../pipeline/align/text.ts';
import { plural } from '../lib/format.ts';

/** A paragraph as the `sources` collection stores it. */
export interface ViewParagraph {
  anchor: string;
  n: number;
  kind: string;
  role: string;
  text: string;
}

/** A stretch of one side's text: kept, inserted (derivative side) or deleted (original side). */
export interface Piece {
  op: 'equal' | 'added' | 'removed';
  text: string;
}

/** One paragraph in one column of a row. */
export interface Side {
  anchor: string;
  /** "¶12", or "§ “Heading”" for a subheading. */
  label: string;
  /** Its place on its source page. */
  href: string;
  pieces: Piece[];
}

export interface PairRow {
  kind: 'pair';
  /** Element id of the row. */
  id: string;
  relation: Relation;
  flags: AlignFlag[];
  derivative: Side;
  /** Empty when the paragraph is added. */
  original: Side[];
}

export interface DroppedRow {
  kind: 'dropped';
  id: string;
  original: Side;
}

export type Row = PairRow | DroppedRow;

export interface Total {
  key: FlagType | 'dropped' | 'paragraphs';
  count: number;
  text: string;
}

export interface CompareView {
  rows: Row[];
  totals: Total[];
  /** The totals as one line: "4 of 11 quotations not verbatim; 3 hedges dropped; …". */
  summary: string;
}

export const rowId = (derivativeAnchor: string): string => `row-${derivativeAnchor}`;
export const droppedRowId = (originalAnchor: string): string => `dropped-${originalAnchor}`;
/** The compare view of a derivative, or one of its rows. */
export const compareHref = (derivativeId: string, id?: string): string => urls.compare(derivativeId, id);
export const paragraphHref = (sourceId: string, anchor: string): string => urls.paragraph(sourceId, anchor);

/** "¶12" for a paragraph; a subheading (no ¶ number) by its words. */
export function paragraphLabel(p: Pick<ViewParagraph, 'n' | 'role' | 'text'>): string {
  if (p.role !== 'heading') return `¶${p.n}`;
  const t = p.text.trim();
  return `§ “${t.length > 40 ? `${t.slice(0, 39).trimEnd()}…` : t}”`;
}

export const RELATION_TEXT: Record<Relation, string> = {
  same: 'same text',
  condensed: 'condensed',
  merged: 'merged',
  altered: 'altered',
  added: 'added',
};

export const FLAG_TEXT: Record<FlagType, string> = {
  'quote-not-verbatim': 'quotation not verbatim',
  'hedge-dropped': 'hedge dropped',
  'strength-changed': 'claim softened or hardened',
  'number-changed': 'number changed',
  'name-changed': 'name changed or new',
  'attribution-changed': 'attribution changed',
  'claim-added': 'claim added',
};

/** Joins adjacent pieces of the same kind and drops empty ones. */
function tidy(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.text === '') continue;
    const last = out.at(-1);
    if (last?.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * Word diff of the original paragraph(s) against the derivative paragraph,
 * as pieces per side: the original side cut back into its paragraphs (each
 * side's pieces join to exactly its text).
 */
export function sidePieces(
  originals: readonly string[],
  derivative: string,
): { original: Piece[][]; derivative: Piece[] } {
  const SEP = '\n\n';
  const parts = diffWordsWithSpace(originals.join(SEP), derivative);
  const right = tidy(parts.filter((p) => !p.removed).map((p) => ({ op: p.added ? 'added' : 'equal', text: p.value })));
  // Original paragraph i occupies [starts[i], starts[i] + length) of the joined text.
  const starts: number[] = [];
  let at = 0;
  for (const o of originals) {
    starts.push(at);
    at += o.length + SEP.length;
  }
  const left: Piece[][] = originals.map(() => []);
  let offset = 0;
  for (const part of parts) {
    if (part.added) continue;
    const op = part.removed ? 'removed' : 'equal';
    const from = offset;
    const to = offset + part.value.length;
    originals.forEach((o, i) => {
      const a = Math.max(from, starts[i]!);
      const b = Math.min(to, starts[i]! + o.length);
      if (a < b) left[i]!.push({ op, text: part.value.slice(a - from, b - from) });
    });
    offset = to;
  }
  return { original: left.map(tidy), derivative: right };
}

interface TextOf {
  id: string;
  paragraphs: readonly ViewParagraph[];
}

/**
 * Rows and totals for `alignment`, given the two texts' paragraphs. A dropped
 * original paragraph is placed before the first row whose original paragraphs
 * all come after it in the original (so in the original's order where the
 * derivative keeps that order), else at the end; added rows mark no place.
 */
export function compareView(alignment: Alignment, derivative: TextOf, original: TextOf): CompareView {
  const dBy = new Map(derivative.paragraphs.map((p) => [p.anchor, p]));
  const oArticle = original.paragraphs.filter((p) => p.kind === 'article');
  const oBy = new Map(oArticle.map((p) => [p.anchor, p]));
  const oIndex = new Map(oArticle.map((p, i) => [p.anchor, i]));
  const need = <T>(map: Map<string, T>, anchor: string, what: string): T => {
    const v = map.get(anchor);
    if (v === undefined)
      throw new Error(`alignment ${alignment.derivative} → ${alignment.original}: no ${what} paragraph ${anchor}`);
    return v;
  };

  const pairRows: PairRow[] = alignment.pairs.map((pair) => {
    const d = need(dBy, pair.derivative, 'derivative');
    const os = pair.original.map((a) => need(oBy, a, 'original'));
    const pieces =
      os.length === 0
        ? { original: [], derivative: [{ op: 'equal' as const, text: d.text }] }
        : sidePieces(
            os.map((o) => o.text),
            d.text,
          );
    return {
      kind: 'pair',
      id: rowId(d.anchor),
      relation: pair.relation,
      flags: pair.flags,
      derivative: {
        anchor: d.anchor,
        label: paragraphLabel(d),
        href: paragraphHref(derivative.id, d.anchor),
        pieces: pieces.derivative,
      },
      original: os.map((o, i) => ({
        anchor: o.anchor,
        label: paragraphLabel(o),
        href: paragraphHref(original.id, o.anchor),
        pieces: pieces.original[i]!,
      })),
    };
  });

  // Dropped paragraphs in place.
  // An added row (no original) marks no place in the original.
  const firstOf = pairRows.map((r) =>
    r.original.length ? Math.min(...r.original.map((o) => oIndex.get(o.anchor)!)) : -Infinity,
  );
  const before = new Map<number, DroppedRow[]>();
  for (const anchor of alignment.dropped) {
    const o = need(oBy, anchor, 'original');
    const k = oIndex.get(anchor)!;
    let at = firstOf.findIndex((f) => f > k);
    if (at < 0) at = pairRows.length;
    const row: DroppedRow = {
      kind: 'dropped',
      id: droppedRowId(anchor),
      original: {
        anchor,
        label: paragraphLabel(o),
        href: paragraphHref(original.id, anchor),
        pieces: [{ op: 'equal', text: o.text }],
      },
    };
    before.set(at, [...(before.get(at) ?? []), row]);
  }
  const rows: Row[] = [];
  pairRows.forEach((r, i) => rows.push(...(before.get(i) ?? []), r));
  rows.push(...(before.get(pairRows.length) ?? []));

  const totals = totalsOf(
    alignment,
    alignment.pairs.map((p) => dBy.get(p.derivative)!.text),
    // Paragraphs as the source page numbers them: subheadings are not counted.
    oArticle.filter((p) => p.role !== 'heading').length,
  );
  return { rows, totals, summary: totals.map((t) => t.text).join('; ') };
}

/** The totals of an alignment; `derivativeTexts` are its aligned paragraphs' texts (for counting quotations). */
export function totalsOf(
  alignment: Alignment,
  derivativeTexts: readonly string[],
  originalArticleCount: number,
): Total[] {
  const count = (type: FlagType) =>
    alignment.pairs.reduce((n, p) => n + p.flags.filter((f) => f.type === type).length, 0);
  const quotations = derivativeTexts.reduce((n, t) => n + quotedSpans(t).length, 0);
  const byRelation = (['same', 'condensed', 'altered', 'merged', 'added'] as const)
    .map((r) => ({ r, n: alignment.pairs.filter((p) => p.relation === r).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} ${RELATION_TEXT[x.r]}`);
  const flag = (type: FlagType, one: string, many: string): Total => {
    const n = count(type);
    return { key: type, count: n, text: `${n} ${n === 1 ? one : many}` };
  };
  const notVerbatim = count('quote-not-verbatim');
  return [
    {
      key: 'paragraphs',
      count: alignment.pairs.length,
      text: `${plural(alignment.pairs.length, 'paragraph')}${byRelation.length ? ` (${byRelation.join(', ')})` : ''}`,
    },
    {
      key: 'quote-not-verbatim',
      count: notVerbatim,
      text: `${notVerbatim} of ${plural(quotations, 'quotation')} not verbatim`,
    },
    flag('hedge-dropped', 'hedge dropped', 'hedges dropped'),
    flag('strength-changed', 'claim softened or hardened', 'claims softened or hardened'),
    flag('number-changed', 'number changed', 'numbers changed'),
    flag('name-changed', 'name changed or new', 'names changed or new'),
    flag('attribution-changed', 'attribution changed', 'attributions changed'),
    flag('claim-added', 'sentence with a claim not in the original', 'sentences with a claim not in the original'),
    {
      key: 'dropped',
      count: alignment.dropped.length,
      text: `${alignment.dropped.length} of ${plural(originalArticleCount, 'original paragraph')} dropped`,
    },
  ];
}
