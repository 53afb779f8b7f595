/**
 * The whole ledger reconciled: each page's reconciliation
 * (reconcilePage, src/ledger/anchor-ledger.ts) combined into the next
 * ledger, with every problem of every page. Pure.
 */
// The model's page reconciliation and constants, used when called (not when this module loads: the model re-exports this one).
import { LEDGER_VERSION, reconcilePage, type Ledger, type CurrentAnchor, type LedgerProblem, type TombstoneView, type PageReconciliation } from './anchor-ledger.ts';

export interface Reconciliation {
  ledger: Ledger;
  pages: Map<string, PageReconciliation>;
  /** Page → old id → the id it now leads to. */
  redirects: Map<string, Map<string, string>>;
  tombstones: Map<string, TombstoneView[]>;
  problems: LedgerProblem[];
}

/**
 * Reconciles a whole ledger with the anchors every page has now (page path →
 * anchors in page order). A page the ledger knows that is not built any more
 * is a problem for each of its anchors.
 */
export function reconcile(ledger: Ledger, current: ReadonlyMap<string, readonly CurrentAnchor[]>, today: string, anchorNormalisation = ledger.anchorNormalisation): Reconciliation {
  const pages = new Map<string, PageReconciliation>();
  for (const [page, anchors] of current) pages.set(page, reconcilePage(page, ledger.pages[page] ?? [], anchors, today));
  return combine(ledger, pages, anchorNormalisation);
}

/** Assembles per-page reconciliations into the new ledger; ledger pages with no reconciliation are problems. */
export function combine(ledger: Ledger, pages: ReadonlyMap<string, PageReconciliation>, anchorNormalisation = ledger.anchorNormalisation): Reconciliation {
  const problems: LedgerProblem[] = [];
  const out: Ledger = { version: LEDGER_VERSION, anchorNormalisation, pages: Object.create(null) as Ledger['pages'] };
  for (const page of [...new Set([...Object.keys(ledger.pages), ...pages.keys()])].sort()) {
    const r = pages.get(page);
    if (r) {
      if (r.entries.length) out.pages[page] = r.entries;
      problems.push(...r.problems);
      continue;
    }
    const entries = ledger.pages[page]!;
    out.pages[page] = entries;
    for (const e of entries) {
      problems.push({ page, id: e.id, message: `${page}#${e.id} (first published ${e.first}) would vanish: the page ${page} is no longer built`, why: `the page ${page} is no longer built`, pageGone: true });
    }
  }
  const redirects = new Map<string, Map<string, string>>();
  const tombstones = new Map<string, TombstoneView[]>();
  for (const [page, r] of pages) {
    const m = new Map<string, string>();
    for (const [to, olds] of r.aliases) for (const o of olds) m.set(o, to);
    redirects.set(page, m);
    tombstones.set(page, r.tombstones);
  }
  return { ledger: out, pages: new Map(pages), redirects, tombstones, problems };
}
