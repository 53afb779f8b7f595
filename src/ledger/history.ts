/**
 * The anchor ledger is append-only: an entry once committed never disappears
 * and never changes its fingerprint (its `text` and `sketch`), whatever later
 * commits do. `checkLedgerHistory` compares the ledger a build ends with to
 * every earlier committed version of the file (src/ledger/git-history.ts
 * reads them from git, once per frozen build) and says, entry by entry, what
 * broke that:
 *
 * - an entry that vanished, or whose fingerprint changed;
 * - a successor new since the last committed version (written by hand: the
 *   build finds and records its own) whose block holds less than
 *   SIMILARITY_THRESHOLD of the old text, unless the entry gives a `reason`;
 * - a page with more tombstones than the anchors it ever published in a
 *   committed version (invented tombstones).
 *
 * Which versions count: those on the first-parent line of the checked-out
 * commit, i.e. what each commit of the branch (and each merge into it) held.
 * A version that only existed on a side branch before its merge was never the
 * branch's, so entries made and dropped there, before landing, are not owed.
 * Pure: the versions are given.
 */
import { SIMILARITY_THRESHOLD, type Ledger, type RecordedSuccessor } from './anchor-ledger.ts';

/** One committed version of the ledger: its commit and its entries as far as the history check needs them. */
export interface LedgerVersion {
  commit: string;
  pages: ReadonlyMap<string, readonly HistoricEntry[]>;
}

export interface HistoricEntry {
  id: string;
  text: string;
  sketch: string;
  successor?: string | undefined;
}

/** A break of the append-only rule, naming page, entry and field. */
export interface HistoryProblem {
  page: string;
  id: string;
  field: 'entry' | 'text' | 'sketch' | 'successor' | 'tombstone';
  message: string;
}

/**
 * Reads a committed version's text leniently (an old version may predate
 * today's stricter checks): only page → entries with id, text, sketch and
 * successor are taken. Maps throughout, so no key reaches a prototype.
 * Returns undefined for a version that is not a ledger at all.
 */
export function readVersion(commit: string, json: string): LedgerVersion | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const pagesRaw = (raw as { pages?: unknown } | null)?.pages;
  if (typeof pagesRaw !== 'object' || pagesRaw === null || Array.isArray(pagesRaw)) return undefined;
  const pages = new Map<string, HistoricEntry[]>();
  for (const [page, list] of Object.entries(pagesRaw)) {
    if (!Array.isArray(list)) continue;
    const entries: HistoricEntry[] = [];
    for (const e of list as unknown[]) {
      const r = e as Record<string, unknown> | null;
      if (typeof r?.id !== 'string' || typeof r.text !== 'string' || typeof r.sketch !== 'string') continue;
      entries.push({ id: r.id, text: r.text, sketch: r.sketch, ...(typeof r.successor === 'string' ? { successor: r.successor } : {}) });
    }
    pages.set(page, entries);
  }
  return { commit, pages };
}

const short = (commit: string): string => commit.slice(0, 7);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Compares `ledger` (the one this build ends with) with `versions` (every
 * earlier committed version, any order) and the successors this build
 * followed from the file (`recorded`, page → list). Returns one problem per
 * entry and field, in page order.
 */
export function checkLedgerHistory(ledger: Ledger, versions: readonly LedgerVersion[], recorded: ReadonlyMap<string, readonly RecordedSuccessor[]> = new Map()): HistoryProblem[] {
  // Union over history: page → id → the first version holding it (its fingerprint then), and every successor it had.
  const union = new Map<string, Map<string, { entry: HistoricEntry; commit: string; successors: Set<string> }>>();
  for (const v of versions) {
    for (const [page, entries] of v.pages) {
      let ids = union.get(page);
      if (!ids) union.set(page, (ids = new Map()));
      for (const e of entries) {
        const known = ids.get(e.id);
        if (!known) ids.set(e.id, { entry: e, commit: v.commit, successors: new Set(e.successor !== undefined ? [e.successor] : []) });
        else if (e.successor !== undefined) known.successors.add(e.successor);
      }
    }
  }
  const problems: HistoryProblem[] = [];
  const pages = [...new Set([...union.keys(), ...Object.keys(ledger.pages)])].sort();
  for (const page of pages) {
    const was = union.get(page) ?? new Map<string, never>();
    const now = new Map((ledger.pages[page] ?? []).map((e) => [e.id, e]));
    for (const [id, { entry, commit }] of was) {
      const e = now.get(id);
      if (!e) {
        problems.push({ page, id, field: 'entry', message: `vanished: it was committed in ${short(commit)}, and an entry, once committed, stays (give it a "tombstone" or a "successor" instead)` });
        continue;
      }
      for (const field of ['text', 'sketch'] as const) {
        if (e[field] !== entry[field]) problems.push({ page, id, field, message: `its fingerprint changed: "${field}" was ${JSON.stringify(entry[field])} when committed in ${short(commit)}, and is ${JSON.stringify(e[field])} now` });
      }
    }
    for (const r of recorded.get(page) ?? []) {
      if (was.get(r.id)?.successors.has(r.to)) continue; // committed before: checked when it was new
      if (r.score === undefined || r.score >= SIMILARITY_THRESHOLD || r.reasoned) continue;
      problems.push({
        page,
        id: r.id,
        field: 'successor',
        message: `its new successor "${r.to}" holds ${pct(r.score)} of its text, under ${pct(SIMILARITY_THRESHOLD)}: lead it to the block that holds its text, or give the entry a "reason" saying why "${r.to}" is where its links should go`,
      });
    }
    const tombs = (ledger.pages[page] ?? []).filter((e) => e.tombstone);
    if (tombs.length > was.size) {
      problems.push({
        page,
        id: tombs[was.size]!.id,
        field: 'tombstone',
        message: `the page has ${tombs.length} tombstones, more than the ${was.size} anchors it ever published in a committed ledger: a tombstone is for an anchor that was published`,
      });
    }
  }
  return problems;
}
