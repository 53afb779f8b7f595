/**
 * "The words that say what happened" around a dated mention: the sentence that
 * holds it, cut down to its clause and to at most EVENT_WORDS words. Always an
 * exact substring of the paragraph. Linear in the paragraph. Pure.
 */
import { SENTENCE_ABBREVIATIONS } from '../prose.ts';

/** At most this many words in an event. */
export const EVENT_WORDS = 25;

/** Words before a period that do not end a sentence ("Mr.", "Jan."), and "c."/"ca." (circa) and "Pres.". */
const ABBREVIATIONS = new Set([...SENTENCE_ABBREVIATIONS, 'pres', 'c', 'ca']);

/** [start, end) of each sentence: a break after . ! ? (and closing quotes) before whitespace and a capital, digit or opening quote. */
export function sentenceBounds(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[.!?…]+["”’»)\]]*(?=\s+["“‘«([]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      // "U.S." / "J." / "Mr." — an initial or a known abbreviation.
      if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, '').length <= 2 && /\p{Lu}/u.test(word)) continue;
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    const end = m.index + m[0].length;
    out.push([from, end]);
    from = end;
    while (from < text.length && /\s/u.test(text[from]!)) from++;
  }
  if (from < text.length) out.push([from, text.length]);
  return out;
}

/** Characters that end a clause inside a sentence: ; : dashes and brackets. Commas do not (an opening "In 2018," belongs to its clause). */
const BREAK = /[;:—–()]/u;
const isGap = (ch: string) => /\s/u.test(ch) || BREAK.test(ch);
/** Never look further than this many characters either side of a mention (a sentence of 100,000 characters stays cheap). */
const REACH = 400;

interface Token {
  s: number;
  e: number;
  /** A clause break lies between this token and the mention side of it. */
  broken: boolean;
}

/**
 * Up to `cap` words from `from` towards `limit` (backwards when limit < from),
 * nearest first, within REACH characters; `complete` when `limit` was reached.
 */
function walk(text: string, from: number, limit: number, cap: number): { tokens: Token[]; complete: boolean } {
  const back = limit < from;
  const stop = back ? Math.max(limit, from - REACH) : Math.min(limit, from + REACH);
  const tokens: Token[] = [];
  let i = from;
  let broken = false;
  const more = () => (back ? i > stop : i < stop);
  const ch = () => text[back ? i - 1 : i]!;
  while (tokens.length < cap) {
    while (more() && isGap(ch())) {
      if (BREAK.test(ch())) broken = true;
      i += back ? -1 : 1;
    }
    if (!more()) break;
    const edge = i;
    while (more() && !isGap(ch())) i += back ? -1 : 1;
    tokens.push(back ? { s: i, e: edge, broken } : { s: edge, e: i, broken });
  }
  return { tokens, complete: i === limit };
}

/**
 * The event of a mention at [start, end): its sentence if that has at most
 * EVENT_WORDS words; otherwise the clause between breaks (; : dashes brackets)
 * that holds it, unless that is under 4 words; and at most EVENT_WORDS words of
 * that, up to 8 before the mention and the rest after (more before when there
 * are fewer after). Leading/trailing punctuation and quotation marks are
 * trimmed. Costs O(EVENT_WORDS) words per mention, whatever the sentence length.
 */
export function eventAround(text: string, bounds: readonly [number, number][], start: number, end: number): string {
  let [s, e]: [number, number] = [0, text.length];
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bounds[mid]!;
    if (start < b[0]) hi = mid - 1;
    else if (start >= b[1]) lo = mid + 1;
    else {
      [s, e] = b;
      break;
    }
  }
  const inner = walk(text, start, end, EVENT_WORDS + 1).tokens.length;
  const before = walk(text, start, s, EVENT_WORDS + 1);
  const after = walk(text, end, e, EVENT_WORDS + 1);
  if (before.complete && after.complete && before.tokens.length + inner + after.tokens.length <= EVENT_WORDS)
    return trim(text.slice(s, e));
  let b = before.tokens;
  let a = after.tokens;
  const cb = b.findIndex((t) => t.broken);
  const ca = a.findIndex((t) => t.broken);
  const clauseB = cb < 0 ? b : b.slice(0, cb);
  const clauseA = ca < 0 ? a : a.slice(0, ca);
  if (clauseB.length + inner + clauseA.length >= 4) [b, a] = [clauseB, clauseA];
  const room = Math.max(0, EVENT_WORDS - inner);
  const nb = Math.min(b.length, Math.max(8, room - a.length), room);
  const na = Math.min(a.length, room - nb);
  const from = nb > 0 ? b[nb - 1]!.s : start;
  const to = na > 0 ? a[na - 1]!.e : end;
  return trim(text.slice(from, to));
}

function trim(s: string): string {
  return s.replace(/^[\s"“”‘’'«»,;:.—–-]+/u, '').replace(/(?<!\b\p{Lu})[\s"“”‘’'«»,;:.!?—–-]+$/u, '');
}
