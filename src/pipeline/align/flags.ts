/**
 * The checks behind an aligned pair's flags. Each works on one derivative
 * sentence and the original sentence(s) it was matched to, or on a whole
 * derivative paragraph (quotations). Pure. These are the number, name,
 * quotation and uncovered-claim checks; attribution.ts and wording.ts hold
 * the attribution, hedge and strength ones.
 */
import { diffWords } from 'diff';
import { words } from '../normalise-text.ts';
import { clausesOf, containsRun, namesIn, numbersIn, plainWords, quotedSpans, sameNameWord, sentencesWithOffsets, spellingVariant, stem } from './text.ts';

import { excerpt } from './text.ts';
import type { AlignFlag } from './types.ts';

/** A stretch of a word diff where the texts differ: what the original had and what the derivative has instead. */
interface Hunk {
  removed: string;
  added: string;
}

/** Differing stretches of a word diff; equal parts of only spaces or punctuation do not end a stretch. */
function hunks(original: string, derivative: string): Hunk[] {
  const out: Hunk[] = [];
  let cur: Hunk | null = null;
  for (const part of diffWords(original, derivative)) {
    if (!part.added && !part.removed) {
      if (cur && /[\p{L}\p{N}]/u.test(part.value)) {
        out.push(cur);
        cur = null;
      }
      continue;
    }
    cur ??= { removed: '', added: '' };
    if (part.added) cur.added += ` ${part.value}`;
    else cur.removed += ` ${part.value}`;
  }
  if (cur) out.push(cur);
  return out;
}

const minus = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => !set.has(x));
};

/**
 * number-changed: a stretch of the word diff where the original's number is
 * replaced by another ("G7" → "G8"), or a number in the derivative that the
 * original text has nowhere.
 */
export function numberFlags(derivative: string, matched: string, original: Lexicon): AlignFlag[] {
  const flags: AlignFlag[] = [];
  const reported = new Set<string>();
  for (const h of hunks(matched, derivative)) {
    const gone = minus(numbersIn(h.removed), numbersIn(h.added));
    // A new name the original itself gives the thing ("the G7 … renamed the G8") is no change.
    const come = minus(numbersIn(h.added), numbersIn(h.removed)).filter((n) => !gone.some((g) => renamed(original, g, n)));
    if (gone.length > 0 && come.length > 0) {
      come.forEach((n) => reported.add(n));
      flags.push({
        type: 'number-changed',
        detail: `“${excerpt(h.removed, 60)}” became “${excerpt(h.added, 60)}” (${gone.join(', ')} → ${come.join(', ')})`,
      });
    }
  }
  for (const n of minus(numbersIn(derivative), [...original.numbers, ...reported])) {
    flags.push({ type: 'number-changed', detail: `“${n}” is not in the original: “${excerpt(derivative)}”` });
  }
  return flags;
}

/** True when an all-capitals `acronym` ("EU") abbreviates a capitalised run of `names` ("European Union"). */
function abbreviates(acronym: string, names: readonly string[]): boolean {
  if (!/^\p{Lu}{2,}$/u.test(acronym)) return false;
  return names.some((n) => n.split(' ').map((w) => w[0]).join('') === acronym);
}

/** True when the original states that `a` was renamed `b` or the other way round (lower case). */
function renamed(original: Lexicon, a: string, b: string): boolean {
  return original.renamings.get(a.toLowerCase())?.has(b.toLowerCase()) ?? false;
}

/**
 * Phrases by which a text says a thing took a new name: “X, renamed Y”, “X,
 * now known as Y”, “X (formerly Y)”.
 */
const RENAMING = /\b(?:(?:was |were |since |later |then )?(?:renamed|rebranded|re-named)|(?:now |later |formerly |previously |also )?known as|now called|formerly|previously called)\s+(?:as\s+|to\s+)?(?:the\s+)?/giu;

/**
 * Renamings the text states, both ways, lower case: in a sentence with a
 * renaming phrase, the last number (or capitalised name) before the phrase
 * and the first one after it name the same thing (“It joined the G7 group –
 * renamed the G8 after it joined”: g7 ↔ g8; “Nordfjord Lines … was renamed
 * Fjordline”: nordfjord, lines ↔ fjordline).
 */
