/**
 * Finding quotations, the speech stage's first pass: the top-level quotations
 * of a paragraph, in every common style, each mark paired with its own closer:
 * “…” ‘…’ (English), „…“ ‚…‘ (German, „…” Polish), «…» ‹…› (French, Russian),
 * »…« ›…‹ (German, Danish), »…» ”…” (Swedish, Finnish), 「…」 『…』 (CJK), and
 * straight "…" '…'. Primes (′ ″), backticks and accents are not quotation marks.
 * Single marks make a quotation only outside a double one and at word
 * boundaries, so apostrophes (don't, Russia’s, 'til) never open one. A mark
 * that cannot be paired is ignored; a quotation still open at the end runs to
 * the end of the paragraph (`unclosed`). One left-to-right pass; never throws.
 */

/** One top-level quotation in a paragraph: [start, end) includes the marks. */
export interface QuoteRange {
  start: number;
  end: number;
  /** The quotation is still open at the end of the paragraph (a run-on quote). */
  unclosed: boolean;
  /** The paragraph opened without a mark, carrying on a quotation left open by the previous one. */
  carried: boolean;
}

/** Double-level marks: opener → the marks that close it. */
const DOUBLE: Record<string, string> = {
  '\u201c': '\u201d"', // “ → ” "
  '\u201e': '\u201c\u201d', // „ → “ ”
  '\u00ab': '\u00bb', // « → »
  '\u00bb': '\u00ab\u00bb', // » → « »
  '"': '"\u201d',
  '\u201d': '\u201d', // ” → ” (Swedish)
  '\u300c': '\u300d', // 「 → 」
  '\u300e': '\u300f', // 『 → 』
};
/** Marks that only ever open (when nothing is open): the rest open only where the context says so. */
const OPENERS = new Set(['\u201c', '\u201e', '\u00ab', '\u300c', '\u300e']);
const BRACKETS = new Set(['\u300c', '\u300e']);
const DOUBLE_MARKS = new Set([...Object.keys(DOUBLE), '\u300d', '\u300f']);

/** Single-level marks: opener → closers. */
const SINGLE: Record<string, string> = {
  '\u2018': "\u2019'", // ‘ → ’ '
  '\u201a': '\u2018\u2019', // ‚ → ‘ ’
  '\u2039': '\u203a', // ‹ → ›
  '\u203a': '\u2039\u203a', // › → ‹ ›
  "'": "'\u2019",
};
const SINGLE_MARKS = new Set([...Object.keys(SINGLE), '\u2019']);

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/\u201c\u201e\u00ab\u2018\u201a\u2039\u300c\u300e]/u;

/** What the surrounding characters say a mark at i does: opens (after a space, before a word), closes (after a word), or either. */
function contextRole(text: string, i: number): 'open' | 'close' | 'either' {
  const prev = i > 0 ? text[i - 1] : undefined;
  const prevOpens = prev === undefined || OPEN_CONTEXT.test(prev);
  if (prevOpens && !isSpace(text[i + 1])) return 'open';
  if (!prevOpens) return 'close';
  return 'either';
}

/** A single mark's role, or null for an apostrophe (don't, Russia’s, 'til, the Russians' plans). */
function singleRole(text: string, i: number): 'open' | 'close' | null {
  const c = text[i]!;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const prevOpens = prev === undefined || OPEN_CONTEXT.test(prev);
  if (isWordChar(prev) && isWordChar(next)) return null;
  // Elisions: 'til, 'tis, 'em, 'cause, '90s.
  if (prevOpens && /^(?:til|tis|twas|em|cause|bout|round|n\b|\d)/iu.test(text.slice(i + 1, i + 6))) return null;
  if (prevOpens && isWordChar(next)) return c === '\u2019' ? null : 'open';
  if (!prevOpens && (isSpace(next) || /[.,;:!?)\]\u2014\u2013\u201d\u201c\u00bb\u00ab]/u.test(next ?? ' '))) {
    return c === '\u201a' || c === '\u2039' ? null : 'close';
  }
  return null;
}

/** Top-level quotations of a paragraph (see the module doc). `carryOpen`: the previous paragraph left one open and this one does not reopen it with a mark. */
export function scanQuotes(text: string, carryOpen = false): QuoteRange[] {
  const out: QuoteRange[] = [];
  let openAt = -1;
  /** The opening mark of the quotation now open ('' for a carried one), and its level. */
  let opener = '';
  let level: 'double' | 'single' | null = null;
  let carried = false;
  const firstNonSpace = text.search(/\S/u);
  if (carryOpen && firstNonSpace >= 0) {
    const c = text[firstNonSpace]!;
    const reopens = DOUBLE_MARKS.has(c) && (OPENERS.has(c) || contextRole(text, firstNonSpace) !== 'close');
    if (!reopens) {
      openAt = 0;
      opener = '\u201c';
      level = 'double';
      carried = true;
    }
  }
  const close = (i: number) => {
    out.push({ start: openAt, end: i + 1, unclosed: false, carried: level === 'double' && carried });
    openAt = -1;
    opener = '';
    level = null;
    carried = false;
  };
  const open = (i: number, c: string, l: 'double' | 'single') => {
    openAt = i;
    opener = c;
    level = l;
    carried = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (DOUBLE_MARKS.has(c)) {
      const role = contextRole(text, i);
      if (level === 'double') {
        if (BRACKETS.has(opener)) {
          if (DOUBLE[opener]!.includes(c)) close(i);
          continue; // 『…』 inside 「…」 and any other mark inside a bracket are part of it
        }
        const closes = DOUBLE[opener]!.includes(c);
        // A mark that both closes this quotation and could open another (“ after „, « after »,
        // " after ") closes unless the context clearly opens (then the earlier opener was stray).
        if (closes && !(role === 'open' && (c === '"' || c === '\u201c' || c === '\u00ab'))) close(i);
        else if (OPENERS.has(c) || (c === '"' && role === 'open')) open(i, c, 'double');
      } else if (
        OPENERS.has(c) ? role !== 'close' : c in DOUBLE && (role === 'open' || (c === '"' && role === 'either'))
      ) {
        // Opens (and supersedes a pending single quotation, which was then not one).
        open(i, c, 'double');
      }
    } else if (level !== 'double' && SINGLE_MARKS.has(c)) {
      const role = singleRole(text, i);
      if (role === null) continue;
      if (level === 'single' && role === 'close' && SINGLE[opener]!.includes(c)) close(i);
      else if (role === 'open' && c in SINGLE) open(i, c, 'single');
    }
  }
  if (level === 'double' && openAt >= 0) out.push({ start: openAt, end: text.length, unclosed: true, carried });
  return out;
}
