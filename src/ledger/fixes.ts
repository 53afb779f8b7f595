/**
 * What the author should write in the ledger file for each problem the build
 * reports (one line per anchor: a successor to record, or a tombstone whose
 * reason is still to be written). Pure.
 */
import type { LedgerProblem } from './anchor-ledger.ts';

/** "42%". */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A successor is offered when a block holds at least this share of the old text (below SIMILARITY_THRESHOLD, or tied). */
export const SUGGEST_SUCCESSOR = 0.3;

/** The reason offered where the build cannot guess one; parseLedger rejects it, so it must be rewritten. */
export const TOMBSTONE_REASON_PLACEHOLDER = '<why, as readers will read it after “was removed because”>';

/** The reason a tombstone is offered with: what a reader will read after "… was removed on <date> because". */
export function suggestedReason(page: string, id: string): string {
  if (page.startsWith('/people/')) {
    return /^from-/.test(id) ? 'the statements from this source are no longer credited to this speaker' : 'this statement is no longer credited to this speaker';
  }
  return TOMBSTONE_REASON_PLACEHOLDER;
}

/**
 * One line saying exactly what to add to the ledger file for a problem:
 * `content/anchors.lock.json › "/people/x/" › {"id":"from-y", …}: add "tombstone": {"date":"2026-12-07","reason":"…"}`,
 * offering a successor when a block holds much of the old text, saying
 * "nothing to add" for an anchor inside a block that gets the fix, and that a
 * tombstone cannot help on a page no longer built. Then, after " — ", why.
 */
export function ledgerFix(p: LedgerProblem, file: string, today: string): string {
  const where = `${file} › ${JSON.stringify(p.page)} › {"id":${JSON.stringify(p.id)}, …}`;
  const why = p.why ?? p.message;
  if (p.fixed !== undefined) return `${where}: fix its "${p.fixed}"${p.rule ? ` (${p.rule})` : ''} — ${why}`;
  if (p.pageGone) {
    return `${where}: a tombstone cannot keep it: the page is no longer built. Build the page again (a removed page stays as a removal notice), or restore what made it — ${why}`;
  }
  if (p.inside !== undefined) {
    return `${where}: nothing to add: it follows the block it was in, ${JSON.stringify(p.inside)}, once that has the tombstone or successor its own line asks for — ${why}`;
  }
  const tombstone = `"tombstone": ${JSON.stringify({ date: today, reason: suggestedReason(p.page, p.id) })}`;
  const offer = (p.candidates ?? []).filter((c) => c.score >= SUGGEST_SUCCESSOR);
  const successor = offer.length
    ? `, or, if its text went to ${offer.length > 1 ? 'one of them' : 'that block'}, ${offer.map((c) => `"successor": ${JSON.stringify(c.id)} (holds ${pct(c.score)} of its text)`).join(' or ')}`
    : '';
  return `${where}: add ${tombstone}${successor} — ${why}`;
}