export function renamingsIn(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const link = (xs: readonly string[], ys: readonly string[]) => {
    for (const x of xs)
      for (const y of ys) {
        if (x === y) continue;
        if (!out.has(x)) out.set(x, new Set());
        if (!out.has(y)) out.set(y, new Set());
        out.get(x)!.add(y);
        out.get(y)!.add(x);
      }
  };
  for (const s of sentencesWithOffsets(text)) {
    for (const m of s.text.matchAll(RENAMING)) {
      const before = s.text.slice(0, m.index);
      const after = s.text.slice(m.index + m[0].length);
      const numBefore = numbersIn(before).at(-1);
      const numAfter = numbersIn(after.split(/\s+/).slice(0, 3).join(' '))[0];
      if (numBefore && numAfter) link([numBefore], [numAfter]);
      const nameBefore = namesIn(before).at(-1);
      const nameAfter = /^[\p{Lu}][\p{L}\p{N}'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}'’-]*)*/u.exec(after)?.[0];
      if (nameBefore && nameAfter) link(plainWords(nameBefore), plainWords(nameAfter));
    }
  }
  return out;
}

export interface Lexicon {
  /** Renamings the original states, both ways, lower case (see `renamingsIn`). */
  renamings: ReadonlyMap<string, ReadonlySet<string>>;
  /** Words without possessives, for names. */
  words: ReadonlySet<string>;
  names: readonly string[];
  numbers: ReadonlySet<string>;
  /** Every word in order, and each quotation with its words, for quotations. */
  allWords: readonly string[];
  quotes: readonly string[];
  quoteWords: readonly (readonly string[])[];
}

/** Lookups over the original's paragraphs, built once per alignment. */
export function lexiconOf(paragraphs: readonly string[]): Lexicon {
  const text = paragraphs.join('\n');
  const quotes = paragraphs.flatMap((p) => quotedSpans(p).map((q) => q.text));
  return {
    renamings: renamingsIn(paragraphs.join('\n\n')),
    words: new Set(plainWords(text)),
    names: namesIn(text),
    numbers: new Set(numbersIn(text)),
    allWords: words(text),
    quotes,
    quoteWords: quotes.map((q) => words(q)),
  };
}

/**
 * True when every word of `name` is a word of `pool`, its adjective
 * (Russia/Russian) or the same name spelt another way (Zelensky/Zelenskyy).
 */
function nameFound(name: string, pool: ReadonlySet<string>): boolean {
  return plainWords(name).every((w) => {
    if (pool.has(w)) return true;
    for (const p of pool) if (p[0] === w[0] && (sameNameWord(p, w) || spellingVariant(p, w))) return true;
    return false;
  });
}

/**
 * name-changed: a short stretch of the word diff (up to six words a side)
 * replaces a capitalised name of the matched original sentence, one the
 * derivative sentence no longer has, by another ("Zelensky" → "Zelenskyy",
 * "Russia" → "the Kremlin", "Mayor Solberg" → "Mayor Dahl"), or the
 * derivative has a name whose words the original text has nowhere (case, a
 * final possessive and a name's adjective aside: Russia/Russian; an acronym
 * of one of the original's names counts as found: EU/European Union).
 */
