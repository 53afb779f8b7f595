/**
 * The anchor ledger during a build, in one direction: pages read it, the
 * build writes it.
 *
 * - Reading: the ledger is read once from its file (`openLedger`, from the
 *   anchor-ledger integration when Astro starts; re-read when the file
 *   changes, as in `astro dev`). A page asks what to render for its anchors
 *   (`ledgerView`: old ids as aliases inside their successors, tombstones in
 *   place; `retiredView` for a page that is no longer built as it was). Both
 *   are pure readings of the file: nothing is recorded.
 * - Declaring: each page declares the anchors it publishes in its own output
 *   (`anchorDeclaration`: a JSON script element, src/components/AnchorDeclaration.astro,
 *   or the thesis rehype plugin), which the integration collects from dist/
 *   and strips when the build is done.
 * - Reconciling: `closeLedger` reconciles every declared page with the file in
 *   one pass, then writes the file, or checks it when frozen.
 *
 * The file name lives on globalThis: the integration (config), the rehype plugin
 * (config) and the pages (the built server bundle) load this module as
 * different instances in the same process.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  combine,
  describeChanges,
  emptyLedger,
  ledgerFix,
  parseLedger,
  reconcilePage,
  serialiseLedger,
  type CurrentAnchor,
  type Ledger,
  type LedgerEntry,
  type LedgerProblem,
  type PageReconciliation,
  type TombstoneView,
} from './anchor-ledger.ts';
import { ANCHOR_NORMALISATION } from '../pipeline/anchor-ids.ts';
import { checkLedgerHistory } from './history.ts';
import type { LedgerHistory } from './git-history.ts';

interface State {
  file: string;
  /** mtime of the file when read (re-read when it changes, as in `astro dev`). */
  mtime: number;
  ledger: Ledger;
}
const KEY = Symbol.for('what-putin-wants.anchor-ledger');
const holder = ((globalThis as Record<symbol, unknown>)[KEY] ??= { state: undefined }) as { state: State | undefined; file?: string };

/** What a page renders for the ledger. */
export interface LedgerView {
  /** Current id → old ids to render as empty elements inside it. */
  aliases: Map<string, string[]>;
  /** Removed blocks to show in place. */
  tombstones: TombstoneView[];
}

/** The date used for newly published anchors: ANCHOR_LEDGER_TODAY (tests) or today's UTC date. */
export function ledgerToday(): string {
  const fixed = process.env.ANCHOR_LEDGER_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}

/** Whether the ledger is frozen (CI=true): a build that would change it fails. */
export const ledgerFrozen = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

