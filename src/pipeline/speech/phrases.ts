/**
 * Phrase helpers of the speech stage, shared by its passes: sentences and
 * tokens of a paragraph, clause ends, cue words and capitalised names. Pure,
 * with bounded look-around, so every pass stays linear in the text. The
 * subject of a speech verb (before or after it), possessors and "according
 * to" phrases are in subjects.ts.
 */
import type { QuoteRange, Token } from './text.ts';
import { FUNCTION_CAPS, LEADING_CONNECTORS, ORG_WORDS, OUTLETS, SPEECH_VERBS, TITLES, WEEKDAYS } from './lexicon.ts';

/** A noun phrase that may hold speech. */

export interface NP {
  /** 'pronoun' resolves later; 'name' is a capitalised name; 'np' a common noun phrase kept as written. */
  type: 'pronoun' | 'name' | 'np';
  text: string;
  /** Token index of the phrase's first and last word. */
  first: number;
  last: number;
}

/** One paragraph, scanned: its quotations, words and sentences. */
export interface ParaData {
  text: string;
  quotes: QuoteRange[];
  tokens: Token[];
  sentences: [number, number][];
  /** First token index of each sentence (tokens.length when it has none). */
  sentenceFirst: number[];
}

export const isCap = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.raw);
export const stripPossessive = (w: string): string => w.replace(/['’]s$/u, '').replace(/s['’]$/u, 's');
export const PREPOSITIONS = new Set([
  'for',
  'to',
  'with',
  'of',
  'in',
  'on',
  'against',
  'into',
  'from',
  'about',
  'by',
  'at',
  'over',
  'toward',
  'towards',
  'than',
]);
export const NAME_CONNECTORS = new Set([
  'of',
  'for',
  'the',
  'de',
  'von',
  'van',
  'al',
  'bin',
  'la',
  'le',
  'du',
  'der',
  'and',
]);

// Phrase helpers (pure, bounded look-around: linear overall)

/** Index of the sentence containing position pos (binary search). */
export function sentenceAt(d: ParaData, pos: number): number {
  let lo = 0;
  let hi = d.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.sentences[mid]![0] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sameSentence(d: ParaData, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a >= d.text.length || b >= d.text.length) return false;
  return sentenceAt(d, a) === sentenceAt(d, b);
}

/** Index of the first token starting at or after pos (tokens.length if none). */
export function tokenFrom(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Work limits that keep hostile text linear: real prose stays far below them. */
export const MAX_LOOKBACK = 12;
export const MAX_EVENTS_PER_SENTENCE = 32;
export const MAX_HISTORY = 400;

export function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1]!)) e--;
  return e;
}

