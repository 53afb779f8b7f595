/**
 * "The words that say what happened" around a dated mention: the sentence that
 * holds it, cut down to its clause and to at most EVENT_WORDS words. Always an
 * exact substring of the paragraph. Linear in the paragraph. Pure.
 */

/** At most this many words in an event. */
export const EVENT_WORDS = 25;

/** Words before a period that do not end a sentence ("U.S.", "Mr.", "Jan."). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'rep',
  'sen',
  'gov',
  'pres',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'c',
  'ca',
  'approx',
]);

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

/** Strong clause breaks inside a sentence: ; : dashes and brackets. Commas are not (an opening "In 2018," belongs to its clause). */
const CLAUSE_BREAK = /\s*[;:—–]\s+|\s+[—–]\s*|\s*[()]\s*/gu;

/**
 * The event of a mention at [start, end): its sentence; if longer than
 * EVENT_WORDS words, the clause between strong breaks that holds the mention;
 * if still longer, EVENT_WORDS words around it (up to 8 before, the rest after).
 * Leading/trailing punctuation and quotation marks are trimmed.
 */
export function eventAround(text: string, bounds: readonly [number, number][], start: number, end: number): string {
  let lo = 0;
  let hi = bounds.length - 1;
  let sentence: [number, number] = [0, text.length];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bounds[mid]!;
    if (start < b[0]) hi = mid - 1;
    else if (start >= b[1]) lo = mid + 1;
    else {
      sentence = b;
      break;
    }
  }
  let [s, e] = sentence;
  if (countWords(text, s, e) > EVENT_WORDS) {
    CLAUSE_BREAK.lastIndex = 0;
    const seg = text.slice(s, e);
    let cs = s;
    let ce = e;
    for (let m = CLAUSE_BREAK.exec(seg); m; m = CLAUSE_BREAK.exec(seg)) {
      const a = s + m.index;
      const b = a + m[0].length;
      if (b <= start) cs = b;
      else if (a >= end) {
        ce = a;
        break;
      }
      if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
    }
    // A clause of a few words ("(2008)") says nothing: keep the sentence then.
    if (countWords(text, cs, ce) >= 4) [s, e] = [cs, ce];
  }
  if (countWords(text, s, e) > EVENT_WORDS) [s, e] = wordWindow(text, s, e, start, end);
  return trim(text.slice(s, e));
}

function countWords(text: string, s: number, e: number): number {
  let n = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const space = /\s/u.test(text[i]!);
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** EVENT_WORDS words of [s, e) around the mention: up to 8 words before it, the rest from it on. */
function wordWindow(text: string, s: number, e: number, start: number, end: number): [number, number] {
  const words: [number, number][] = [];
  const re = /\S+/gu;
  const seg = text.slice(s, e);
  for (let m = re.exec(seg); m; m = re.exec(seg)) words.push([s + m.index, s + m.index + m[0].length]);
  let first = words.findIndex((w) => w[1] > start);
  if (first < 0) first = 0;
  let last = words.findIndex((w) => w[1] >= end);
  if (last < 0) last = words.length - 1;
  const from = Math.max(0, Math.min(first - 8, words.length - EVENT_WORDS));
  const to = Math.min(words.length - 1, Math.max(last, from + EVENT_WORDS - 1));
  return [words[Math.max(0, from)]![0], words[to]![1]];
}

function trim(s: string): string {
  return s.replace(/^[\s"“”‘’'«»,;:.—–-]+/u, '').replace(/(?<!\b\p{Lu})[\s"“”‘’'«»,;:.!?—–-]+$/u, '');
}