export function nameFlags(derivative: string, matched: string, original: Lexicon): AlignFlag[] {
  const flags: AlignFlag[] = [];
  const reported = new Set<string>();
  const derivativeWords = new Set(plainWords(derivative));
  const matchedNameWords = new Set(namesIn(matched).flatMap(plainWords));
  const derivativeNames = namesIn(derivative);
  const derivativeNameWords = new Set(derivativeNames.flatMap(plainWords));
  // The name words of one side of a hunk that the other text lacks, as written.
  const nameWords = (side: string, names: ReadonlySet<string>, other: ReadonlySet<string>) =>
    (side.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
      .map((w) => w.replace(/['’]s$/, ''))
      .filter((w) => names.has(w.toLowerCase()) && !/\d/.test(w) && !nameFound(w, other));
  for (const h of hunks(matched, derivative)) {
    if (words(h.removed).length > 6 || words(h.added).length > 6) continue;
    const gone0 = [...new Set(nameWords(h.removed, matchedNameWords, derivativeWords))];
    // The new name may occur elsewhere in the original sentence (two people swapped).
    const come0 = [...new Set(nameWords(h.added, derivativeNameWords, new Set(plainWords(h.removed))))];
    // A new name the original itself gives ("… was renamed Fjordline") is no change.
    const alias = (a: string, b: string) => renamed(original, a, b);
    const gone = gone0.filter((g) => !come0.some((c) => alias(g, c)));
    const come = come0.filter((c) => !gone0.some((g) => alias(g, c)));
    if (gone.length > 0 && come.length > 0) {
      come.forEach((w) => reported.add(w.toLowerCase()));
      flags.push({ type: 'name-changed', detail: `${gone.join(' ')} → ${come.join(' ')}: “${excerpt(derivative)}”` });
    }
  }
  for (const name of derivativeNames) {
    // Names with digits ("G8") are numbers' business.
    if (/\d/.test(name) || plainWords(name).every((w) => reported.has(w))) continue;
    if (!nameFound(name, original.words) && !abbreviates(name, original.names)) {
      plainWords(name).forEach((w) => reported.add(w));
      flags.push({ type: 'name-changed', detail: `“${name}” is not in the original: “${excerpt(derivative)}”` });
    }
  }
  return flags;
}

/**
 * quote-not-verbatim: each quotation of the derivative paragraph must occur,
 * word for word (case, punctuation and spacing aside), inside a quotation of
 * the original. Otherwise the flag says whether the original has the words
 * unquoted, quotes something close (“historical Russia” for “historic
 * Russia”), or has nothing like them.
 */
export function quoteFlags(derivativeParagraph: string, original: Lexicon): AlignFlag[] {
  const flags: AlignFlag[] = [];
  for (const q of quotedSpans(derivativeParagraph)) {
    const w = words(q.text);
    if (original.quoteWords.some((o) => containsRun(o, w))) continue;
    if (containsRun(original.allWords, w)) {
      flags.push({ type: 'quote-not-verbatim', detail: `“${excerpt(q.text)}” is quoted, but the original does not quote these words` });
      continue;
    }
    const closest = closestQuote(w, original.quotes);
    flags.push({
      type: 'quote-not-verbatim',
      detail: closest
        ? `“${excerpt(q.text)}” is not verbatim: the original quotes “${excerpt(closest)}”`
        : `“${excerpt(q.text)}” is not quoted in the original`,
    });
  }
  return flags;
}

/** The original quotation sharing the most word stems with `w` (at least half of them, and two), or undefined. */
function closestQuote(w: readonly string[], quotes: readonly string[]): string | undefined {
  const want = new Set(w.map(stem));
  let best: { quote: string; share: number } | undefined;
  for (const quote of quotes) {
    const have = new Set(words(quote).map(stem));
    const shared = [...want].filter((s) => have.has(s)).length;
    const share = shared / Math.max(want.size, 1);
    const enough = share >= 0.5 && shared >= Math.min(2, want.size);
    if (enough && (!best || share > best.share)) best = { quote, share };
  }
  if (!best) return undefined;
  // Show only the stretch of a long quote around the shared words.
  const qWords = best.quote.split(/\s+/);
  if (qWords.length <= w.length + 6) return best.quote;
  const firstHit = qWords.findIndex((x) => want.has(stem(plainWords(x)[0] ?? '')));
  return qWords.slice(Math.max(firstHit, 0), Math.max(firstHit, 0) + w.length + 2).join(' ');
}

/** Words that carry no claim of their own in a clause: modals, hedges, connectives. */
const NOT_CONTENT = new Set(
  ['may', 'might', 'could', 'would', 'should', 'must', 'will', 'can', 'also', 'even', 'despite', 'however', 'moreover',
    'meanwhile', 'though', 'yet', 'still', 'just', 'really', 'said', 'says', 'say', 'added', 'told'].map(stem),
);

/**
 * claim-added inside a paired paragraph: clauses of the derivative sentence
 * (see `clausesOf`) with at least three content terms, two thirds of them
 * absent from every original paragraph of the pair (terms as `termsOf` makes
 * them, so synonyms of the original's words count as present). Only a
 * clause beside another clause of the sentence that the pair does cover (two
 * of its terms, and half) is taken for an addition: a sentence none of whose
 * clauses is covered is a loose paraphrase of its match, not an addition.
 * A clause whose terms another original paragraph has (two thirds of them)
 * was moved, not added: `elsewhere` are the term sets of all original
 * paragraphs. Returns the uncovered clauses with their uncovered terms.
 */
export function uncoveredClauses(
  sentence: string,
  pool: ReadonlySet<string>,
  termsOf: (text: string) => string[],
  elsewhere: readonly ReadonlySet<string>[] = [],
  /** False to return uncovered clauses even when no clause of the sentence is covered (where does it come from?). */
  sibling = true,
): { clause: string; missing: string[] }[] {
  const clauses = clausesOf(sentence).map((clause) => {
    const terms = [...new Set(termsOf(clause))].filter((t) => !NOT_CONTENT.has(t));
    return { clause, terms, missing: terms.filter((t) => !pool.has(t)) };
  });
  const covered = (c: (typeof clauses)[number]) => {
    const n = c.terms.length - c.missing.length;
    return n >= 2 && n >= c.terms.length / 2;
  };
  if (sibling && !clauses.some(covered)) return [];
  return clauses
    .filter((c) => c.missing.length >= 3 && c.missing.length >= (2 / 3) * c.terms.length)
    .filter((c) => !elsewhere.some((para) => c.terms.filter((t) => para.has(t)).length >= (2 / 3) * c.terms.length))
    .map(({ clause, missing }) => ({ clause, missing }));
}