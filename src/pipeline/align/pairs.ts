/**
 * Pairs of the alignment stage, once matched: identical paragraphs pinned
 * first, the backbone of anchors in order (longest non-decreasing run), the
 * relation of a pair, its word diff and its flags without repeats, and the
 * original paragraphs split across several derivative ones.
 */
import { diffWords } from 'diff';
import { normaliseForMatch, words } from '../normalise-text.ts';
import type { AlignFlag, AlignParagraph, Relation, DiffPart, Alignment } from './types.ts';

/** Original anchors that feed more than one pair (a split), with the derivative anchors they feed. */
export function splitOriginals(alignment: Alignment): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const pair of alignment.pairs) for (const o of pair.original) by.set(o, [...(by.get(o) ?? []), pair.derivative]);
  return new Map([...by].filter(([, ds]) => ds.length > 1));
}

/** Derivative paragraph index → original paragraph index, for paragraphs whose text is identical. */
export function pinIdentical(dParas: readonly AlignParagraph[], oParas: readonly AlignParagraph[]): Map<number, number> {
  const byText = new Map<string, number[]>();
  oParas.forEach((p, i) => {
    const key = normaliseForMatch(p.text);
    byText.set(key, [...(byText.get(key) ?? []), i]);
  });
  const pinned = new Map<number, number>();
  const taken = new Set<number>();
  let last = -1;
  dParas.forEach((p, i) => {
    const options = (byText.get(normaliseForMatch(p.text)) ?? []).filter((o) => !taken.has(o));
    const pick = options.find((o) => o > last) ?? options[0];
    if (pick === undefined) return;
    pinned.set(i, pick);
    taken.add(pick);
    last = pick;
  });
  return pinned;
}

/** Indices of a longest non-decreasing subsequence of `xs` (patience sorting, O(n log n)). */
export function longestNonDecreasing(xs: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest tail of a run of length k + 1
  const prev: number[] = xs.map(() => -1);
  xs.forEach((x, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! <= x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = prev[i]!) out.push(i);
  return out.reverse();
}

/** Word diff (jsdiff `diffWords`) as plain parts. */
export function wordDiff(original: string, derivative: string): DiffPart[] {
  return diffWords(original, derivative).map((p) => ({
    op: p.added ? 'added' : p.removed ? 'removed' : 'equal',
    text: p.value,
  }));
}

const SUBSTANTIVE = new Set([
  'number-changed',
  'name-changed',
  'quote-not-verbatim',
  'attribution-changed',
  'strength-changed',
  'claim-added',
]);

export function relationOf(
  text: string,
  originTexts: readonly string[],
  diff: readonly DiffPart[],
  flags: readonly AlignFlag[],
  pinned: boolean,
): Relation {
  if (originTexts.length === 0) return 'added';
  if (pinned) return 'same';
  if (originTexts.length > 1) return 'merged';
  const dWords = words(text).length;
  const oWords = words(originTexts[0]!).length;
  const newWords = diff.filter((p) => p.op === 'added').reduce((n, p) => n + words(p.text).length, 0);
  const condensed = dWords < oWords && newWords <= 0.25 * dWords && !flags.some((f) => SUBSTANTIVE.has(f.type));
  return condensed ? 'condensed' : 'altered';
}

export function dedupe(flags: readonly AlignFlag[]): AlignFlag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.type}\u0000${f.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
