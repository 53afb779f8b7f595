/**
 * The anchor ledger as a file (content/anchors.lock.json): parsed and checked
 * (every key, date, id, page and reason; a bounded size), written back in a
 * stable order, and the changes between two versions described for the
 * build log. Pure. The ledger's model is src/ledger/anchor-ledger.ts.
 */
import { SKETCH_SIZE } from './fingerprint.ts';
import { TOMBSTONE_REASON_PLACEHOLDER } from './fixes.ts';
// The model's format version, read when a ledger is parsed (not when this module loads: the model re-exports this one).
import { LEDGER_VERSION, type Ledger, type LedgerEntry } from './anchor-ledger.ts';

// ---------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------

export const emptyLedger = (anchorNormalisation: number): Ledger => ({ version: LEDGER_VERSION, anchorNormalisation, pages: Object.create(null) as Ledger['pages'] });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = ['id', 'first', 'text', 'sketch', 'after', 'in', 'successor', 'reason', 'tombstone'] as const;

/** The largest ledger file read (bytes): ~25 times the real one; more is an invented or runaway ledger. */
export const MAX_LEDGER_BYTES = 8 * 1024 * 1024;
/** Longest tombstone or successor reason: a sentence a reader reads after "because". */
export const MAX_REASON_LENGTH = 200;
/** A page path: `/`, `/sources/<id>/`, `/people/<slug>/` …: segments of letters, digits and `-._~`, never `.` or `..`. */
const PAGE_KEY = /^\/(?:[\p{L}\p{N}_~-][\p{L}\p{N}._~-]*\/)*$/u;
/** An anchor id: letters, digits and `-._~` (slugs; headings may keep non-ASCII letters), at most 200 characters. */
const ANCHOR_ID = /^[\p{L}\p{N}_][\p{L}\p{N}._~-]{0,199}$/u;

/** A real calendar date written YYYY-MM-DD (not 2025-02-30, not 2025-13-45). */
export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Why a reason is not plain text a reader can read after "because" (undefined when it is). */
export function reasonProblem(reason: string): string | undefined {
  if (reason.trim() === '') return 'is empty';
  if (reason.length > MAX_REASON_LENGTH) return `is ${reason.length} characters long, over ${MAX_REASON_LENGTH}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(reason)) return 'has a line break or control character';
  if (/[<>]/.test(reason)) return 'has markup (< or >): it is shown as plain text';
  if (/\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i.test(reason)) return 'has a web address: it is shown as plain text, uncited';
  return undefined;
}

/** Error in the ledger file, naming where. */
export class LedgerFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerFormatError';
  }
}

/**
 * Parses and checks a ledger file's text. Throws LedgerFormatError naming the page, entry and field.
 * Pages are kept in an object without a prototype (a `"__proto__"` key is a bad page path, never a prototype).
 */
export function parseLedger(json: string): Ledger {
  if (json.length > MAX_LEDGER_BYTES) {
    throw new LedgerFormatError(
      `the file is ${(json.length / 1024 / 1024).toFixed(1)} MB, over the limit of ${MAX_LEDGER_BYTES / 1024 / 1024} MB (MAX_LEDGER_BYTES): a ledger this size is invented or runaway, not a site's published anchors`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new LedgerFormatError(`not valid JSON: ${(err as Error).message}`);
  }
  const fail = (where: string, what: string): never => {
    throw new LedgerFormatError(`${where}: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('top level', 'must be an object');
  const top = raw as Record<string, unknown>;
  for (const k of Object.keys(top)) if (!['version', 'anchorNormalisation', 'pages'].includes(k)) fail('top level', `unknown field ${JSON.stringify(k)} (fields: version, anchorNormalisation, pages)`);
  if (top.version !== LEDGER_VERSION) fail('version', `must be ${LEDGER_VERSION}, not ${JSON.stringify(top.version)}`);
  if (!Number.isInteger(top.anchorNormalisation)) fail('anchorNormalisation', 'must be an integer');
  if (typeof top.pages !== 'object' || top.pages === null || Array.isArray(top.pages)) fail('pages', 'must be an object of page path → entries');
  const pages = Object.create(null) as Record<string, LedgerEntry[]>;
  for (const [page, list] of Object.entries(top.pages as Record<string, unknown>)) {
    if (!PAGE_KEY.test(page) || page.length > 300 || page.split('/').some((seg) => seg === '.' || seg === '..')) {
      fail(`pages[${JSON.stringify(page)}]`, 'is not a page path such as "/sources/<id>/" (segments of letters, digits and -._~, starting and ending with /)');
    }
    if (!Array.isArray(list)) fail(`pages["${page}"]`, 'must be a list of entries');
    const ids = new Set<string>();
    pages[page] = (list as unknown[]).map((item, i) => {
      const where = `pages["${page}"][${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(where, 'must be an object');
      const e = item as Record<string, unknown>;
      for (const k of Object.keys(e)) if (!(KEYS as readonly string[]).includes(k)) fail(where, `unknown field ${JSON.stringify(k)} (fields: ${KEYS.join(', ')})`);
      if (typeof e.id !== 'string' || !ANCHOR_ID.test(e.id)) fail(where, `id must be an anchor id (letters, digits and -._~), not ${JSON.stringify(e.id)}`);
      if (ids.has(e.id as string)) fail(where, `id "${String(e.id)}" is listed twice`);
      ids.add(e.id as string);
      const at = `${where} (${String(e.id)})`;
      const isId = (v: unknown): boolean => typeof v === 'string' && ANCHOR_ID.test(v);
      if (typeof e.first !== 'string' || !isCalendarDate(e.first)) fail(at, `first must be a real calendar date YYYY-MM-DD, not ${JSON.stringify(e.first)}`);
      if (typeof e.text !== 'string' || e.text.length > 64) fail(at, 'text must be a fingerprint (a string of at most 64 characters)');
      if (typeof e.sketch !== 'string' || e.sketch.length > SKETCH_SIZE * 9) fail(at, `sketch must be a fingerprint (up to ${SKETCH_SIZE} hashes, space-separated)`);
      if (e.after !== null && !isId(e.after)) fail(at, 'after must be an id or null');
      if (e.successor !== undefined && !isId(e.successor)) fail(at, 'successor must be an id');
      if (e.successor === e.id) fail(at, 'successor must be another id (an anchor cannot lead to itself)');
      if (e.in !== undefined && !isId(e.in)) fail(at, 'in must be an id');
      if (e.reason !== undefined) {
        if (e.successor === undefined) fail(at, 'reason explains a successor: give it with "successor", or remove it');
        const bad = typeof e.reason === 'string' ? reasonProblem(e.reason) : 'must be a string';
        if (bad) fail(at, `reason ${bad}`);
      }
      const entry: LedgerEntry = { id: e.id as string, first: e.first as string, text: e.text as string, sketch: e.sketch as string, after: (e.after as string | null) ?? null };
      if (e.in !== undefined) entry.in = e.in as string;
      if (e.successor !== undefined) entry.successor = e.successor as string;
      if (e.reason !== undefined) entry.reason = e.reason as string;
      if (e.tombstone !== undefined) {
        const t = e.tombstone as Record<string, unknown> | null;
        if (typeof t !== 'object' || t === null || Array.isArray(t) || typeof t.date !== 'string' || typeof t.reason !== 'string' || Object.keys(t).some((k) => k !== 'date' && k !== 'reason')) {
          fail(at, 'tombstone must be {"date": "YYYY-MM-DD", "reason": "…"}');
        }
        if (!isCalendarDate(t!.date as string)) fail(at, `tombstone date must be a real calendar date YYYY-MM-DD, not ${JSON.stringify(t!.date)}`);
        if (t!.reason === TOMBSTONE_REASON_PLACEHOLDER) fail(at, 'tombstone reason is still the placeholder: write why it was removed, as readers will read it after "because"');
        const bad = reasonProblem(t!.reason as string);
        if (bad) fail(at, `tombstone reason ${bad} (plain text of at most ${MAX_REASON_LENGTH} characters, read after "because")`);
        entry.tombstone = { date: t!.date as string, reason: t!.reason as string };
      }
      return entry;
    });
  }
  return { version: LEDGER_VERSION, anchorNormalisation: top.anchorNormalisation as number, pages };
}

