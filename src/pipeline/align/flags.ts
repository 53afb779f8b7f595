/**
 * The checks behind an aligned pair's flags. Each works on one derivative
 * sentence and the original sentence(s) it was matched to, or on a whole
 * derivative paragraph (quotations). Pure.
 */
import { diffWords } from 'diff';
import { normaliseForMatch, words } from '../normalise-text.ts';
import { containsRun, contentTerms, namesIn, numbersIn, plainWords, quotedSpans, sameNameWord, stem } from './text.ts';

export type FlagType =
  | 'number-changed'
  | 'name-changed'
  | 'quote-not-verbatim'
  | 'attribution-changed'
  | 'hedge-dropped'
  | 'claim-added';

export interface AlignFlag {
  type: FlagType;
  detail: string;
}

/** Shortens a text for a flag's detail. */
export function excerpt(text: string, max = 90): string {
  const t = normaliseForMatch(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

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
    const come = minus(numbersIn(h.added), numbersIn(h.removed));
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

export interface Lexicon {
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
    words: new Set(plainWords(text)),
    names: namesIn(text),
    numbers: new Set(numbersIn(text)),
    allWords: words(text),
    quotes,
    quoteWords: quotes.map((q) => words(q)),
  };
}

/** True when every word of `name` is a word of `pool` (or its adjective: Russia/Russian). */
function nameFound(name: string, pool: ReadonlySet<string>): boolean {
  return plainWords(name).every((w) => {
    if (pool.has(w)) return true;
    for (const p of pool) if (p[0] === w[0] && sameNameWord(p, w)) return true;
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
    const gone = [...new Set(nameWords(h.removed, matchedNameWords, derivativeWords))];
    // The new name may occur elsewhere in the original sentence (two people swapped).
    const come = [...new Set(nameWords(h.added, derivativeNameWords, new Set(plainWords(h.removed))))];
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

/**
 * Hedges. `scope: 'sentence'` for reporting phrases, which qualify the whole
 * sentence ("she suggests", "I think"); `'clause'` for adverbs and modals.
 * "as … as possible" is not a hedge; "May" with a capital is the month.
 */
const HEDGES: { re: RegExp; scope: 'sentence' | 'clause' }[] = [
  { re: /\b(?:I|we|he|she|they)\s+(?:think|thinks|believe|believes|suspect|suspects|guess)\b/gi, scope: 'sentence' },
  { re: /\b(?:suggests?|suggested|reportedly|allegedly|apparently)\b/gi, scope: 'sentence' },
  { re: /\b(?:appears?|seems?|seemingly)\b/gi, scope: 'clause' },
  { re: /\b(?:likely|unlikely|probably|perhaps|possibly|maybe|presumably|arguably)\b/gi, scope: 'clause' },
  { re: /\b(?<!as\s(?:soon\s|much\s|far\s|quickly\s)?as\s)possible\b/gi, scope: 'clause' },
  { re: /\b(?:might|could)\b/gi, scope: 'clause' },
  { re: /\bmay\b/g, scope: 'clause' },
];

interface HedgeHit {
  word: string;
  /** Text the hedge qualifies: its sentence or its clause. */
  scope: string;
}

function hedgesIn(sentence: string): HedgeHit[] {
  const hits: HedgeHit[] = [];
  // Clauses: split at commas, semicolons, colons and dashes.
  const clauses = [...sentence.matchAll(/[^,;:–—]+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  for (const { re, scope } of HEDGES) {
    for (const m of sentence.matchAll(re)) {
      const clause = clauses.find((c) => m.index >= c.start && m.index < c.end);
      hits.push({ word: m[0].toLowerCase(), scope: scope === 'sentence' || !clause ? sentence : clause.text });
    }
  }
  return hits;
}

const HEDGE_WORDS = /\b(?:likely|probably|possibly|perhaps|maybe|possible|might|could|may|think|thinks|suggests?|seems?|appears?)\b/gi;

/**
 * hedge-dropped: the matched original sentences carry more hedges than the
 * derivative sentence, and the derivative keeps the hedged statement: at
 * least two content terms, and a quarter, of the hedge's scope (its clause,
 * or its sentence for a reporting phrase) recur in the derivative sentence.
 * A hedge whose statement was cut with it is an omission, not a dropped hedge.
 */
export function hedgeFlags(derivative: string, matchedSentences: readonly string[]): AlignFlag[] {
  const had = matchedSentences.flatMap(hedgesIn);
  const has = hedgesIn(derivative);
  if (had.length <= has.length) return [];
  const dTerms = new Set(contentTerms(derivative));
  const kept = had.filter((h) => {
    const scopeTerms = [...new Set(contentTerms(h.scope.replace(HEDGE_WORDS, ' ')))];
    const shared = scopeTerms.filter((t) => dTerms.has(t)).length;
    return shared >= 2 && shared >= 0.25 * scopeTerms.length;
  });
  const hasWords = new Set(has.map((h) => h.word));
  const dropped = kept.filter((h) => !hasWords.has(h.word)).slice(0, had.length - has.length);
  return dropped.map((h) => ({
    type: 'hedge-dropped' as const,
    detail: `“${h.word}” dropped: the original has “${excerpt(h.scope)}”, the derivative “${excerpt(derivative)}”`,
  }));
}

/** What a speech stage says about a stretch of a paragraph. */
export type SpeechKind = 'direct' | 'reported' | 'narration' | 'scare';

export interface SpeechSpan {
  kind: SpeechKind;
  speaker: string | null;
  /** Offsets into the paragraph's text, [start, end). */
  start: number;
  end: number;
}

/** The span covering most of [start, end), or undefined when none overlaps it. */
export function dominantSpan(spans: readonly SpeechSpan[], start: number, end: number): SpeechSpan | undefined {
  let best: { span: SpeechSpan; overlap: number } | undefined;
  for (const span of spans) {
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { span, overlap };
  }
  return best?.span;
}

/** Same person: equal names, or one name's last word is the other's ("Berzina", "Kristine Berzina"). */
export function sameSpeaker(a: string, b: string): boolean {
  const last = (s: string) => plainWords(s).at(-1) ?? '';
  const x = normaliseForMatch(a).toLowerCase();
  const y = normaliseForMatch(b).toLowerCase();
  return x === y || last(a) === last(b);
}

/**
 * attribution-changed: the original sentence is mostly direct or reported
 * speech, and the derivative sentence made from it is narration (no span, a
 * narration span or a scare quote), or speech of another speaker.
 */
export function attributionFlag(
  derivative: { text: string; span: SpeechSpan | undefined },
  original: { text: string; span: SpeechSpan | undefined },
): AlignFlag | undefined {
  const o = original.span;
  if (!o || (o.kind !== 'direct' && o.kind !== 'reported')) return undefined;
  const d = derivative.span;
  const who = o.speaker ?? 'someone';
  if (!d || d.kind === 'narration' || d.kind === 'scare') {
    return {
      type: 'attribution-changed',
      detail: `${o.kind} speech of ${who} is narration in the derivative: “${excerpt(original.text, 60)}” → “${excerpt(derivative.text, 60)}”`,
    };
  }
  if (o.speaker && d.speaker && !sameSpeaker(o.speaker, d.speaker)) {
    return {
      type: 'attribution-changed',
      detail: `speaker ${o.speaker} → ${d.speaker}: “${excerpt(derivative.text, 60)}”`,
    };
  }
  return undefined;
}
