/**
 * The anchor ledger: every anchor the site has published, kept like a lockfile
 * (`content/anchors.lock.json`), so that a link once shared keeps working.
 *
 * Each entry records an anchor's page, its id, a fingerprint of the text it
 * named, the date it was first published and the anchor that preceded it on
 * its page then (`after`, for placing a tombstone). On every build each page
 * reconciles the ledger's entries for it with the anchors it now has
 * (`reconcilePage`). A ledger anchor then resolves:
 *
 * 1. to the same block, when the page still has that id;
 * 2. to a tombstone, when its entry carries one (`{"date", "reason"}`, written
 *    by hand): the page shows "This paragraph was removed on … because …" in
 *    its place, linking the nearest paragraph;
 * 3. to its successor: the one which the entry records (`successor`, found by
 *    an earlier build or written by hand), followed to wherever it resolves;
 *    else the block of the page that holds the most of its text, when that is
 *    at least SIMILARITY_THRESHOLD of it and no other block comes within
 *    UNIQUE_MARGIN of it. A split paragraph so resolves to the part holding
 *    most of the old text, merged paragraphs to the merged one, an edited
 *    paragraph to its new version. The successor is recorded in the entry, so
 *    the link stays put whatever later edits do to similarity; the page
 *    renders the old id as an extra (empty) element inside the successor.
 *
 * An anchor inside another (`in`: a speech span inside its paragraph, a
 * statement inside its source's section on a people page) is matched only
 * among the anchors inside the same block: its successor is the one there with
 * exactly its words, else the block itself (its parent, followed to wherever
 * that resolves), so a span whose paragraph changed still leads to the
 * paragraph. Blocks themselves are matched among blocks first, and only then
 * (an old entry of a block that is now nested) among all anchors.
 *
 * Anything else is a problem naming the anchor and its page: the build fails.
 * Anchors the ledger does not know are appended with today's date.
 *
 * Text similarity is measured on a fingerprint, not on the old text (which
 * the ledger does not keep): the text's words (letters and digits, lower
 * case, NFKC) and their pairs are its shingles; `text` is a hash of the word
 * sequence, `sketch` the SKETCH_SIZE smallest shingle hashes (a bottom-k
 * sample, exact for texts of fewer shingles). The share of the sketch found
 * among a candidate's shingles estimates how much of the old text the
 * candidate holds (its containment). Pure: no file, clock or global state.
 *
 * The fingerprints are in anchor-ledger/fingerprint.ts, the whole ledger's
 * reconciliation in anchor-ledger/combine.ts and the file format (parse,
 * serialise, describe changes) in anchor-ledger/file.ts, the fix offered for
 * each problem in anchor-ledger/fixes.ts.
 */
import { shingleHashes, fingerprint, containment } from './fingerprint.ts';
import { pct } from './fixes.ts';

// The fingerprints, the whole-ledger reconciliation, the fixes offered and the file format (anchor-ledger/), under their old names.
export { SUGGEST_SUCCESSOR, TOMBSTONE_REASON_PLACEHOLDER, suggestedReason, ledgerFix } from './fixes.ts';
export { type Reconciliation, reconcile, combine } from './combine.ts';
export { SKETCH_SIZE, fingerprintWords, shingleHashes, fingerprint, containment } from './fingerprint.ts';
export { emptyLedger, MAX_LEDGER_BYTES, MAX_REASON_LENGTH, isCalendarDate, reasonProblem, LedgerFormatError, parseLedger, serialiseLedger, describeChanges } from './file.ts';

/** Format version of the ledger file. */
export const LEDGER_VERSION = 1;
/** A successor must hold at least this share of the old text's shingles (words and word pairs). */
export const SIMILARITY_THRESHOLD = 0.5;
/** …and no other block may come within this much of it. */
export const UNIQUE_MARGIN = 0.1;

export interface Tombstone {
  /** When it was removed, YYYY-MM-DD. */
  date: string;
  /** Why, as a reader will see it ("… because <reason>"). */
  reason: string;
}

export interface LedgerEntry {
  id: string;
  /** Date first published, YYYY-MM-DD. */
  first: string;
  /** Fingerprint: hash of the text's word sequence (12 hex digits). */
  text: string;
  /** Fingerprint: bottom-k shingle hashes, space-separated (8 hex digits each). */
  sketch: string;
  /** The anchor before this one on its page when it was first published; null when it came first. */
  after: string | null;
  /** The anchor of the block this one is inside (a speech span's paragraph), if any. */
  in?: string;
  /** Where this anchor now leads (an id of the same page), once it no longer exists itself. */
  successor?: string;
  /**
   * Set by hand, with a hand-written `successor` that holds less than SIMILARITY_THRESHOLD of the old text:
   * why it is still where the old link should lead (plain text, checked against the ledger's history under CI).
   */
  reason?: string;
  /** Set by hand: the block was removed on purpose. */
  tombstone?: Tombstone;
}