/** The file's text: pages sorted, one entry per line (fields in a fixed order), so diffs read well. */
export function serialiseLedger(ledger: Ledger): string {
  const line = (e: LedgerEntry): string => JSON.stringify(Object.fromEntries(KEYS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])));
  const pages = Object.keys(ledger.pages)
    .sort()
    .map((page) => `    ${JSON.stringify(page)}: [\n${ledger.pages[page]!.map((e) => `      ${line(e)}`).join(',\n')}\n    ]`);
  return `{\n  "version": ${ledger.version},\n  "anchorNormalisation": ${ledger.anchorNormalisation},\n  "pages": {\n${pages.join(',\n')}\n  }\n}\n`;
}

/** One line per kind of change between two ledgers, for messages ("12 anchors added on /theses/x/"). */
export function describeChanges(before: Ledger, after: Ledger): string[] {
  const out: string[] = [];
  if (before.anchorNormalisation !== after.anchorNormalisation) out.push(`anchor normalisation ${before.anchorNormalisation} → ${after.anchorNormalisation}`);
  for (const page of [...new Set([...Object.keys(before.pages), ...Object.keys(after.pages)])].sort()) {
    const b = new Map((before.pages[page] ?? []).map((e) => [e.id, e]));
    const a = after.pages[page] ?? [];
    const added = a.filter((e) => !b.has(e.id)).map((e) => e.id);
    const succ = a.filter((e) => b.has(e.id) && b.get(e.id)!.successor !== e.successor).map((e) => `${e.id} → ${e.successor}`);
    if (added.length) out.push(`${page}: ${added.length} new anchor${added.length > 1 ? 's' : ''} (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''})`);
    if (succ.length) out.push(`${page}: ${succ.length} successor${succ.length > 1 ? 's' : ''} found (${succ.slice(0, 3).join(', ')}${succ.length > 3 ? ', …' : ''})`);
  }
  return out;
}
