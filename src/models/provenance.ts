/**
 * View model of provenance on source pages: what a source page says about the
 * texts it was made from or that were made from it (SourceMeta), and, per
 * article paragraph, where it comes from or where it went (ProvenanceLinks).
 * Pure; takes the `sources` collection as `getCollection` returns it.
 *
 * Subheadings get no per-paragraph note (a note inside a heading would become
 * part of the heading's name); the compare view shows them as rows.
 */
import { sourceLabel, urls } from '../lib/urls.ts';
import type { Alignment, Relation } from '../pipeline/align.ts';
import { isTrivial } from '../pipeline/align-sources.ts';
import { plural } from '../lib/format.ts';
import {
  compareHref,
  droppedRowId,
  paragraphHref,
  paragraphLabel,
  RELATION_TEXT,
  rowId,
  type ViewParagraph,
} from './compare.ts';

/** The parts of a `sources` collection entry this module reads. */
export interface CorpusEntry {
  id: string;
  data: {
    title: string;
    short?: string | undefined;
    genre?: string | undefined;
    derivedFrom?: string | undefined;
    derivation?: string | undefined;
    paragraphs: readonly ViewParagraph[];
    alignment?: Alignment | undefined;
  };
}

export interface Link {
  href: string;
  label: string;
}

/** One note under a paragraph: "From Kottasová (CNN) ¶3, ¶4 (merged) · compare". */
export interface ProvenanceNote {
  /** Words before the links: "From Kottasová (CNN)", "Counterpart in CNN retelling", "Not used in CNN retelling". */
  lead: string;
  /** The paragraphs on the other side (none for added or dropped). */
  links: Link[];
  /** "merged", "condensed, altered", "added", "dropped". */
  relation: string;
  /** The row of the compare view. */
  compare: Link;
}

const labelOf = (e: CorpusEntry): string => sourceLabel(e.data);

/**
 * The corpus looked up by id and by relation, made once and shared by every
 * source page (`corpusIndex`): without it each page would scan the whole
 * corpus, and a build of n sources would do n² work.
 */
export interface CorpusIndex<E extends CorpusEntry = CorpusEntry> {
  /** Entries by id (the last one, when an id repeats). */
  byId: ReadonlyMap<string, E>;
  /** Original id → entries whose alignment names it as original, in corpus order (itself excluded). */
  alignedTo: ReadonlyMap<string, readonly E[]>;
  /** Original id → entries derived from it (`derivedFrom`), in corpus order (itself excluded). */
  derivedFrom: ReadonlyMap<string, readonly E[]>;
}

export function corpusIndex<E extends CorpusEntry>(corpus: readonly E[]): CorpusIndex<E> {
  const alignedTo = new Map<string, E[]>();
  const derivedFrom = new Map<string, E[]>();
  const push = (m: Map<string, E[]>, k: string, e: E) => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of corpus) {
    const a = e.data.alignment;
    if (a && a.original !== e.id) push(alignedTo, a.original, e);
    if (e.data.derivedFrom !== undefined && e.data.derivedFrom !== e.id) push(derivedFrom, e.data.derivedFrom, e);
  }
  return { byId: new Map(corpus.map((e) => [e.id, e])), alignedTo, derivedFrom };
}

const asIndex = (corpus: readonly CorpusEntry[] | CorpusIndex): CorpusIndex => ('byId' in corpus ? corpus : corpusIndex(corpus as readonly CorpusEntry[]));

