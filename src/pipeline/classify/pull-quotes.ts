/**
 * Pull quotes, for classification (classify-blocks.ts): a short block that
 * repeats, in order, words of a nearby and genuinely longer paragraph is
 * furniture (the paragraph keeps the words, where they can be cited).
 */
import type { Block } from '../types.ts';
import { sentences, wordCount } from '../normalise-text.ts';
import { endsSentence } from '../prose.ts';
import { isNameLine } from './shapes.ts';

/** True if `quote` occurs in order within `sentence` (all of its words, possibly with others between). */
function inOrder(quote: string[], sentence: string[]): boolean {
  let k = 0;
  for (const w of sentence) if (w === quote[k]) k++;
  return k === quote.length;
}

/** Length of the longest run of consecutive words shared by `a` and `b`. O(|a|·|b|), |a| is small. */
function longestSharedRun(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) best = Math.max(best, (cur[j] = prev[j - 1]! + 1));
    }
    prev = cur;
  }
  return best;
}

/** A word, as normalise-text's words() reads it. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** A pull quote has at least this many words … */
const QUOTE_MIN_WORDS = 6;
/** … and at most this many (a pull quote is one short sentence; this also bounds the cost of a comparison). */
const QUOTE_MAX_WORDS = 60;
/** Its original stands within this many article paragraphs before or after it. */
const QUOTE_REACH = 6;
/** The original paragraph has at least this many more words than the quote. */
const LONGER_BY = 5;
/** A one-sentence paragraph that occurs more often than this is the text's own repetition, not layout. */
const MAX_COPIES = 2;

/**
 * A pull quote repeats, in order and largely word for word, a sentence of a
 * nearby and genuinely longer article paragraph ("Putin is cautious and
 * calculating, particularly when it comes to the use of force." repeats "…
 * he is in fact cautious and calculating, particularly when it comes to the
 * use of force."). Precisely, a pull quote is a one-sentence article
 * paragraph of QUOTE_MIN_WORDS–QUOTE_MAX_WORDS words such that, within
 * QUOTE_REACH article paragraphs of it, a paragraph at least LONGER_BY words
 * longer has a sentence that contains the quote's words in the same order,
 * sharing a run of at least half of them.
 *
 * Not pull quotes: a restatement in other words or another order; identical
 * paragraphs, which repeat each other but have no longer original (they stay
 * article text, with anchors -2, -3 …); and a one-sentence paragraph that
 * occurs more than MAX_COPIES times (a refrain, or a page that repeats a line
 * 100 times: repetition on that scale is the text's own, not a layout quote,
 * so none of the copies becomes furniture). Blocks in `locked` (forced to
 * article by the manifest) are never pull quotes.
 *
 * Linear time: each candidate is compared only with the paragraphs within
 * reach, and identical copies are counted with a hash map.
 */
export function markPullQuotes(blocks: Block[], locked: ReadonlySet<number> = new Set()): Block[] {
  const paras = blocks.flatMap((b, i) => (b.kind === 'article' && b.role === 'paragraph' ? [i] : []));
  // sentences() returns normalised text, so the words need only lower-casing and splitting.
  const texts = paras.map((i) => sentences(blocks[i]!.text).map((s) => s.toLowerCase()));
  const sents = texts.map((ss) => ss.map((s) => s.match(WORD) ?? []));
  const total = sents.map((ss) => ss.reduce((n, s) => n + s.length, 0));
  // Identical one-sentence paragraphs, counted by their normalised, lower-cased text (a hash map).
  const copies = new Map<string, number>();
  for (const ss of texts) if (ss.length === 1) copies.set(ss[0]!, (copies.get(ss[0]!) ?? 0) + 1);
  const out = blocks.slice();
  paras.forEach((bi, p) => {
    const own = sents[p]!;
    if (locked.has(bi) || own.length !== 1) return;
    const quote = own[0]!;
    if (quote.length < QUOTE_MIN_WORDS || quote.length > QUOTE_MAX_WORDS || copies.get(texts[p]![0]!)! > MAX_COPIES) return;
    for (let o = Math.max(0, p - QUOTE_REACH); o <= Math.min(paras.length - 1, p + QUOTE_REACH); o++) {
      if (o === p || total[o]! < quote.length + LONGER_BY) continue;
      const repeated = sents[o]!.some(
        (s) => s.length >= quote.length && inOrder(quote, s) && 2 * longestSharedRun(quote, s) >= quote.length,
      );
      if (repeated) {
        out[bi] = { ...blocks[bi]!, kind: 'furniture', role: 'pull-quote' };
        return;
      }
    }
  });
  // A quotation alone in its block, over a name line and a short title line, is a pull quote by its shape.
  out.forEach((b, i) => {
    if (b.kind !== 'article' || locked.has(i) || !isWholeQuotation(b.text) || wordCount(b.text) > QUOTE_MAX_WORDS) return;
    const name = out[i + 1];
    if (name?.kind === 'article' && !locked.has(i + 1) && isNameLine(name.text) && isCaptionLine(out[i + 2], locked, i + 2)) {
      out[i] = { ...b, kind: 'furniture', role: 'pull-quote' };
    }
  });
  // The name and title lines under a pull quote belong to it.
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.role !== 'pull-quote') continue;
    const name = out[i + 1];
    if (!name || name.kind !== 'article' || locked.has(i + 1) || !isNameLine(name.text)) continue;
    out[i + 1] = { ...name, kind: 'furniture', role: 'pull-quote' };
    if (isCaptionLine(out[i + 2], locked, i + 2)) out[i + 2] = { ...out[i + 2]!, kind: 'furniture', role: 'pull-quote' };
  }
  return out;
}

/** A name's title line under a pull quote: a short article line that is not a sentence ("Harbour master, Port of Eastholm"). */
const TITLE_WORDS = 8;
function isCaptionLine(b: Block | undefined, locked: ReadonlySet<number>, i: number): boolean {
  return b !== undefined && b.kind === 'article' && !locked.has(i) && wordCount(b.text) <= TITLE_WORDS && !endsSentence(b.text);
}
/** The whole block is one quotation: it opens with a quotation mark and its only closing mark ends it. */
function isWholeQuotation(text: string): boolean {
  const x = text.trim();
  return /^[“"«‘]/u.test(x) && /[”"»’]$/u.test(x) && !/[”»]/u.test(x.slice(1, -1));
}