export interface Ledger {
  version: typeof LEDGER_VERSION;
  /** The anchor normalisation (src/pipeline/anchor-ids.ts) the current ids were made with. */
  anchorNormalisation: number;
  /** Page path (`/sources/<id>/`) → its anchors, in order of first publication. */
  pages: Record<string, LedgerEntry[]>;
}

/** An anchor a page has now: its id and the text it names. */
export interface CurrentAnchor {
  id: string;
  text: string;
  /** The anchor of the block it is inside (a speech span: its paragraph), listed before it. */
  in?: string | undefined;
}

/** A ledger anchor that would vanish: the build fails with these (`ledgerFix` says what to add to the file). */
export interface LedgerProblem {
  page: string;
  id: string;
  message: string;
  /** Why it would vanish, in a few words ("no block of the page holds 50% of its text"). */
  why?: string;
  /** The block it was inside, itself vanishing: a tombstone or successor for that block settles this anchor too. */
  inside?: string;
  /** Blocks that hold some of its text (best first, with the share): a successor to offer. */
  candidates?: { id: string; score: number }[];
  /** The whole page is no longer built (a tombstone cannot help). */
  pageGone?: boolean;
  /** The entry itself is wrong in this field (not an anchor that would vanish): `ledgerFix` says to fix that field. */
  fixed?: string;
  /** The rule broken, for a problem of the entry itself (`successor-chain`, …). */
  rule?: LedgerRule;
}

/**
 * Rules a ledger entry can break (beyond "would vanish"):
 * - `successor-chain`: a recorded successor chain must end at a live anchor of the page: not at an id the page
 *   and ledger lack, not in a cycle, not at a tombstone (a link would land on another block's removal note,
 *   with no check that the text went there; give the entry its own tombstone instead). An anchor inside a
 *   block may end at the tombstone of its block or of its block's successor: it follows its block.
 * - `tombstone-on-live`: a tombstone on an anchor the page still has (it would never show).
 * - `tombstone-date`: a tombstone dated after the build's day.
 * docs/links.md documents each.
 */
export const LEDGER_RULES = ['successor-chain', 'tombstone-on-live', 'tombstone-date'] as const;
export type LedgerRule = (typeof LEDGER_RULES)[number];

/** A removed block as the page shows it. */
export interface TombstoneView extends Tombstone {
  id: string;
  /** Other ledger ids that lead here (rendered inside the note). */
  aliases: string[];
  /** The current anchor the note follows on the page; null: before the first one. */
  after: string | null;
  /** The anchor the note links to as the nearest paragraph (null only on a page with no anchors). */
  near: string | null;
}

/** A successor the ledger file records (not found by this build), with the share of the old text its block holds. */
export interface RecordedSuccessor {
  id: string;
  /** The recorded successor. */
  to: string;
  /** Share of the entry's sketch the live anchor it leads to holds; undefined when it leads to a tombstone or a nested anchor. */
  score?: number;
  /** The entry gives a `reason`. */
  reasoned: boolean;
}

export interface PageReconciliation {
  page: string;
  /** The page's ledger entries after this build. */
  entries: LedgerEntry[];
  /** Current id → old ids that now lead to it (rendered as empty elements inside it). */
  aliases: Map<string, string[]>;
  tombstones: TombstoneView[];
  /** Ids appended to the ledger. */
  added: string[];
  /** Successors found (by similarity) in this build: old id → new id, with the share of old text held. */
  redirected: { id: string; to: string; score: number }[];
  /** Successors recorded in the file that this build followed (the history check applies the 50% rule to new ones). */
  recorded: RecordedSuccessor[];
  problems: LedgerProblem[];
}

// ---------------------------------------------------------------------------
// Reconciliation
// ---------------------------------------------------------------------------

type Resolution =
  | { kind: 'live'; id: string }
  | { kind: 'tomb'; id: string }
  | { kind: 'lost'; message: string; inside?: string; candidates?: { id: string; score: number }[]; broken?: boolean };

/**
 * Reconciles one page: the ledger's entries for it (possibly none) with the
 * anchors it has now, in page order. Returns the new entries, the aliases and
 * tombstones to render, and problems.
 */
/**
 * `options.viewOnly`: only what the page renders (aliases, tombstones) is needed, not the entries the build
 * records; new anchors are then not fingerprinted (the costly part for a page of new text).
 */