/** Per article paragraph of source `id` (by anchor), its provenance notes. `corpus`: the entries, or their `corpusIndex`. */
export function provenanceNotes(id: string, corpus: readonly CorpusEntry[] | CorpusIndex): Map<string, ProvenanceNote[]> {
  const index = asIndex(corpus);
  const byId = index.byId;
  const out = new Map<string, ProvenanceNote[]>();
  const self = byId.get(id);
  if (!self) return out;
  const isHeading = new Map(self.data.paragraphs.map((p) => [p.anchor, p.role === 'heading']));
  const add = (anchor: string, note: ProvenanceNote) => {
    if (isHeading.get(anchor) !== false) return;
    out.set(anchor, [...(out.get(anchor) ?? []), note]);
  };

  // This source as a derivative.
  const own = self.data.alignment;
  const original = own && byId.get(own.original);
  if (own && original) {
    const oBy = new Map(original.data.paragraphs.map((p) => [p.anchor, p]));
    for (const pair of own.pairs) {
      const compare = { href: compareHref(id, rowId(pair.derivative)), label: 'compare' };
      if (pair.relation === 'added' || pair.original.length === 0) {
        add(pair.derivative, { lead: `Not from ${labelOf(original)}`, links: [], relation: 'added', compare });
        continue;
      }
      add(pair.derivative, {
        lead: `From ${labelOf(original)}`,
        links: pair.original.map((a) => ({
          href: paragraphHref(original.id, a),
          label: oBy.has(a) ? paragraphLabel(oBy.get(a)!) : a,
        })),
        relation: RELATION_TEXT[pair.relation],
        compare,
      });
    }
  }

  // This source as the original of others.
  for (const derivative of index.alignedTo.get(id) ?? []) {
    const a = derivative.data.alignment!;
    const dBy = new Map(derivative.data.paragraphs.map((p) => [p.anchor, p]));
    const users = new Map<string, { anchor: string; relation: Relation }[]>();
    for (const pair of a.pairs)
      for (const o of pair.original)
        users.set(o, [...(users.get(o) ?? []), { anchor: pair.derivative, relation: pair.relation }]);
    for (const [anchor, used] of users) {
      add(anchor, {
        lead: `Counterpart in ${labelOf(derivative)}`,
        links: used.map((u) => ({
          href: paragraphHref(derivative.id, u.anchor),
          label: dBy.has(u.anchor) ? paragraphLabel(dBy.get(u.anchor)!) : u.anchor,
        })),
        relation: [...new Set(used.map((u) => RELATION_TEXT[u.relation]))].join(', '),
        compare: { href: compareHref(derivative.id, rowId(used[0]!.anchor)), label: 'compare' },
      });
    }
    for (const anchor of a.dropped) {
      add(anchor, {
        lead: `Not used in ${labelOf(derivative)}`,
        links: [],
        relation: 'dropped',
        compare: { href: compareHref(derivative.id, droppedRowId(anchor)), label: 'compare' },
      });
    }
  }
  return out;
}

/** What SourceMeta shows about a source's genre and provenance. */
export interface SourceProvenance {
  /** "news analysis". */
  genre?: string;
  /** How this text was made, if the manifest says. */
  derivation?: {
    /** "rewrite", "republication", … */
    kind: string;
    /** The original, when it is in the corpus. */
    original?: Link;
    /** The compare view, when there is an alignment. */
    compare?: Link;
    /**
     * Shown after "<kind>: " or "<kind> of <original>: ": "same text as its original — trivially aligned",
     * "its original is not among these sources", or how many paragraphs differ.
     */
    note: string;
  };
  /** Texts of the corpus made from this one. */
  derivatives: { link: Link; derivation: string; compare?: Link }[];
}

/** The genre and provenance lines of source `id`. `corpus`: the entries, or their `corpusIndex`. */
export function sourceProvenance(id: string, corpus: readonly CorpusEntry[] | CorpusIndex): SourceProvenance {
  const index = asIndex(corpus);
  const byId = index.byId;
  const self = byId.get(id);
  const out: SourceProvenance = { derivatives: [] };
  if (!self) return out;
  const d = self.data;
  if (d.genre) out.genre = d.genre.replace(/-/g, ' ');
  if (d.derivation) {
    const original = d.derivedFrom === undefined ? undefined : byId.get(d.derivedFrom);
    const a = d.alignment;
    let note: string;
    if (!original) note = 'its original is not among these sources';
    else if (a && isTrivial(a)) note = 'same text as its original — trivially aligned';
    else if (a) {
      const changed = a.pairs.filter((p) => p.relation !== 'same').length;
      note = `${changed} of ${plural(a.pairs.length, 'paragraph')} ${changed === 1 ? 'differs' : 'differ'} from the original; ${plural(a.dropped.length, 'original paragraph')} dropped`;
    } else note = 'not aligned';
    out.derivation = {
      kind: d.derivation,
      ...(original ? { original: { href: urls.source(original.id), label: original.data.title } } : {}),
      ...(a ? { compare: { href: compareHref(id), label: 'compare with the original, paragraph by paragraph' } } : {}),
      note,
    };
  }
  for (const e of index.derivedFrom.get(id) ?? []) {
    out.derivatives.push({
      link: { href: urls.source(e.id), label: e.data.title },
      derivation: e.data.derivation ?? 'derived text',
      ...(e.data.alignment ? { compare: { href: compareHref(e.id), label: 'compare' } } : {}),
    });
  }
  return out;
}
