/**
 * The wording flags of an aligned pair: a hedge added or dropped ("may",
 * "reportedly"), and a claim made stronger or weaker ("will" for "could"). Pure.
 */
import { contentTerms, plainWords, stem } from './text.ts';
import { excerpt } from './text.ts';
import type { AlignFlag } from './types.ts';

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
  // "could not" is the past of "cannot", not a hedge; "might not" still is one.
  { re: /\bmight\b|\bcould\b(?!\s+not\b)/gi, scope: 'clause' },
  // “that doesn’t mean he has abandoned it” leaves open what “he has not abandoned it” asserts.
  { re: /\b(?:does|do|did|need)(?:\s+not|n['’]t)\s+(?:necessarily\s+)?mean\b/gi, scope: 'clause' },
  { re: /\bnot\s+necessarily\b/gi, scope: 'clause' },
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

const HEDGE_WORDS =
  /\b(?:likely|probably|possibly|perhaps|maybe|possible|might|could|may|think|thinks|suggests?|seems?|appears?|mean|necessarily)\b/gi;

/**
 * hedge-dropped: the matched original sentences carry more hedges than the
 * derivative sentence, and the derivative keeps the hedged statement: at
 * least two content terms, and a quarter, of the hedge's scope (its clause,
 * or its sentence for a reporting phrase) recur in the derivative sentence.
 * A hedge whose statement was cut with it is an omission, not a dropped hedge.
 */
export function hedgeFlags(
  derivative: string,
  matchedSentences: readonly string[],
  termsOf: (text: string) => string[] = contentTerms,
): AlignFlag[] {
  const had = matchedSentences.flatMap(hedgesIn);
  const has = hedgesIn(derivative);
  if (had.length <= has.length) return [];
  const dTerms = new Set(termsOf(derivative));
  const kept = had.filter((h) => {
    const scopeTerms = [...new Set(contentTerms(h.scope.replace(HEDGE_WORDS, ' ')))];
    const shared = scopeTerms.filter((t) => dTerms.has(t)).length;
    // Two shared terms, or half of a scope that has fewer than four.
    return shared >= Math.min(2, Math.ceil(scopeTerms.length / 2)) && shared > 0 && shared >= 0.25 * scopeTerms.length;
  });
  const hasWords = new Set(has.map((h) => h.word));
  const dropped = kept.filter((h) => !hasWords.has(h.word)).slice(0, had.length - has.length);
  return dropped.map((h) => ({
    type: 'hedge-dropped' as const,
    detail: `“${h.word}” dropped: the original has “${excerpt(h.scope)}”, the derivative “${excerpt(derivative)}”`,
  }));
}

/**
 * Verbs of one kind by strength: replacing a `strong` verb of the original
 * by a `weak` one of the same kind softens the claim ("must be eliminated" →
 * "must be addressed"); the other way round hardens it ("asked" →
 * "demanded"). A short hand-made list: WordNet has no scale of strength.
 */
const STRENGTH: { kind: string; strong: string[]; weak: string[] }[] = [
  {
    kind: 'removal',
    strong: ['eliminate', 'eradicate', 'abolish', 'destroy', 'annihilate', 'remove', 'crush', 'obliterate', 'dismantle'],
    weak: ['address', 'tackle', 'handle', 'reduce', 'limit', 'curb', 'weaken', 'resolve', 'review', 'consider', 'discuss', 'ease', 'change'],
  },
  {
    kind: 'assertion',
    strong: ['prove', 'confirm', 'demonstrate', 'establish'],
    weak: ['suggest', 'indicate', 'hint', 'imply', 'allege', 'argue'],
  },
  {
    kind: 'demand',
    strong: ['demand', 'insist', 'require', 'compel', 'force'],
    weak: ['ask', 'request', 'urge', 'invite', 'encourage', 'propose'],
  },
  {
    kind: 'refusal',
    strong: ['refuse', 'reject', 'forbid', 'ban', 'prohibit'],
    weak: ['decline', 'hesitate', 'doubt', 'resist', 'discourage', 'delay'],
  },
].map((c) => ({ kind: c.kind, strong: c.strong.map(stem), weak: c.weak.map(stem) }));

/** The first word of `text` whose stem is `s`, as written. */
function wordWithStem(text: string, s: string): string {
  return plainWords(text).find((w) => stem(w) === s) ?? s;
}

/**
 * strength-changed: the matched original sentence(s) have a verb of a kind in
 * `STRENGTH` that the derivative sentence lacks, and the derivative has one
 * of the other strength of the same kind that the original lacks.
 */
export function strengthFlags(derivative: string, matched: string): AlignFlag[] {
  const d = new Set(plainWords(derivative).map(stem));
  const o = new Set(plainWords(matched).map(stem));
  const flags: AlignFlag[] = [];
  for (const c of STRENGTH) {
    for (const [from, to, how] of [
      [c.strong, c.weak, 'softened'],
      [c.weak, c.strong, 'hardened'],
    ] as const) {
      const gone = from.find((s) => o.has(s) && !d.has(s));
      const come = to.find((s) => d.has(s) && !o.has(s));
      if (gone && come) {
        flags.push({
          type: 'strength-changed',
          detail: `${how}: “${wordWithStem(matched, gone)}” → “${wordWithStem(derivative, come)}”: “${excerpt(derivative)}”`,
        });
      }
    }
  }
  return flags;
}