function read(file: string): { ledger: Ledger; mtime: number } {
  if (!existsSync(file)) return { ledger: emptyLedger(ANCHOR_NORMALISATION), mtime: 0 };
  try {
    return { ledger: parseLedger(readFileSync(file, 'utf8')), mtime: statSync(file).mtimeMs };
  } catch (err) {
    throw new Error(`anchor ledger ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** Starts a build (or a dev session) with the ledger at `file`. */
export function openLedger(file: string): void {
  holder.file = file;
  holder.state = { file, ...read(file) };
}

function state(): State | undefined {
  if (!holder.file) return undefined;
  const s = holder.state;
  const mtime = existsSync(holder.file) ? statSync(holder.file).mtimeMs : 0;
  if (!s || s.mtime !== mtime) openLedger(holder.file);
  return holder.state;
}

/**
 * What a page renders for its anchors (in page order, each with the text it
 * names): reconciled with the ledger as the build will reconcile it, nothing
 * recorded. With no ledger open (a unit test, a tool rendering pages outside
 * the build) everything is new.
 */
export function ledgerView(page: string, anchors: readonly CurrentAnchor[]): LedgerView {
  const s = state();
  if (!s) return { aliases: new Map(), tombstones: [] };
  const r = reconcilePage(page, s.ledger.pages[page] ?? [], anchors, ledgerToday(), { viewOnly: true });
  return { aliases: r.aliases, tombstones: r.tombstones };
}

/** The ledger's pages under `prefix` ("/people/"), with the ids each has published (none without a ledger open). */
export function ledgerPages(prefix: string): Map<string, string[]> {
  const s = state();
  const out = new Map<string, string[]>();
  if (!s) return out;
  for (const [page, entries] of Object.entries(s.ledger.pages)) if (page.startsWith(prefix)) out.set(page, entries.map((e) => e.id));
  return out;
}

/** A retired page's ledger entries: each not yet removed gets a tombstone dated today with `reason`. */
function retiredEntries(s: State, page: string, reason: string): LedgerEntry[] {
  const today = ledgerToday();
  return (s.ledger.pages[page] ?? []).map((e) => (e.tombstone ? e : { ...e, tombstone: { date: today, reason } }));
}

/**
 * A page that is no longer built as it was (a people page whose speaker was
 * merged into another or is gone) is kept as a tombstone page: each of its
 * ledger anchors not yet removed gets a tombstone dated today with `reason`
 * (recorded in the ledger when the build reconciles the page's declaration, so
 * date and reason stay as first written), and the page renders every one of
 * them. Returns the tombstones, in ledger order.
 */
export function retiredView(page: string, reason: string): TombstoneView[] {
  const s = state();
  if (!s) return [];
  return reconcilePage(page, retiredEntries(s, page, reason), [], ledgerToday(), { viewOnly: true }).tombstones;
}

/** What a page declares to the ledger: its anchors, or that it is retired (with why). */
export interface AnchorDeclaration {
  page: string;
  anchors: CurrentAnchor[];
  retired?: string;
}

/** The attribute that marks a page's declaration in its HTML (a `<script type="application/json">`). */
export const DECLARATION_ATTRIBUTE = 'data-anchor-ledger';

/** A declaration as the JSON text of its script element (`<` escaped, so no text can end the element). */
export function declarationJson(d: AnchorDeclaration): string {
  return JSON.stringify(d).replace(/</g, '\\u003c');
}

const DECLARATION = new RegExp(`<script\\b[^>]*\\b${DECLARATION_ATTRIBUTE}\\b[^>]*>([\\s\\S]*?)</script>`, 'g');

/** The declarations in a page's HTML, and the HTML without them. */
export function takeDeclarations(html: string): { declarations: AnchorDeclaration[]; html: string } {
  const declarations: AnchorDeclaration[] = [];
  const rest = html.replace(DECLARATION, (_, json: string) => {
    declarations.push(JSON.parse(json) as AnchorDeclaration);
    return '';
  });
  return { declarations, html: rest };
}

function reconcileAll(s: State, declarations: readonly AnchorDeclaration[]): Map<string, PageReconciliation> {
  const today = ledgerToday();
  const pages = new Map<string, PageReconciliation>();
  for (const d of declarations) {
    if (pages.has(d.page)) throw new AnchorLedgerError(`anchor ledger: the page ${d.page} declared its anchors twice`);
    const old = d.retired !== undefined ? retiredEntries(s, d.page, d.retired) : (s.ledger.pages[d.page] ?? []);
    const r = reconcilePage(d.page, old, d.retired !== undefined ? [] : d.anchors, today);
    for (const p of r.problems) console.error(`[anchor-ledger] ${p.message}`);
    pages.set(d.page, r);
  }
  return pages;
}

/** Error that fails the build: ledger anchors would vanish, or a frozen ledger would change. */
export class AnchorLedgerError extends Error {
  readonly problems: LedgerProblem[];
  constructor(message: string, problems: LedgerProblem[] = []) {
    super(message);
    this.name = 'AnchorLedgerError';
    this.problems = problems;
  }
}

export interface LedgerOutcome {
  file: string;
  written: boolean;
  added: number;
  redirected: number;
  tombstones: number;
  pages: number;
  /** Under CI: how the append-only check against the ledger's history went (checked versions, or why it could not check). */
  history?: string;
}

/**
 * Ends a build: every ledger anchor must resolve (else AnchorLedgerError with
 * one line per anchor saying what to add to the file: `ledgerFix`); a changed ledger is written, or, when frozen, fails
 * the build saying what changed and to run the build locally and commit it.
 */
export function closeLedger(options: { frozen: boolean; declarations: readonly AnchorDeclaration[]; history?: () => LedgerHistory }): LedgerOutcome {
  const s = state();
  if (!s) throw new Error('anchor ledger: closeLedger without openLedger');
  const reconciled = reconcileAll(s, options.declarations);
  const result = combine(s.ledger, reconciled, ANCHOR_NORMALISATION);
  const rel = s.file.replace(`${process.cwd()}/`, '');
  if (result.problems.length) {
    const n = result.problems.length;
    const today = ledgerToday();
    // Anchors that would vanish, and entries wrong in a field (a successor chain ending at a tombstone, …).
    const wrong = result.problems.filter((p) => p.fixed !== undefined).length;
    const what = [
      n - wrong > 0 ? `${n - wrong} published anchor${n - wrong > 1 ? 's' : ''} would vanish` : '',
      wrong > 0 ? `${wrong} entr${wrong > 1 ? 'ies are' : 'y is'} wrong in the field its line names` : '',
    ].filter(Boolean);
    throw new AnchorLedgerError(
      `Anchor ledger: ${what.join(', and ')}. Keep the text, or add to each entry of ${rel} named below ` +
        `(page › id) what its line says; a reader sees a tombstone as "This … was removed on <date> because <reason>." (reword the reason as you see fit):\n` +
        result.problems.map((p) => `  ${ledgerFix(p, rel, today)}`).join('\n'),
      result.problems,
    );
  }
  let history: string | undefined;
  if (options.history) {
    // Append-only: the ledger this build ends with against every earlier committed version of it.
    const { versions, note } = options.history();
    const recorded = new Map([...reconciled].map(([page, r]) => [page, r.recorded]));
    // No committed version to compare with (not a git clone, or none yet): nothing is checked, and the log says so.
    const broken = versions.length ? checkLedgerHistory(result.ledger, versions, recorded) : [];
    if (broken.length) {
      const n = broken.length;
      throw new AnchorLedgerError(
        `Anchor ledger ${rel} breaks its history (checked against ${versions.length} committed version${versions.length === 1 ? '' : 's'}): ` +
          `${n} entr${n > 1 ? 'ies' : 'y'} named below (page › id › field); entries are never removed or re-fingerprinted:\n` +
          broken.map((p) => `  ${rel} › ${JSON.stringify(p.page)} › ${JSON.stringify(p.id)} › ${p.field}: ${p.message}`).join('\n'),
        broken.map((p) => ({ page: p.page, id: p.id, message: p.message, fixed: p.field })),
      );
    }
    history = `${versions.length ? `append-only against ${versions.length} committed version${versions.length === 1 ? '' : 's'}` : 'not checked against history'}${note ? ` (${note})` : ''}`;
  }
  const after = serialiseLedger(result.ledger);
  const pages = [...reconciled.values()];
  const outcome: LedgerOutcome = {
    file: s.file,
    written: false,
    added: pages.reduce((n, p) => n + p.added.length, 0),
    redirected: pages.reduce((n, p) => n + [...p.aliases.values()].reduce((m, a) => m + a.length, 0), 0),
    tombstones: pages.reduce((n, p) => n + p.tombstones.length, 0),
    pages: pages.length,
    ...(history !== undefined ? { history } : {}),
  };
  const fileText = existsSync(s.file) ? readFileSync(s.file, 'utf8') : undefined;
  if (after === fileText) return outcome;
  if (options.frozen) {
    const changes = fileText === undefined ? [`${rel} does not exist`] : describeChanges(s.ledger, result.ledger);
    throw new AnchorLedgerError(
      `Anchor ledger ${rel} is out of date, and CI=true freezes it (as npm ci does a lockfile):\n${changes.map((c) => `  ${c}`).join('\n') || '  (formatting only)'}\nRun \`npm run build\` locally and commit ${rel}.`,
    );
  }
  writeFileSync(s.file, after);
  outcome.written = true;
  return outcome;
}

/** What a removed block was, from its id's prefix. */
const WHAT: [RegExp, string][] = [
  [/^p-/, 'paragraph'],
  [/^furniture-/, 'line'],
  [/^comment-/, 'comment line'],
];

/** The words of a tombstone: "This paragraph was removed on 23 November 2026 because …", and its link's text. */
export function removalNotice(t: { id: string; date: string; reason: string }): { text: string; link: string } {
  const what = WHAT.find(([re]) => re.test(t.id))?.[1] ?? 'passage';
  const date = new Date(`${t.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const reason = t.reason.trim().replace(/[.\s]+$/u, '');
  return { text: `This ${what} was removed on ${date} because ${reason}.`, link: 'Read on from the nearest paragraph' };
}
