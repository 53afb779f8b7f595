/**
 * Text helpers of the alignment stage: sentences with their offsets, content
 * terms for similarity, numbers, capitalised names and quoted spans. Pure.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { normaliseForMatch, words } from '../normalise-text.ts';

/** A sentence of one paragraph: its text and its [start, end) offsets in the paragraph's text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a paragraph at ., ! or ? (or …), optionally closed by a quote or a
 * bracket, followed by whitespace and a capital, a digit or an opening quote.
 * Offsets refer to the text as given (no normalisation), so speech spans can
 * be laid over sentences.
 */
export function sentencesWithOffsets(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?…]["'”’)\]]?(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length - m[1]!.length;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;

  function push(from: number, to: number): void {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  }
}

// "its" is missing from the list (its stem "it" would match "it’s").
export const STOP: ReadonlySet<string> = new Set([...eng, 'its']);

/** Irregular past forms, read as their verb so that "made" matches "making" (unambiguous ones only). */
const PAST: Record<string, string> = {
  made: 'make', given: 'give', gave: 'give', taken: 'take', took: 'take', said: 'say', held: 'hold',
  brought: 'bring', thought: 'think', kept: 'keep', sought: 'seek', fought: 'fight', told: 'tell',
  began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', spoke: 'speak', spoken: 'speak',
  wrote: 'write', written: 'write', drew: 'draw', drawn: 'draw', grew: 'grow', grown: 'grow', knew: 'know',
  known: 'know', meant: 'mean', built: 'build', sent: 'send', spent: 'spend', paid: 'pay', sold: 'sell',
  bought: 'buy', came: 'come', became: 'become', won: 'win', lost: 'lose', led: 'lead', forgot: 'forget',
  forgotten: 'forget', understood: 'understand', went: 'go', gone: 'go',
};

/** Lower-case words without a possessive 's: "Russia’s" → "russia". */
export function plainWords(text: string): string[] {
  return words(text).map((w) => w.replace(/'s$/, ''));
}

/** Porter stem of a lower-case word (the `stemmer` package); an irregular past form is stemmed as its verb. */
export function stem(word: string): string {
  return stemmer(PAST[word] ?? word);
}

/** Content terms: words minus English stop words (the `stopword` package's list), stemmed. */
export function contentTerms(text: string): string[] {
  return plainWords(text)
    .filter((w) => !STOP.has(w))
    .map(stem);
}

const NUMBER_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
  'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozen',
  'dozens', 'half', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'twice',
  'percent',
]);

/**
 * Number-like tokens, lower-cased: anything with a digit ("G7", "20%", "1990s",
 * "10th", "2,000") and number words ("three", "eighth", "million").
 */
export function numbersIn(text: string): string[] {
  const tokens = normaliseForMatch(text).match(/[\p{L}\p{N}%]+(?:[.,]\p{N}+)*/gu) ?? [];
  return tokens.map((t) => t.toLowerCase()).filter((t) => /\d/.test(t) || NUMBER_WORDS.has(t));
}

/** A word token with its offset. */
interface Token {
  word: string;
  index: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({ word: m[0], index: m.index }));
}

/**
 * Capitalised names: runs of consecutive capitalised words, each without a
 * possessive ("German Marshall Fund", "Zelenskyy", "NATO"). The first word
 * of each sentence is left out unless it continues into a run, since any word
 * is capitalised there; so is the pronoun "I".
 */
export function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const sentence of sentencesWithOffsets(text)) {
    const toks = tokens(sentence.text);
    let run: string[] = [];
    let runStart = 0;
    const flush = () => {
      // A lone capitalised first word is no evidence of a name.
      // A capitalised function word opening a sentence is not part of a name ("The Kremlin").
      if (runStart === 0 && run.length > 1 && STOP.has(run[0]!.toLowerCase())) {
        run = run.slice(1);
        runStart = 1;
      }
      if (run.length > 1 || (run.length === 1 && runStart > 0)) names.push(run.join(' '));
      run = [];
    };
    toks.forEach((t, i) => {
      const capital = /^\p{Lu}/u.test(t.word) && t.word !== 'I';
      if (!capital) return flush();
      // A gap of anything but whitespace (a comma, a dash) ends a run.
      const prev = toks[i - 1];
      if (prev && run.length > 0 && /\S/.test(sentence.text.slice(prev.index + prev.word.length, t.index))) flush();
      if (run.length === 0) runStart = i;
      run.push(t.word.replace(/['’]s$/, ''));
    });
    flush();
  }
  return names;
}

/** Endings that make a name's adjective: Russia → Russian, Europe → European, West → Western. */
const NAME_SUFFIX = /^(?:n|an|ian|ean|ern|ese|ish|i|s)$/;

/** Same name, or one is the other's adjective (by a suffix in NAME_SUFFIX); case-insensitive. */
export function sameNameWord(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.startsWith(short)) return NAME_SUFFIX.test(long.slice(short.length));
  // Europe → European: the short form's final e gives way.
  return short.endsWith('e') && long.startsWith(short.slice(0, -1)) && NAME_SUFFIX.test(long.slice(short.length - 1));
}

/** A quotation in double quotes (“…” or "…"), its inner text and offsets. */
export interface QuotedSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Spans in double quotation marks. Typographic quotes pair by direction;
 * straight quotes pair in order. A quote left open runs to the end of the
 * paragraph (a quotation continued in the next one). Single quotes are not
 * read as quotation marks, since ’ is also the apostrophe.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let open: number | null = null;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (open === null) {
      if (ch === '“' || ch === '„' || ch === '«') {
        open = i;
        straight = false;
      } else if (ch === '"') {
        open = i;
        straight = true;
      }
    } else if ((!straight && (ch === '”' || ch === '»' || ch === '“')) || (straight && ch === '"')) {
      spans.push({ text: text.slice(open + 1, i), start: open + 1, end: i });
      open = null;
    }
  }
  if (open !== null) spans.push({ text: text.slice(open + 1), start: open + 1, end: text.length });
  return spans.filter((s) => words(s.text).length > 0);
}

/** True when `needle` occurs in `hay` as a contiguous run of words. */
export function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Clauses of a sentence: stretches between commas, semicolons, colons,
 * dashes and brackets, cut again before a coordinating or subordinating
 * word that opens a new statement ("but", "while", "whereas", "although",
 * "because", "since"). Offsets are not kept: clauses are for coverage.
 */
export function clausesOf(sentence: string): string[] {
  return sentence
    .split(/[,;:()–—]|\s-\s|\s(?=(?:but|while|whereas|although|though|because|since|yet)\s)/u)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/** Levenshtein distance of two short words, stopping early once over `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      low = Math.min(low, cur[j]!);
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The same name spelt another way ("Zelensky"/"Zelenskyy", "Marshal"/"Marshall",
 * "Tomas"/"Tomasz", "Dahl"/"Dahle"): same first letter, and one edit apart
 * when both have at least five letters, or one letter added at the end of a
 * shorter word, or two edits apart when both have at least eight letters.
 * "Iran"/"Iraq" and "Ukraine"/"Ukrainian" are not spelling variants.
 */
export function spellingVariant(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (x[0] !== y[0]) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.length === short.length + 1 && long.startsWith(short)) return true;
  if (short.length >= 8) return distance(x, y, 2) <= 2;
  if (short.length >= 5) return distance(x, y, 1) <= 1;
  return false;
}

/** Shortens a text for a flag's detail. */
export function excerpt(text: string, max = 90): string {
  const t = normaliseForMatch(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