/** End of a reported clause: the sentence end, or an earlier "; " / ", but " / " – " after the cue. */
export function clauseEnd(text: string, from: number, sEnd: number): number {
  const rest = text.slice(from, sEnd);
  const m = CLAUSE_BREAK.exec(rest);
  if (!m) return trimEnd(text, sEnd);
  // A break right after a quotation's closing mark (“…,” reflecting) keeps the quotation whole.
  const closing = /^,[\u201d"\u2019\u00bb]/u.test(m[0]) ? 2 : 0;
  return trimEnd(text, from + m.index + closing);
}

/**
 * Where the narrator takes over inside a sentence that reports speech: "; ", ", but ", " but then …",
 * ", even though …", and a comment in a participle (", reflecting his desire …", ", showing …"): what
 * follows is the writer's, not the speaker's.
 */
const CLAUSE_BREAK =
  /;\s|,[\u201d"\u2019\u00bb]?\s+but\s(?!that\s|[\u201c"\u00ab\u201e])|\s(?:but|and)\s+then\s|,[\u201d"\u2019\u00bb]?\s+and\s+(?:have|has|had)\s+(?:not\s+)?\p{Ll}+ed\s|,[\u201d"\u2019\u00bb]?\s+(?:even\s+though|even\s+as|although|though|whereas|despite)\s|,[\u201d"\u2019\u00bb]?\s+(?:reflecting|showing|revealing|underscoring|underlining|highlighting|signalling|signaling|indicating|betraying|illustrating|demonstrating|echoing|mirroring|exposing|confirming|hinting|seemingly|apparently)\s/u;

export function cueText(d: ParaData, v: number): string {
  const t = d.tokens[v]!;
  const info = SPEECH_VERBS.get(t.lower);
  const next = d.tokens[v + 1];
  if (info?.tell && next && isCap(next) && next.before === '' && next.sentence === t.sentence) {
    let e = v + 1;
    while (isCap(d.tokens[e + 1]) && d.tokens[e + 1]!.before === '') e++;
    return d.text.slice(t.start, d.tokens[e]!.end);
  }
  return t.raw;
}

export function isSingleName(t: Token): boolean {
  const w = stripPossessive(t.raw);
  const lower = w.toLowerCase();
  return (
    !FUNCTION_CAPS.has(lower) &&
    !ORG_WORDS.has(lower) &&
    !TITLES.has(lower) &&
    !/^\p{Lu}+$/u.test(w) &&
    !/\d/u.test(w) &&
    !/(?:ian|ese|ish|ern|an)$/u.test(lower) // demonyms and adjectives: Russian, Chinese, British, Western
  );
}

/** Runs of capitalised words outside quotes (token index ranges, inclusive), joined by name connectors. */
export function capRuns(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let k = 0;
  while (k < tokens.length) {
    if (!isCap(tokens[k])) {
      k++;
      continue;
    }
    let e = k;
    for (;;) {
      const n = tokens[e + 1];
      if (n && n.before === '' && n.quote === tokens[k]!.quote && isCap(n) && !/['’]s$/u.test(tokens[e]!.raw)) {
        e++;
        continue;
      }
      if (
        n &&
        n.before === '' &&
        NAME_CONNECTORS.has(n.lower) &&
        n.lower !== 'and' &&
        isCap(tokens[e + 2]) &&
        tokens[e + 2]!.before === '' &&
        !/['’]s$/u.test(tokens[e]!.raw)
      ) {
        e += 2;
        continue;
      }
      break;
    }
    out.push([k, e]);
    k = e + 1;
  }
  return out;
}

/** The person's name in a capitalised run (function words and titles dropped), or null for a body/place. */
export function personName(text: string, tokens: Token[], a: number, b: number): string | null {
  let s = a;
  while (s <= b && (FUNCTION_CAPS.has(tokens[s]!.lower) || LEADING_CONNECTORS.has(tokens[s]!.lower))) s++;
  let lastTitle = -1;
  for (let k = s; k <= b; k++) if (TITLES.has(stripPossessive(tokens[k]!.lower))) lastTitle = k;
  if (lastTitle >= 0 && lastTitle < b) s = lastTitle + 1;
  if (s > b) return null;
  const words: string[] = [];
  for (let k = s; k <= b; k++) {
    const w = tokens[k]!;
    const lw = stripPossessive(w.lower);
    if (ORG_WORDS.has(lw) || NAME_CONNECTORS.has(lw) || /\d/u.test(w.raw) || /^\p{Lu}{2,}$/u.test(w.raw)) return null;
    words.push(stripPossessive(w.raw));
  }
  if (words.length === 1) return isSingleName(tokens[b]!) ? words[0]! : null;
  if (words.length > 4) return null;
  // A leading demonym is an adjective, not a first name (Russian Orthodox …).
  if (/(?:ian|ese|ish|ern)$/u.test(words[0]!.toLowerCase()) || words.some((w) => /-\p{Ll}/u.test(w))) return null;
  void text;
  return words.join(' ');
}

/** Capitalised name ending at token `last` (going back over the run), title-stripped. */
export function nameEndingAt(d: ParaData, last: number): NP | null {
  const { tokens } = d;
  let first = last;
  while (first > 0 && first > last - 8) {
    const p = tokens[first - 1]!;
    if (tokens[first]!.before !== '' || p.quote >= 0) break;
    if (isCap(p) && !FUNCTION_CAPS.has(p.lower) && !/['’]s$/u.test(p.raw)) {
      first--;
      continue;
    }
    if (NAME_CONNECTORS.has(p.lower) && p.lower !== 'and' && p.before === '') {
      // one or two connectors (of, for the) between capitalised words
      let c = first - 1;
      if (
        c > 0 &&
        NAME_CONNECTORS.has(tokens[c - 1]!.lower) &&
        tokens[c - 1]!.lower !== 'and' &&
        tokens[c]!.before === ''
      )
        c--;
      const w = tokens[c - 1];
      if (w && isCap(w) && !FUNCTION_CAPS.has(w.lower) && tokens[c]!.before === '' && !/['’]s$/u.test(w.raw)) {
        first = c - 1;
        continue;
      }
    }
    break;
  }
  // "The Institute for …": keep a leading "the" for bodies.
  let the = false;
  if (first > 0 && tokens[first - 1]!.lower === 'the' && tokens[first]!.before === '') the = true;
  if (FUNCTION_CAPS.has(tokens[first]!.lower) && tokens[first]!.lower === 'the') {
    the = true;
    first++;
  }
  while (first < last && (FUNCTION_CAPS.has(tokens[first]!.lower) || LEADING_CONNECTORS.has(tokens[first]!.lower)))
    first++;
  let s = first;
  for (let k = first; k < last; k++) if (TITLES.has(tokens[k]!.lower)) s = k + 1;
  const words = tokens.slice(s, last + 1).map((t) => t.raw);
  if (words.length === 0) return null; // only a title ("… the President said"): no name
  // A role word alone ("said Senator", "the Spokesman said") names nobody.
  if (words.every((w) => TITLES.has(stripPossessive(w.toLowerCase()).replace(/\.$/u, '')))) return null;
  if (!nameLike(tokens, s, last)) return null;
  words[words.length - 1] = stripPossessive(words[words.length - 1]!);
  const isOrg = tokens.slice(s, last + 1).some((t) => ORG_WORDS.has(stripPossessive(t.lower))) || words.length > 4;
  if (FUNCTION_CAPS.has(tokens[last]!.lower)) return null;
  const text = (the && isOrg ? 'the ' : '') + words.join(' ');
  return { type: 'name', text, first: the && isOrg ? Math.max(0, first - 1) : s, last };
}

/** Is the quotation a full utterance rather than a quoted term? */
export function sentenceLike(text: string, q: QuoteRange): boolean {
  const inner = text.slice(q.start + 1, q.unclosed ? q.end : q.end - 1).trim();
  const words = inner.split(/\s+/u).filter(Boolean).length;
  return words >= 6 || (/[.!?…](?:\s|$)/u.test(inner) && words >= 3);
}

/** Forms of "be" before a progressive speech verb: Lena Ortiz is telling supporters … */
export const BE = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', "'s", "'re"]);

/** Capitalised words that are never (part of) a speaker's name: days, months, party labels. */
const NOT_NAME_WORDS = new Set([
  ...WEEKDAYS,
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'democratic',
  'republican',
  'conservative',
  'liberal',
  'progressive',
  'hours',
  'minutes',
  'days',
  'weeks',
  'months',
  'years',
  'signs',
  'estimates',
  'reached',
  'asked',
  'speaking',
  'continuing',
  'being',
  'meanwhile',
  'earlier',
  'later',
  'yesterday',
  'today',
  'tonight',
  'tomorrow',
  'twitter',
  'facebook',
  'instagram',
  'youtube',
  'tiktok',
  'likewise',
  'similarly',
  'separately',
  'pause',
  'one',
  'two',
  'three',
  'four',
  'five',
  'united',
]);

/**
 * Does the capitalised run tokens[a..b] look like a holder's name? Not when a word is a day, a month
 * or a party label ("New Hampshire Monday", "Democratic"), not a headline in capitals ("IOWA DOESN'T
 * INCREASE …"; short acronyms such as CNN or NATO stay), and not a lone capitalised participle that
 * merely opens the sentence ("Continuing, …", "Reached for comment, …").
 */
export function nameLike(tokens: Token[], a: number, b: number): boolean {
  const run = tokens.slice(a, b + 1);
  if (run.some((t) => NOT_NAME_WORDS.has(stripPossessive(t.lower)))) return false;
  const caps =
    run.every((t) => /^[\p{Lu}\d.’'&-]+$/u.test(t.raw)) && run.some((t) => t.raw.replace(/[^\p{Lu}]/gu, '').length > 4);
  // Capitals are a headline, except an outlet or body written so (POLITICO, UNESCO).
  const known =
    run.length === 1 && (OUTLETS.has(stripPossessive(run[0]!.lower)) || ORG_WORDS.has(stripPossessive(run[0]!.lower)));
  if (caps && !known) return false;
  const t = run[0]!;
  const sentenceStart = a === 0 || tokens[a - 1]!.sentence !== t.sentence;
  if (run.length === 1 && sentenceStart && /(?:ing|ed)$/u.test(t.lower)) return false;
  return true;
}