export function reconcilePage(page: string, old: readonly LedgerEntry[], current: readonly CurrentAnchor[], today: string, options: { viewOnly?: boolean } = {}): PageReconciliation {
  const entries = old.map((e) => ({ ...e }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const order = new Map(current.map((a, i) => [a.id, i]));
  const prints = new Map<string, { text: string; shingles: Set<string> }>();
  const printOf = (a: CurrentAnchor) => {
    let p = prints.get(a.id);
    if (!p) prints.set(a.id, (p = { text: fingerprint(a.text).text, shingles: shingleHashes(a.text) }));
    return p;
  };
  const redirected: PageReconciliation['redirected'] = [];
  const recorded: RecordedSuccessor[] = [];
  const memo = new Map<string, Resolution>();

  const topLevel = current.filter((a) => a.in === undefined);

  /** The block of the page that holds most of the entry's text, if unique, among `candidates`. */
  const similar = (e: LedgerEntry, candidates: readonly CurrentAnchor[]): Resolution => {
    const exact = candidates.find((a) => printOf(a).text === e.text);
    if (exact) return { kind: 'live', id: exact.id };
    const scored = candidates
      .map((a) => ({ id: a.id, score: containment(e.sketch, printOf(a).shingles) }))
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (!best || best.score < SIMILARITY_THRESHOLD) {
      const near = best && best.score > 0 ? ` (closest: ${best.id}, ${pct(best.score)})` : '';
      return { kind: 'lost', message: `no block of the page holds ${pct(SIMILARITY_THRESHOLD)} of its text${near}`, candidates: scored.filter((c) => c.score > 0 && best!.score - c.score < UNIQUE_MARGIN) };
    }
    if (second && best.score - second.score < UNIQUE_MARGIN) {
      const close = scored.filter((s) => best.score - s.score < UNIQUE_MARGIN).map((s) => `${s.id} (${pct(s.score)})`);
      const candidates = scored.filter((s) => best.score - s.score < UNIQUE_MARGIN);
      return { kind: 'lost', message: `its successor is ambiguous: ${close.join(', ')} hold nearly as much of its text`, candidates };
    }
    return { kind: 'live', id: best.id };
  };

  const findSuccessor = (e: LedgerEntry, seen: ReadonlySet<string>): Resolution => {
    let r: Resolution;
    if (e.in !== undefined) {
      // Inside a block: the anchor with the same words inside the block's successor, else that block.
      const parent = resolve(e.in, new Set([...seen, e.id]));
      if (parent.kind !== 'live') return parent.kind === 'lost' ? { kind: 'lost', message: `the block it was in (${e.in}) would vanish: ${parent.message}`, inside: e.in } : parent;
      const same = current.find((a) => a.in === parent.id && printOf(a).text === e.text);
      r = { kind: 'live', id: same?.id ?? parent.id };
    } else {
      r = similar(e, topLevel);
      if (r.kind === 'lost' && topLevel.length < current.length) {
        const any = similar(e, current);
        if (any.kind === 'live') r = any;
      }
    }
    if (r.kind === 'live') {
      e.successor = r.id;
      redirected.push({ id: e.id, to: r.id, score: e.in !== undefined ? 1 : containment(e.sketch, printOf(current[order.get(r.id)!]!).shingles) });
    }
    return r;
  };

  const resolve = (id: string, seen: ReadonlySet<string>): Resolution => {
    if (order.has(id)) return { kind: 'live', id };
    const done = memo.get(id);
    if (done) return done;
    const e = byId.get(id);
    // A recorded chain that names no entry, or runs in a circle, is broken: no similarity may paper over it.
    if (!e) return { kind: 'lost', message: `its successor "${id}" is neither on the page nor in the ledger`, broken: true };
    if (seen.has(id)) return { kind: 'lost', message: `its successors form a cycle (${[...seen].join(' → ')} → ${id})`, broken: true };
    let r: Resolution;
    if (e.tombstone) r = { kind: 'tomb', id };
    else {
      const viaRecord = e.successor !== undefined ? resolve(e.successor, new Set([...seen, id])) : undefined;
      if (viaRecord?.kind === 'lost' && viaRecord.broken) r = viaRecord;
      else {
        r = viaRecord && viaRecord.kind !== 'lost' ? viaRecord : findSuccessor(e, seen);
        if (r.kind === 'lost' && viaRecord?.kind === 'lost') r = { ...r, message: `${viaRecord.message}, and ${r.message}` };
        if (viaRecord && viaRecord.kind !== 'lost') {
          const live = viaRecord.kind === 'live' && e.in === undefined ? current[order.get(viaRecord.id)!] : undefined;
          recorded.push({ id, to: e.successor!, ...(live ? { score: containment(e.sketch, printOf(live).shingles) } : {}), reasoned: e.reason !== undefined });
        }
      }
    }
    memo.set(id, r);
    return r;
  };

  /** The recorded successors from an entry on, as far as the ledger names them (stops at a repeat). */
  const chainOf = (e: LedgerEntry): string[] => {
    const out = [e.id];
    for (let next = e.successor; next !== undefined && !out.includes(next); next = byId.get(next)?.successor) {
      out.push(next);
      if (order.has(next) || byId.get(next)?.tombstone) break;
    }
    return out;
  };
  /** An anchor inside a block that ends at the tombstone of its block or of a successor of its block (a span of a removed paragraph). */
  const followsOwnBlock = (e: LedgerEntry, tomb: string): boolean => {
    const block = e.in === undefined ? undefined : byId.get(e.in);
    return block !== undefined && chainOf(block).includes(tomb);
  };

  const aliases = new Map<string, string[]>();
  const tombAliases = new Map<string, string[]>();
  const problems: LedgerProblem[] = [];
  for (const e of entries) {
    if (e.tombstone && order.has(e.id)) {
      const why = `it has a tombstone (removed on ${e.tombstone.date}), but the page still has this anchor`;
      problems.push({ page, id: e.id, message: `${page}#${e.id}: ${why}. Remove the "tombstone" from its ledger entry, or remove the block`, why, fixed: 'tombstone', rule: 'tombstone-on-live' });
    }
    if (e.tombstone && e.tombstone.date > today) {
      const why = `its tombstone is dated ${e.tombstone.date}, after today (${today})`;
      problems.push({ page, id: e.id, message: `${page}#${e.id}: ${why}: date a removal on the day it was made`, why, fixed: 'tombstone.date', rule: 'tombstone-date' });
    }
    const r = resolve(e.id, new Set());
    if (r.kind === 'lost' && r.broken) {
      const why = r.message;
      problems.push({ page, id: e.id, message: `${page}#${e.id}: successor-chain: ${why}. Lead its "successor" to an anchor on the page, or give the entry a "tombstone"`, why, fixed: 'successor', rule: 'successor-chain' });
    } else if (r.kind === 'tomb' && r.id !== e.id && !e.tombstone && e.successor !== undefined && !followsOwnBlock(e, r.id)) {
      const why = `its successor chain (${chainOf(e).join(' → ')}) ends at a tombstone (${r.id}, removed on ${byId.get(r.id)!.tombstone!.date}), not at an anchor on the page`;
      problems.push({
        page,
        id: e.id,
        message: `${page}#${e.id}: successor-chain: ${why}. Give the entry its own "tombstone" (its links then say why it went), or lead its "successor" to the block that now holds its text`,
        why,
        fixed: 'successor',
        rule: 'successor-chain',
      });
    } else if (r.kind === 'lost') {
      problems.push({
        page,
        id: e.id,
        message: `${page}#${e.id} (first published ${e.first}) would vanish: ${r.message}. Keep the text, or give its ledger entry a "tombstone": {"date": "YYYY-MM-DD", "reason": "…"} or a "successor": "<id on the page>"`,
        why: r.message,
        ...(r.inside !== undefined ? { inside: r.inside } : {}),
        ...(r.candidates?.length ? { candidates: r.candidates } : {}),
      });
    } else if (r.id !== e.id) {
      const into = r.kind === 'live' ? aliases : tombAliases;
      into.set(r.id, [...(into.get(r.id) ?? []), e.id]);
    }
  }

  // Tombstones, placed where the block was: after the nearest earlier block still on the page (or its successor).
  const placeAfter = (e: LedgerEntry): string | null => {
    const seen = new Set<string>();
    for (let a = e.after; a !== null && !seen.has(a); ) {
      seen.add(a);
      if (order.has(a)) return a;
      const moved = memo.get(a);
      if (moved?.kind === 'live') return moved.id; // the block before it lives on as its successor
      const prev = byId.get(a);
      if (!prev) return null;
      a = prev.after;
    }
    return null;
  };
  const tombstones: TombstoneView[] = entries
    .filter((e) => e.tombstone && !order.has(e.id))
    .map((e) => {
      const after = placeAfter(e);
      return { id: e.id, ...e.tombstone!, aliases: tombAliases.get(e.id) ?? [], after, near: after ?? current[0]?.id ?? null };
    });

  const added: string[] = [];
  let lastBlock: string | null = null;
  for (const a of options.viewOnly ? [] : current) {
    const known = byId.get(a.id);
    if (known) {
      // An anchor published before nesting was recorded (a people page's statements) learns its block.
      if (a.in !== undefined && known.in !== a.in) known.in = a.in;
    } else {
      // A nested anchor's `after` is its block (where a tombstone of it would go); a block's, the block before it.
      const entry: LedgerEntry = { id: a.id, first: today, ...fingerprint(a.text), after: a.in ?? lastBlock, ...(a.in !== undefined ? { in: a.in } : {}) };
      entries.push(entry);
      byId.set(a.id, entry);
      added.push(a.id);
    }
    if (a.in === undefined) lastBlock = a.id;
  }
  return { page, entries, aliases, tombstones, added, redirected, recorded, problems };
}